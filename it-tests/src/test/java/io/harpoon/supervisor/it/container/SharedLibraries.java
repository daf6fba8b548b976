package io.harpoon.supervisor.it.container;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shared libraries that ELF binaries of this machine load, as ldd(1) resolves them here (the
 * dynamic loader itself included). An image FROM scratch has no libc: the JVM, runc and jffi's stub
 * all need these copied in at the same paths.
 */
final class SharedLibraries {

  /**
   * ldd prints {@code libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x...)} for a library and
   * {@code /lib64/ld-linux-x86-64.so.2 (0x...)} for the loader; the vDSO has no path and is
   * skipped.
   */
  private static final Pattern RESOLVED =
      Pattern.compile("(?:=>\\s+)?(/\\S+)\\s+\\(0x[0-9a-f]+\\)");

  private SharedLibraries() {}

  /** The absolute paths of every library the binaries load, in path order. */
  static Set<Path> of(Collection<Path> binaries) throws IOException {
    Set<Path> libraries = new TreeSet<>();
    for (Path binary : binaries) {
      libraries.addAll(parse(ldd(binary)));
    }
    return libraries;
  }

  /** The library paths named in ldd's output. */
  static List<Path> parse(String lddOutput) {
    Matcher matcher = RESOLVED.matcher(lddOutput);
    List<Path> paths = new ArrayList<>();
    while (matcher.find()) {
      paths.add(Path.of(matcher.group(1)));
    }
    return paths;
  }

  private static String ldd(Path binary) throws IOException {
    Commands.Result result = Commands.run("ldd", binary.toString());
    if (result.output().contains("not a dynamic executable")) {
      return ""; // a static binary (busybox-static) loads nothing
    }
    if (result.exitCode() != 0) {
      throw new IOException("ldd " + binary + " failed: " + result.output().strip());
    }
    return result.output();
  }
}
