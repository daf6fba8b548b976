package io.harpoon.supervisor.domain.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Command names on the wire (SPEC §5): {@code event: stop}, {@code kill}, {@code exit}. */
class CommandTest {

  @ParameterizedTest
  @CsvSource({"stop, STOP", "kill, KILL", "exit, EXIT"})
  void wireName_parse_givesTheCommandAndBack(String wire, Command command) {
    assertThat(Command.parse(wire)).contains(command);
    assertThat(command.wireName()).isEqualTo(wire);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "STOP", "Stop", "state", "stop ", "restart"})
  void otherName_parse_isEmpty(String wire) {
    assertThat(Command.parse(wire)).isEmpty();
  }
}
