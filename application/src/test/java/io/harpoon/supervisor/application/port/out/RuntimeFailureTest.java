package io.harpoon.supervisor.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class RuntimeFailureTest {

  @Test
  void constructed_failure_isTransient() {
    assertThat(new RuntimeFailure("runc create failed").permanent()).isFalse();
    assertThat(new RuntimeFailure("disk full", new IOException("ENOSPC")).permanent()).isFalse();
  }

  @Test
  void permanentFailure_keepsItsMessage_andSaysSo() {
    RuntimeFailure failure = RuntimeFailure.permanent("volume /data: host path is a symlink");

    assertThat(failure.permanent()).isTrue();
    assertThat(failure).hasMessage("volume /data: host path is a symlink").hasNoCause();
  }
}
