package io.harpoon.supervisor.domain.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The container ID names a cgroup and the runtime's container: one safe path component. */
class ContainerIdTest {

  @ParameterizedTest
  @ValueSource(strings = {"a", "somejobid", "Job_1.2-3", "0", "a..b"})
  void validId_parse_keepsTheValue(String value) {
    assertThat(ContainerId.parse(value)).contains(new ContainerId(value));
    assertThat(new ContainerId(value).toString()).isEqualTo(value);
  }

  @Test
  void idOf128Characters_parse_isValid() {
    assertThat(ContainerId.parse("a".repeat(128))).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-job", "_job", ".job", "..", ".", "a/b", "/", "job id", "job\n", "j\u00f6b"})
  void invalidId_parse_isEmptyAndConstructorRefuses(String value) {
    assertThat(ContainerId.parse(value)).isEmpty();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ContainerId(value))
        .withMessageContaining(ContainerId.RULE);
  }

  @Test
  void idOf129Characters_parse_isEmpty() {
    assertThat(ContainerId.parse("a".repeat(129))).isEmpty();
  }

  @Test
  void nullId_parse_isEmptyAndConstructorRefuses() {
    assertThat(ContainerId.parse(null)).isEmpty();
    assertThatNullPointerException().isThrownBy(() -> new ContainerId(null));
  }
}
