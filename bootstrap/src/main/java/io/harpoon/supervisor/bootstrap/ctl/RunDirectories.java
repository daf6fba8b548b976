package io.harpoon.supervisor.bootstrap.ctl;

import io.harpoon.supervisor.bootstrap.UsageException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The run directories {@code ls} was given. A shell expands {@code /var/lib/harpoon/*} itself; a
 * quoted glob (scripts, or more directories than a command line holds) is expanded here, in its last
 * path component only, to the directories it matches, in name order.
 */
final class RunDirectories {

  private RunDirectories() {}

  static List<Path> expand(List<String> arguments) throws UsageException {
    List<Path> directories = new ArrayList<>();
    for (String argument : arguments) {
      if (isGlob(argument)) {
        directories.addAll(matches(argument));
      } else {
        directories.add(Path.of(argument));
      }
    }
    return directories;
  }

  private static boolean isGlob(String argument) {
    return argument.indexOf('*') >= 0 || argument.indexOf('?') >= 0 || argument.indexOf('[') >= 0;
  }

  private static List<Path> matches(String glob) throws UsageException {
    Path pattern = Path.of(glob);
    Path parent = pattern.getParent() == null ? Path.of(".") : pattern.getParent();
    if (isGlob(parent.toString())) {
      throw new UsageException(
          "'" + Printable.text(glob) + "': a glob only in the last part of the path, e.g. /var/lib/harpoon/*");
    }
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> entries =
        Files.newDirectoryStream(parent, pattern.getFileName().toString())) {
      for (Path entry : entries) {
        if (Files.isDirectory(entry)) {
          found.add(pattern.getParent() == null ? entry.getFileName() : entry);
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      throw new UsageException("'" + Printable.text(glob) + "': cannot list " + parent);
    }
    if (found.isEmpty()) {
      throw new UsageException("no run directory matches '" + Printable.text(glob) + "'");
    }
    found.sort(null);
    return found;
  }
}
