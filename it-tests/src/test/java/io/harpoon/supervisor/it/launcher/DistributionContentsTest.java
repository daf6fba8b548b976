package io.harpoon.supervisor.it.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The tarball {@code mvn package} builds holds exactly what docs/operations.md lists (between its
 * {@code tarball-contents} markers): every listed path is there, nothing unlisted is, the launchers are
 * executable and the rest is not. Class data is listed too; a build with {@code -DskipCds} has none,
 * and then only its absence is allowed.
 */
class DistributionContentsTest {

  private static final Pattern ENTRY = Pattern.compile("^  (\\S+)\\s{2,}\\S.*$");

  @Test
  void tarball_holdsExactlyWhatOperationsLists() throws IOException {
    Map<String, Integer> entries = tarEntries(tarball());
    List<String> listed = listedPaths();
    assertThat(listed).as("paths listed in docs/operations.md").contains("bin/harpoonctl", "LICENSE");
    boolean trained = entries.keySet().stream().anyMatch(name -> name.endsWith(".jdk"));

    for (String pattern : listed) {
      boolean classData = pattern.contains("{aot,jsa}");
      if (classData && !trained) {
        continue;
      }
      PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
      assertThat(entries.keySet()).as("the tarball has %s", pattern)
          .anyMatch(name -> matcher.matches(Path.of(name)));
    }
    List<PathMatcher> matchers = listed.stream()
        .map(p -> FileSystems.getDefault().getPathMatcher("glob:" + p)).toList();
    assertThat(entries.keySet()).as("every file of the tarball is listed in docs/operations.md")
        .allMatch(name -> matchers.stream().anyMatch(m -> m.matches(Path.of(name))));
    entries.forEach((name, mode) -> {
      if (name.startsWith("runtime/")) {
        // jlink's own modes (its bin/java and lib/jspawnhelper are executables): never writable by others.
        assertThat(mode & 0022).as("mode of %s", name).isZero();
      } else {
        assertThat(mode & 0777).as("mode of %s", name).isEqualTo(name.startsWith("bin/harpoon") ? 0755 : 0644);
      }
    });
    assertThat(entries).as("the bundled java runs").containsKey("runtime/bin/java");
    assertThat(entries.get("runtime/bin/java") & 0111).isNotZero();
  }

  private static Path tarball() throws IOException {
    Path target = LauncherRun.distribution().getParent();
    try (Stream<Path> files = Files.list(target)) {
      return files.filter(f -> f.getFileName().toString().matches("harpoon-supervisor-.*\\.tar\\.gz"))
          .findFirst().orElseThrow(() -> new AssertionError("no tarball in " + target));
    }
  }

  private static List<String> listedPaths() throws IOException {
    Path operations = LauncherRun.distribution().resolve("../../../docs/operations.md").normalize();
    String text = Files.readString(operations, StandardCharsets.UTF_8);
    int begin = text.indexOf("<!-- tarball-contents:begin");
    int end = text.indexOf("<!-- tarball-contents:end -->");
    assertThat(begin).as("tarball-contents markers in %s", operations).isPositive().isLessThan(end);
    List<String> paths = new ArrayList<>();
    for (String line : text.substring(begin, end).split("\n")) {
      Matcher entry = ENTRY.matcher(line);
      if (entry.matches()) {
        paths.add(entry.group(1));
      }
    }
    return paths;
  }

  /** Regular files of a .tar.gz (ustar/pax headers), by path under the top directory, with their mode. */
  static Map<String, Integer> tarEntries(Path tarball) throws IOException {
    Map<String, Integer> entries = new TreeMap<>();
    try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(tarball)))) {
      byte[] header = new byte[512];
      String longName = null;
      while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
        String name = longName != null ? longName : field(header, 345, 155).isEmpty()
            ? field(header, 0, 100) : field(header, 345, 155) + "/" + field(header, 0, 100);
        longName = null;
        long size = Long.parseLong(field(header, 124, 12).trim(), 8);
        int mode = Integer.parseInt(field(header, 100, 8).trim(), 8);
        byte type = header[156];
        byte[] body = in.readNBytes((int) ((size + 511) / 512 * 512));
        if (type == 'x') {
          longName = paxPath(new String(body, 0, (int) size, StandardCharsets.UTF_8));
        } else if (type == '0' || type == 0) {
          entries.put(name.substring(name.indexOf('/') + 1), mode);
        }
      }
    }
    return entries;
  }

  private static String field(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static String paxPath(String records) {
    for (String record : records.split("\n")) {
      int space = record.indexOf(' ');
      if (space > 0 && record.startsWith("path=", space + 1)) {
        return record.substring(space + 1 + "path=".length());
      }
    }
    return null;
  }
}
