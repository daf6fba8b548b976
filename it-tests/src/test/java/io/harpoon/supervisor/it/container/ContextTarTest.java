package io.harpoon.supervisor.it.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextTarTest {

  @TempDir Path dir;

  @Test
  void sameFilesInAnyOrder_digest_isTheSame() throws IOException {
    List<ImageFile> files = files();
    List<ImageFile> reversed = new ArrayList<>(files);
    Collections.reverse(reversed);

    assertThat(new ContextTar(reversed).sha256()).isEqualTo(new ContextTar(files).sha256());
  }

  @Test
  void changedContent_digest_changes() throws IOException {
    String before = new ContextTar(files()).sha256();
    Files.writeString(dir.resolve("busybox"), "another busybox");

    assertThat(new ContextTar(files()).sha256()).isNotEqualTo(before);
  }

  @Test
  void appletLink_written_staysASymlinkWithItsTarget() throws IOException {
    List<TarArchiveEntry> entries = read(new ContextTar(files()));

    TarArchiveEntry link = find(entries, "rootfs/usr/bin/sh");
    assertThat(link.isSymbolicLink()).isTrue();
    assertThat(link.getLinkName()).isEqualTo("/usr/bin/busybox");
  }

  @Test
  void entries_written_sortedWithModesAndNoOwnerOrTime() throws IOException {
    List<TarArchiveEntry> entries = read(new ContextTar(files()));

    assertThat(entries).extracting(TarArchiveEntry::getName).isSorted();
    assertThat(find(entries, "rootfs/tmp/").getMode() & 07777).isEqualTo(01777);
    assertThat(find(entries, "rootfs/usr/bin/busybox").getMode() & 07777).isEqualTo(0755);
    assertThat(entries).allSatisfy(e -> assertThat(e.getLongUserId()).isZero());
    assertThat(entries).allSatisfy(e -> assertThat(e.getModTime().getTime()).isZero());
  }

  @Test
  void absolutePath_imageFile_isRejected() {
    assertThatThrownBy(() -> new ImageFile.Directory("/rootfs", 0755))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private List<ImageFile> files() throws IOException {
    Path busybox = dir.resolve("busybox");
    if (!Files.exists(busybox)) {
      Files.writeString(busybox, "a busybox");
    }
    return List.of(
        new ImageFile.Directory("rootfs/tmp", 01777),
        new ImageFile.HostFile("rootfs/usr/bin/busybox", busybox, 0755),
        new ImageFile.Link("rootfs/usr/bin/sh", "/usr/bin/busybox"),
        new ImageFile.Content(
            "Dockerfile", "FROM scratch\n".getBytes(StandardCharsets.UTF_8), 0644));
  }

  private static List<TarArchiveEntry> read(ContextTar tar) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    tar.writeTo(bytes);
    List<TarArchiveEntry> entries = new ArrayList<>();
    try (TarArchiveInputStream in =
        new TarArchiveInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.add(e);
      }
    }
    return entries;
  }

  private static TarArchiveEntry find(List<TarArchiveEntry> entries, String name) {
    return entries.stream().filter(e -> e.getName().equals(name)).findFirst().orElseThrow();
  }
}
