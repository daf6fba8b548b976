package io.harpoon.supervisor.adapters.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

  private Path write(String text) throws IOException {
    return Files.writeString(Files.createTempFile(dir, "log", ".txt"), text);
  }
}
