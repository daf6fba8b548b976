package io.harpoon.supervisor.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.container.Metrics;
import io.harpoon.supervisor.domain.lifecycle.ContainerProcessState;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StateJsonTest {

  private static ContainerProcessState state(ExitStatus status, String err) {
    return new ContainerProcessState(false, true, err, status, 4, 1, new Metrics(10, 20, 30));
  }

  private static final List<ExitStatus> EVERY_EXIT_STATUS = List.of(ExitStatus.NONE,
      new ExitStatus.Exited(0), new ExitStatus.Exited(2), new ExitStatus.Signaled(15),
      new ExitStatus.OomKilled(), new ExitStatus.Unknown());

  private static Optional<ContainerProcessState> parse(String json) throws Exception {
    return Json.mapper().readValue(json, StateJson.class).toState();
  }

  @Test
  void everyExitStatus_roundTrips() throws Exception {
    for (ExitStatus status : EVERY_EXIT_STATUS) {
      ContainerProcessState state = state(status, "boom; again");
      assertThat(parse(StateJson.encode(state))).contains(state);
    }
  }

  @Test
  void everyExitStatus_encode_isByteForByteWhatDatabindWrites() throws Exception {
    for (ExitStatus status : EVERY_EXIT_STATUS) {
      for (String err : new String[] {"", "quote \" and \u00e9 and \n and \u2028"}) {
        ContainerProcessState state = state(status, err);
        assertThat(StateJson.encode(state))
            .isEqualTo(Json.mapper().writeValueAsString(StateJson.of(state)));
      }
    }
  }

  @Test
  void emptyErr_omitted_andReadBackEmpty() throws Exception {
    String json = StateJson.encode(state(ExitStatus.NONE, ""));
    assertThat(json).doesNotContain("err");
    assertThat(parse(json).map(ContainerProcessState::err)).contains("");
  }

  @Test
  void contradictoryExitFlags_notAState() throws Exception {
    String json =
        "{\"up\":false,\"restarting\":false,\"container_exit_status\":{\"exited\":true,"
            + "\"signaled\":true,\"signal\":9},\"restarts\":0,\"ooms\":0,"
            + "\"container_metrics\":{\"cpu_time\":0,\"memory_usage\":0,\"memory_limit\":0}}";
    assertThat(parse(json)).isEmpty();
  }

  @Test
  void statusWithoutItsFlag_notAState() throws Exception {
    assertThat(ExitStatusJson.of(ExitStatus.NONE).toExitStatus()).contains(ExitStatus.NONE);
    assertThat(new ExitStatusJson(false, 3, false, 0, false, false).toExitStatus()).isEmpty();
    assertThat(new ExitStatusJson(false, 0, false, 9, false, false).toExitStatus()).isEmpty();
  }

  @Test
  void missingPartsOrNegativeNumbers_notAState() throws Exception {
    assertThat(parse("{\"up\":true}")).isEmpty();
    assertThat(
            parse(
                "{\"container_exit_status\":{},\"restarts\":-1,"
                    + "\"container_metrics\":{\"cpu_time\":0,\"memory_usage\":0,\"memory_limit\":0}}"))
        .isEmpty();
    assertThat(
            parse(
                "{\"container_exit_status\":{},"
                    + "\"container_metrics\":{\"cpu_time\":-5,\"memory_usage\":0,\"memory_limit\":0}}"))
        .isEmpty();
  }
}
