package io.harpoon.supervisor.adapters.posix;

import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;

/**
 * Lazily loads jnr-posix's native binding once per process. Loading costs a few hundred milliseconds
 * (its stubs are generated at run time), so callers that can start it early on another thread should
 * call {@link #preload()}.
 */
public final class NativePosix {

  private NativePosix() {}

  /** The native POSIX binding; throws {@link IllegalStateException} when no native library loads. */
  public static POSIX get() {
    POSIX posix = Holder.POSIX;
    if (!posix.isNative()) {
      throw new IllegalStateException("jnr-posix could not load its native library");
    }
    return posix;
  }

  /** Starts loading the binding in the background. */
  public static void preload() {
    Thread loader = new Thread(() -> Holder.POSIX.getpid(), "posix-preload");
    loader.setDaemon(true);
    loader.start();
  }

  private static final class Holder {
    static final POSIX POSIX = POSIXFactory.getNativePOSIX();
  }
}
