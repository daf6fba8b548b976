package io.harpoon.supervisor.it.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SharedLibrariesTest {

  @Test
  void lddOutputOfRunc_parsed_namesEachLibraryAndTheLoaderButNotTheVdso() {
    String ldd =
        """
        \tlinux-vdso.so.1 (0x00007ffd3a5f2000)
        \tlibseccomp.so.2 => /lib/x86_64-linux-gnu/libseccomp.so.2 (0x00007f119213a000)
        \tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f1191f58000)
        \t/lib64/ld-linux-x86-64.so.2 (0x00007f119216d000)
        """;

    assertThat(SharedLibraries.parse(ldd))
        .containsExactly(
            Path.of("/lib/x86_64-linux-gnu/libseccomp.so.2"),
            Path.of("/lib/x86_64-linux-gnu/libc.so.6"),
            Path.of("/lib64/ld-linux-x86-64.so.2"));
  }

  @Test
  void lddOutputOfJava_parsed_keepsTheRelativeLibjliPathAsPrinted() {
    String ldd = "\tlibjli.so => /opt/jre/bin/../lib/libjli.so (0x00007f58f0e37000)\n";

    assertThat(SharedLibraries.parse(ldd))
        .containsExactly(Path.of("/opt/jre/bin/../lib/libjli.so"));
  }
}
