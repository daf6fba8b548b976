package io.harpoon.supervisor.bootstrap.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.adapters.json.StateJson;
import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.container.Metrics;
import io.harpoon.supervisor.domain.lifecycle.ContainerProcessState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class StateTreeTest {

  @Test
  void everyStateTheSupervisorWrites_decodesToItself() {
    for (ExitStatus exit : new ExitStatus[] {ExitStatus.NONE, new ExitStatus.Exited(3),
        new ExitStatus.Signaled(9), new ExitStatus.OomKilled(), new ExitStatus.Unknown()}) {
      ContainerProcessState state = new ContainerProcessState(false, true, "bad \"x\"\n", exit, 2,
          1, new Metrics(5_000_000_000_000L, 12_897_485, 67_108_864));

      assertThat(StateTree.decode(StateJson.encode(state))).contains(state);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "{\"up\":\"maybe\",\"container_exit_status\":{},\"container_metrics\":{}}",
    "{\"up\":true,\"restarts\":1.5,\"container_exit_status\":{},\"container_metrics\":{}}",
    "{\"up\":true,\"restarts\":9999999999,\"container_exit_status\":{},\"container_metrics\":{}}",
    "{\"up\":true,\"err\":7,\"container_exit_status\":{},\"container_metrics\":{}}",
    "{\"up\":true,\"container_metrics\":{}}",
    "{\"up\":true,\"container_exit_status\":[],\"container_metrics\":{}}",
    "{\"up\":true,\"container_exit_status\":{\"exited\":true,\"signaled\":true},\"container_metrics\":{}}",
    "[]", "", "{\"up\":true"})
  void notAState_isEmpty(String data) {
    assertThat(StateTree.decode(data)).isEmpty();
  }
}
