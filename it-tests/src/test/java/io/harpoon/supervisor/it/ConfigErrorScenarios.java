package io.harpoon.supervisor.it;

import static io.harpoon.supervisor.it.support.AgentConfig.agent;
import static org.assertj.core.api.Assertions.assertThat;

import io.harpoon.supervisor.it.support.ControlClient;
import io.harpoon.supervisor.it.support.RunDirectory;
import io.harpoon.supervisor.it.support.SupervisorProcess;
import io.harpoon.supervisor.it.support.SupervisorState;
import io.harpoon.supervisor.it.support.Workloads;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A broken run directory or command is reported in {@code err}, never fatal (SPEC §4, §6). */
public interface ConfigErrorScenarios extends Scenario {

  /** One way to break a run directory, and the words the error must name. */
  enum Breakage {
    MISSING_AGENT_JSON {
      @Override
      void apply(RunDirectory dir) throws IOException {
        Files.delete(dir.agentJson());
      }
    },
    MALFORMED_AGENT_JSON {
      @Override
      void apply(RunDirectory dir) throws IOException {
        dir.writeAgentJson("{\"restart\": \"always\", \"resources\": {");
      }
    },
    INVALID_RESTART_POLICY("restart") {
      @Override
      void apply(RunDirectory dir) throws IOException {
        dir.write(agent().restart("sometimes"));
      }
    },
    TWO_PROBLEMS("restart", "mem", "; ") {
      @Override
      void apply(RunDirectory dir) throws IOException {
        dir.write(agent().restart("sometimes").mem(-5));
      }
    },
    BAD_DURATION("shutdown") {
      @Override
      void apply(RunDirectory dir) throws IOException {
        dir.write(agent().graceShutdown("soon"));
      }
    },
    RELATIVE_VOLUME_PATH("/data") {
      @Override
      void apply(RunDirectory dir) throws IOException {
        dir.write(agent().volume("/data", "volumes/data"));
      }
    },
    MISSING_ROOTFS("rootfs") {
      @Override
      void apply(RunDirectory dir) throws IOException {
        dir.deleteRootfs();
      }
    },
    ROOTFS_IS_A_FILE("rootfs") {
      @Override
      void apply(RunDirectory dir) throws IOException {
        dir.deleteRootfs();
        Files.writeString(dir.rootfs(), "not a directory");
      }
    };

    private final List<String> named;

    Breakage(String... named) {
      this.named = List.of(named);
    }

    abstract void apply(RunDirectory dir) throws IOException;
  }

  @ParameterizedTest
  @EnumSource(Breakage.class)
  default void brokenRunDirectory_started_reportsErrAndAcceptsExit(Breakage breakage)
      throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().restart("always"));
    breakage.apply(dir);
    SupervisorProcess supervisor = fixture().start(dir, Workloads.TERM_HANDLER);

    SupervisorState reported = awaitErrAndExit(dir, supervisor);

    for (String word : breakage.named) {
      assertThat(reported.err()).containsIgnoringCase(word);
    }
  }

  @Test
  default void commandNotFound_started_reportsErrAndAcceptsExit() throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().restart("always"));
    SupervisorProcess supervisor = fixture().start(dir, List.of("/nonexistent"));

    SupervisorState reported = awaitErrAndExit(dir, supervisor);

    assertThat(reported.err()).contains("nonexistent");
  }

  @Test
  default void brokenRunDirectory_sigterm_exitsZero() throws IOException {
    RunDirectory dir = fixture().runDirectory(agent().restart("always"));
    dir.deleteRootfs();
    SupervisorProcess supervisor = fixture().start(dir, Workloads.TERM_HANDLER);
    fixture().connect(dir).awaitState("a state with err", s -> !s.err().isEmpty(), STARTED);

    supervisor.signal("TERM");

    assertThat(supervisor.awaitExit(PROMPTLY)).isZero();
    assertThat(Files.exists(dir.control())).isFalse();
  }

  private SupervisorState awaitErrAndExit(RunDirectory dir, SupervisorProcess supervisor)
      throws IOException {
    ControlClient client = fixture().connect(dir);
    SupervisorState reported = client.awaitState("a state with err", s -> !s.err().isEmpty(), STARTED);
    client.send("exit");

    assertThat(reported.up()).isFalse();
    assertThat(reported.restarting()).isFalse();
    assertThat(supervisor.awaitExit(PROMPTLY)).as("exit accepted").isZero();
    assertThat(client.states()).noneMatch(SupervisorState::up);
    return reported;
  }
}
