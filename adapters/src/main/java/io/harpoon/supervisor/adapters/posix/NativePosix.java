package io.harpoon.supervisor.adapters.posix;

import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;

/**
 * Lazily loads jnr-posix's native binding once per process. Loading costs a few hundred milliseconds
 * (its stubs are generated at run time); {@link NativeProcesses#preload()} starts it early on another
 * thread, together with the rest of the native start path.
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

  private static final class Holder {
    static final POSIX POSIX = POSIXFactory.getNativePOSIX();
  }
}
