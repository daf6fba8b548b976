package io.harpoon.supervisor.adapters.runtime;

/** Why a {@link NoFollowWalk} stopped: the path it reached, and what it found there. */
final class PathRefusal extends Exception {

  private static final long serialVersionUID = 1L;

  /** What was found at {@link #path()}. */
  enum Reason {
    MISSING,
    SYMLINK,
    NOT_A_DIRECTORY,
    FAILED
  }

  private final String path;
  private final Reason reason;

  private PathRefusal(String path, Reason reason, String message) {
    super(message);
    this.path = path;
    this.reason = reason;
  }

  static PathRefusal missing(String path) {
    return new PathRefusal(path, Reason.MISSING, path + " does not exist");
  }

  static PathRefusal symlink(String path) {
    return new PathRefusal(path, Reason.SYMLINK, path + " is a symlink");
  }

  static PathRefusal notADirectory(String path) {
    return new PathRefusal(path, Reason.NOT_A_DIRECTORY, path + " is not a directory");
  }

  static PathRefusal failed(String path, String why) {
    return new PathRefusal(path, Reason.FAILED, path + ": " + why);
  }

  /** The path the walk reached, as walked (below its start). */
  String path() {
    return path;
  }

  Reason reason() {
    return reason;
  }
}
