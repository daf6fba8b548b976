package io.harpoon.supervisor.adapters.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeMessagesTest {

  @TempDir Path dir;

  @Test
  void jsonLog_fromJsonLog_keepsOnlyErrorMessages() throws IOException {
    Path log =
        write(
            """
            {"level":"warning","msg":"cgroup v1 is deprecated","time":"t"}
            {"level":"error","msg":"runc create failed: exec: \\"x\\": not found","time":"t"}
            """);

    assertThat(RuntimeMessages.fromJsonLog(log))
        .containsExactly("runc create failed: exec: \"x\": not found");
  }

  @Test
  void logWithPlainLines_fromJsonLog_keepsThemAsTheyAre() throws IOException {
    Path log = write("panic: runtime error\n{\"level\":\"info\",\"msg\":\"ok\"}\n");

    assertThat(RuntimeMessages.fromJsonLog(log)).containsExactly("panic: runtime error");
  }

  @Test
  void manyErrors_fromJsonLog_keepsTheLastFew() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 9; i++) {
      text.append("{\"level\":\"error\",\"msg\":\"e").append(i).append("\"}\n");
    }

    assertThat(RuntimeMessages.fromJsonLog(write(text.toString())))
        .containsExactly("e5", "e6", "e7", "e8", "e9");
  }

  @Test
  void missingFile_fromJsonLog_isEmpty() {
    assertThat(RuntimeMessages.fromJsonLog(dir.resolve("none"))).isEmpty();
  }

  @Test
  void longLine_fromText_isShortened() throws IOException {
    String line = "x".repeat(2000);

    assertThat(RuntimeMessages.fromText(write("\n" + line + "\n\n")))
        .singleElement()
        .asString()
        .hasSize(503)
        .endsWith("...");
  }

  @Test
  void severalMessages_summary_keepsTheLastWholeAndTheEarlierOnesThatFit() {
    String early = "e".repeat(380);
    List<String> messages = List.of(early, "container init failed", "runc create failed: boom");

    assertThat(RuntimeMessages.summary(messages))
        .isEqualTo("container init failed; runc create failed: boom");
  }

  @Test
  void lastMessageLongerThanTheCap_summary_keepsItsBeginning() {
    String last = "exec: \"x\": executable file not found " + "y".repeat(600);

    assertThat(RuntimeMessages.summary(List.of("first", last)))
        .hasSize(RuntimeMessages.MAX_SUMMARY)
        .startsWith("exec: \"x\": executable file not found")
        .endsWith("...");
  }

  @Test
  void anyMessages_summary_isAtMostTheCap() {
    List<String> messages = List.of("a".repeat(500), "b".repeat(500), "c".repeat(150), "d");

    assertThat(RuntimeMessages.summary(messages)).hasSizeLessThanOrEqualTo(400).endsWith("; d");
    assertThat(RuntimeMessages.summary(List.of())).isEmpty();
  }

  private Path write(String text) throws IOException {
    return Files.writeString(Files.createTempFile(dir, "log", ".txt"), text);
  }
}
