package io.harpoon.supervisor.adapters.posix;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;

/**
 * One {@code posix_spawnp(3)} call through {@link LinuxLibC}: its file actions and attributes live
 * in native memory of glibc's sizes for the duration of the call.
 *
 * <p>The attributes give the child an empty signal mask and every signal's default disposition.
 * A thread's mask and ignored signals survive {@code execve(2)}: without them the runtime (and the
 * container, which inherits from it) would start with whatever the thread that spawned it had
 * blocked, and glibc's own posix_spawn leaves its internal signals 32 and 33 ignored in the child.
 */
final class PosixSpawn {

  /** {@code sizeof(posix_spawn_file_actions_t)}: two ints, a pointer, 16 ints of padding. */
  static final int FILE_ACTIONS_BYTES = 80;
  /** {@code sizeof(posix_spawnattr_t)}: flags, pgrp, two 128-byte sigsets, sched, 16 ints. */
  static final int ATTRIBUTES_BYTES = 336;

  private static final short POSIX_SPAWN_SETSIGDEF = 0x04;
  private static final short POSIX_SPAWN_SETSIGMASK = 0x08;
  private static final short POSIX_SPAWN_SETSID = 0x80;
  private static final int SIGSET_BYTES = 128;
  private static final byte[] NO_SIGNALS = new byte[SIGSET_BYTES];
  private static final byte[] ALL_SIGNALS = new byte[SIGSET_BYTES];

  /** One action of each kind, never carried out. */
  private static final List<SpawnActions.Action> WARM_UP = List.of(
      new SpawnActions.Open(0, "/dev/null", 0, 0), new SpawnActions.Dup2(2, 1),
      new SpawnActions.Close(3));

  static {
    Arrays.fill(ALL_SIGNALS, (byte) 0xff);
  }

  private final LinuxLibC libc;
  private final jnr.ffi.Runtime runtime;

  PosixSpawn(LinuxLibC libc, jnr.ffi.Runtime runtime) {
    this.libc = libc;
    this.runtime = runtime;
  }

  /**
   * Starts {@code argv} (looked up on {@code PATH}) with the supervisor's environment, in a new
   * session when {@code newSession}.
   */
  int spawn(List<String> argv, List<SpawnActions.Action> actions, boolean newSession)
      throws IOException {
    Pointer fileActions = fileActions(actions);
    try {
      return spawnWith(argv, fileActions, newSession);
    } finally {
      libc.posix_spawn_file_actions_destroy(fileActions);
    }
  }

  /**
   * Binds what a spawn calls, without spawning: with jnr-ffi's bytecode generation off (the
   * launcher's choice, for start-up), a function's invoker is built on its first call.
   */
  void warmUp() throws IOException {
    Pointer fileActions = fileActions(WARM_UP);
    try {
      libc.posix_spawnattr_destroy(attributes(true));
    } finally {
      libc.posix_spawn_file_actions_destroy(fileActions);
    }
  }

  private Pointer fileActions(List<SpawnActions.Action> actions) throws IOException {
    Pointer fileActions = Memory.allocateDirect(runtime, FILE_ACTIONS_BYTES);
    check(libc.posix_spawn_file_actions_init(fileActions), "posix_spawn_file_actions_init");
    try {
      for (SpawnActions.Action action : actions) {
        check(add(fileActions, action), "posix_spawn_file_actions " + action);
      }
      return fileActions;
    } catch (IOException e) {
      libc.posix_spawn_file_actions_destroy(fileActions);
      throw e;
    }
  }

  private int spawnWith(List<String> argv, Pointer fileActions, boolean newSession)
      throws IOException {
    Pointer attributes = attributes(newSession);
    try {
      int[] pid = new int[1];
      int error = libc.posix_spawnp(pid, argv.get(0), fileActions, attributes,
          nullTerminated(argv), environment());
      if (error != 0) {
        throw new IOException("cannot start " + argv.get(0) + ": " + NativeLinux.describe(error));
      }
      return pid[0];
    } finally {
      libc.posix_spawnattr_destroy(attributes);
    }
  }

  private Pointer attributes(boolean newSession) throws IOException {
    Pointer attributes = Memory.allocateDirect(runtime, ATTRIBUTES_BYTES);
    check(libc.posix_spawnattr_init(attributes), "posix_spawnattr_init");
    check(libc.posix_spawnattr_setsigmask(attributes, NO_SIGNALS), "posix_spawnattr_setsigmask");
    check(libc.posix_spawnattr_setsigdefault(attributes, ALL_SIGNALS),
        "posix_spawnattr_setsigdefault");
    short flags = POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK;
    if (newSession) {
      flags |= POSIX_SPAWN_SETSID;
    }
    check(libc.posix_spawnattr_setflags(attributes, flags), "posix_spawnattr_setflags");
    return attributes;
  }

  private int add(Pointer fileActions, SpawnActions.Action action) {
    if (action instanceof SpawnActions.Open) {
      SpawnActions.Open open = (SpawnActions.Open) action;
      return libc.posix_spawn_file_actions_addopen(
          fileActions, open.fd(), open.path(), open.flags(), open.mode());
    }
    if (action instanceof SpawnActions.Dup2) {
      SpawnActions.Dup2 dup = (SpawnActions.Dup2) action;
      return libc.posix_spawn_file_actions_adddup2(fileActions, dup.fd(), dup.target());
    }
    if (action instanceof SpawnActions.Close) {
      int fd = ((SpawnActions.Close) action).fd();
      return libc.posix_spawn_file_actions_addclose(fileActions, fd);
    }
    throw new AssertionError("unknown spawn action " + action);
  }

  private static CharSequence[] environment() {
    Map<String, String> variables = System.getenv();
    CharSequence[] env = new CharSequence[variables.size() + 1];
    int i = 0;
    for (Map.Entry<String, String> variable : variables.entrySet()) {
      env[i++] = variable.getKey() + "=" + variable.getValue();
    }
    return env;
  }

  private static CharSequence[] nullTerminated(List<String> strings) {
    return strings.toArray(new CharSequence[strings.size() + 1]);
  }

  private static void check(int error, String call) throws IOException {
    if (error != 0) {
      throw new IOException(call + " failed: " + NativeLinux.describe(error));
    }
  }
}
