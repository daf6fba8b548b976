package io.harpoon.supervisor.bootstrap.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository's {@code docs/}, found from the bootstrap module's directory (Surefire's working
 * directory), and the generated regions inside its Markdown files.
 */
public final class DocsDirectory {

  /** {@code -Dharpoon.docs.update=true} rewrites generated docs instead of checking them. */
  public static final boolean UPDATE = Boolean.getBoolean("harpoon.docs.update");

  private DocsDirectory() {}

  public static Path path(String name) {
    Path docs = Path.of("..", "docs").toAbsolutePath().normalize();
    assertThat(docs).as("docs/ beside the bootstrap module").isDirectory();
    return docs.resolve(name);
  }

  public static String read(String name) throws IOException {
    Path file = path(name);
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }

  public static void write(String name, String text) throws IOException {
    Files.writeString(path(name), text, StandardCharsets.UTF_8);
  }

  /**
   * The text between {@code <!-- NAME:begin ... -->} and {@code <!-- NAME:end -->}, lines included.
   */
  public static String region(String markdown, String name) {
    int begin = markdown.indexOf("<!-- " + name + ":begin");
    int end = markdown.indexOf("<!-- " + name + ":end -->");
    assertThat(begin).as("marker <!-- %s:begin --> in the document", name).isNotNegative();
    assertThat(end).as("marker <!-- %s:end --> after it", name).isGreaterThan(begin);
    int start = markdown.indexOf('\n', begin) + 1;
    return markdown.substring(start, end);
  }

  /** {@code markdown} with the region {@code name} replaced by {@code content}. */
  public static String replaceRegion(String markdown, String name, String content) {
    String old = region(markdown, name);
    int start = markdown.indexOf('\n', markdown.indexOf("<!-- " + name + ":begin")) + 1;
    return markdown.substring(0, start) + content + markdown.substring(start + old.length());
  }
}
