package io.harpoon.supervisor.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version and commit the build recorded, the Java running the supervisor and, when started by a
 * launcher of the distribution, what it decided about the class data archive ({@code harpoon.class-data}).
 */
public final class Version {

  private Version() {}

  /**
   * e.g. {@code harpoon-supervisor 0.1.0 (commit 0123abcd4567) on Java 25.0.3 at /usr/lib/jvm/...},
   * followed by a line {@code class data: AOT cache /opt/.../lib/harpoon-supervisor.aot} or why none.
   */
  public static String line(String program) {
    String line = program + " " + build() + " on " + java();
    String classData = System.getProperty("harpoon.class-data");
    return classData == null ? line : line + System.lineSeparator() + "class data: " + classData;
  }

  /** {@code 0.1.0 (commit 0123abcd4567)}, {@code -dirty} when built from a changed tree. */
  public static String build() {
    Properties build = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        build.load(in);
      }
    } catch (IOException e) {
      // An unreadable resource only costs the version line its details.
    }
    String version = known(build.getProperty("version"), "unknown");
    String commit = known(build.getProperty("commit"), "unknown");
    if ("true".equals(build.getProperty("dirty"))) {
      commit += "-dirty";
    }
    return version + " (commit " + commit + ")";
  }

  /** {@code Java 25.0.3 at /usr/lib/jvm/...}. */
  public static String java() {
    return "Java " + System.getProperty("java.version") + " at " + System.getProperty("java.home");
  }

  private static String known(String value, String fallback) {
    return value == null || value.isEmpty() || value.startsWith("${") ? fallback : value;
  }
}
