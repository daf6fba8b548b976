package io.harpoon.supervisor.domain.restart;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.domain.container.ExitStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** agent.json {@code restart}: no, on-failure, always. */
class RestartPolicyTest {

  @ParameterizedTest
  @EnumSource(RestartPolicy.class)
  void configName_parse_givesThePolicyBack(RestartPolicy policy) {
    assertThat(RestartPolicy.parse(policy.configName())).contains(policy);
  }

  @Test
  void configNames_areTheAgentJsonSpellings() {
    assertThat(RestartPolicy.NO.configName()).isEqualTo("no");
    assertThat(RestartPolicy.ON_FAILURE.configName()).isEqualTo("on-failure");
    assertThat(RestartPolicy.ALWAYS.configName()).isEqualTo("always");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "No", "ON_FAILURE", "on_failure", "onfailure", "always ", "unless-stopped"})
  void otherSpelling_parse_isEmpty(String name) {
    assertThat(RestartPolicy.parse(name)).isEmpty();
  }

  @Test
  void onlyNo_mayRestart_isFalse() {
    assertThat(RestartPolicy.NO.mayRestart()).isFalse();
    assertThat(RestartPolicy.ON_FAILURE.mayRestart()).isTrue();
    assertThat(RestartPolicy.ALWAYS.mayRestart()).isTrue();
  }

  @Test
  void no_restartsAfter_nothing() {
    assertThat(RestartPolicy.NO.restartsAfter(new ExitStatus.Exited(1).isFailure())).isFalse();
    assertThat(RestartPolicy.NO.restartsAfter(new ExitStatus.OomKilled().isFailure())).isFalse();
  }

  @Test
  void onFailure_restartsAfter_everythingButExitZero() {
    assertThat(RestartPolicy.ON_FAILURE.restartsAfter(new ExitStatus.Exited(0).isFailure())).isFalse();
    assertThat(RestartPolicy.ON_FAILURE.restartsAfter(new ExitStatus.Exited(2).isFailure())).isTrue();
    assertThat(RestartPolicy.ON_FAILURE.restartsAfter(new ExitStatus.Signaled(15).isFailure())).isTrue();
    assertThat(RestartPolicy.ON_FAILURE.restartsAfter(new ExitStatus.OomKilled().isFailure())).isTrue();
    assertThat(RestartPolicy.ON_FAILURE.restartsAfter(new ExitStatus.Unknown().isFailure())).isTrue();
  }

  @Test
  void always_restartsAfter_evenExitZero() {
    assertThat(RestartPolicy.ALWAYS.restartsAfter(new ExitStatus.Exited(0).isFailure())).isTrue();
  }
}
