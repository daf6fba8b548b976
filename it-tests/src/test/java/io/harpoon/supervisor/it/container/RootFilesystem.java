package io.harpoon.supervisor.it.container;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The image's build context: a Dockerfile and {@code rootfs/}, laid out like this Debian host
 * (merged /usr: /bin, /sbin, /lib and /lib64 are links into /usr) so that the paths ldd printed
 * here are valid inside. Contents: busybox and its applet links, runc, a jlinked Java at /opt/java,
 * the distribution at /opt/harpoon-supervisor, the libraries all of them load, and the entrypoint.
 */
final class RootFilesystem {

  /** The launcher's path inside the image. */
  static final String LAUNCHER = "/opt/harpoon-supervisor/bin/harpoon-supervisor";

  private static final String ROOT = "rootfs/";
  private static final String RESOURCES = "/io/harpoon/supervisor/it/container/";

  private final Map<String, ImageFile> files = new LinkedHashMap<>();

  private RootFilesystem() {}

  /**
   * Every entry of the context, parents included; {@code cacheDir} keeps the linked Java runtime.
   */
  static List<ImageFile> assemble(ImageSources sources, Path cacheDir) throws IOException {
    RootFilesystem fs = new RootFilesystem();
    fs.layout();
    fs.busybox(sources.busybox());
    fs.add(new ImageFile.HostFile(ROOT + "usr/sbin/runc", sources.runc(), 0755));
    Path java = JavaRuntime.linked(sources.javaHome(), cacheDir);
    fs.tree(java, "opt/java", null);
    // The distribution whole, its own runtime/ and the class data made for it included: the launcher
    // prefers that runtime, so the supervisors in the container start as on the host (Java 25 with its AOT
    // cache rather than /opt/java without class data: a third of the CPU per start). /opt/java stays for
    // the test's own Java helpers beside the supervisor.
    fs.tree(sources.distribution(), "opt/harpoon-supervisor", null);
    Path bundled = sources.distribution().resolve("runtime");
    List<Path> binaries =
        new ArrayList<>(
            List.of(
                java.resolve("bin/java"),
                java.resolve("lib/server/libjvm.so"),
                sources.runc(),
                sources.busybox()));
    binaries.addAll(JffiStub.extract(sources.distribution(), cacheDir));
    fs.libraries(binaries, java);
    if (Files.isExecutable(bundled.resolve("bin/java"))) {
      fs.libraries(List.of(bundled.resolve("bin/java"), bundled.resolve("lib/server/libjvm.so")), bundled);
    }
    fs.add(new ImageFile.Content("Dockerfile", resource("Dockerfile"), 0644));
    fs.add(
        new ImageFile.Content(
            ROOT + "usr/local/bin/harpoon-container-init",
            resource("harpoon-container-init"),
            0755));
    return fs.withParents();
  }

  private void layout() {
    for (String dir :
        List.of(
            "usr/bin",
            "usr/sbin",
            "usr/lib",
            "usr/lib64",
            "usr/local/bin",
            "etc",
            "opt",
            "run",
            "proc",
            "sys",
            "dev")) {
      add(new ImageFile.Directory(ROOT + dir, 0755));
    }
    add(new ImageFile.Directory(ROOT + "tmp", 01777));
    add(new ImageFile.Directory(ROOT + "root", 0700));
    for (String merged : List.of("bin", "sbin", "lib", "lib64")) {
      add(new ImageFile.Link(ROOT + merged, "usr/" + merged));
    }
    add(
        text(
            "etc/passwd",
            "root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/sh\n"));
    add(text("etc/group", "root:x:0:\ndaemon:x:1:\n"));
  }

  /** busybox at /usr/bin and a link per applet, at the place busybox itself lists for it. */
  private void busybox(Path busybox) throws IOException {
    add(new ImageFile.HostFile(ROOT + "usr/bin/busybox", busybox, 0755));
    for (String applet : Commands.output(busybox.toString(), "--list-full").split("\n")) {
      String path = applet.strip();
      if (!path.isEmpty() && !path.endsWith("/busybox")) {
        String merged = path.startsWith("usr/") ? path : "usr/" + path;
        files.putIfAbsent(ROOT + merged, new ImageFile.Link(ROOT + merged, "/usr/bin/busybox"));
      }
    }
  }

  /**
   * Each library at its directory's real path (/lib -> /usr/lib) under the name ldd printed, which
   * is the soname the loader looks for (libseccomp.so.2, not the file it links to).
   */
  private void libraries(List<Path> binaries, Path java) throws IOException {
    List<Path> all = new ArrayList<>(binaries);
    try (Stream<Path> libs = Files.list(java.resolve("lib"))) {
      libs.filter(p -> p.toString().endsWith(".so")).forEach(all::add);
    }
    for (Path library : SharedLibraries.of(all)) {
      if (!library.startsWith(java)) {
        Path dir = library.getParent().toRealPath();
        add(
            new ImageFile.HostFile(
                ROOT + relative(dir.resolve(library.getFileName())), library, 0755));
      }
    }
  }

  /**
   * A copy of a directory tree, symlinks followed (the distribution's lib/ may link to jars), less its
   * subdirectory {@code leftOut} when not null.
   */
  private void tree(Path source, String target, String leftOut) throws IOException {
    try (Stream<Path> walk = Files.walk(source, FileVisitOption.FOLLOW_LINKS)) {
      for (Path path : walk.sorted().toList()) {
        if (leftOut != null && path.startsWith(source.resolve(leftOut))) {
          continue;
        }
        String name = ROOT + target + (path.equals(source) ? "" : "/" + source.relativize(path));
        if (Files.isDirectory(path)) {
          add(new ImageFile.Directory(name, 0755));
        } else if (!skipped(path)) {
          add(new ImageFile.HostFile(name, path, Files.isExecutable(path) ? 0755 : 0644));
        }
      }
    }
  }

  /**
   * A CDS archive no Java of the image maps: the JDK's for 32-bit object pointers, only used with heaps
   * above 32 GB; the launcher caps the heap at 64 MB (about 10 MB saved).
   */
  private static boolean skipped(Path path) {
    String name = path.getFileName().toString();
    return name.equals("classes_nocoops.jsa");
  }

  private void add(ImageFile file) {
    files.put(file.path(), file);
  }

  /**
   * The entries plus a directory entry for every parent not listed, so the tar is self-contained.
   */
  private List<ImageFile> withParents() {
    Map<String, ImageFile> all = new LinkedHashMap<>(files);
    for (String path : files.keySet()) {
      for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
        all.putIfAbsent(
            path.substring(0, slash), new ImageFile.Directory(path.substring(0, slash), 0755));
      }
    }
    return List.copyOf(all.values());
  }

  private static ImageFile text(String path, String content) {
    return new ImageFile.Content(ROOT + path, content.getBytes(StandardCharsets.UTF_8), 0644);
  }

  private static String relative(Path absolute) {
    return absolute.toString().substring(1);
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = RootFilesystem.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IOException("missing test resource " + RESOURCES + name);
      }
      return in.readAllBytes();
    }
  }

  /** Deletes a tree if present; symlinks are removed, never followed. */
  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
