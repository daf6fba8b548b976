package io.harpoon.supervisor.adapters.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.container.Metrics;
import io.harpoon.supervisor.domain.lifecycle.ContainerProcessState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SseEncoderTest {

  private static final Metrics KILL_RUN = new Metrics(2670980, 458752, 67108864);
  private static final Metrics STOP_RUN = new Metrics(2429894, 688128, 67108864);

  private static ContainerProcessState state(
      boolean up, boolean restarting, ExitStatus status, Metrics metrics) {
    return new ContainerProcessState(up, restarting, "", status, 0, 0, metrics);
  }

  private static byte[] frames(ContainerProcessState... states) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (ContainerProcessState state : states) {
      out.writeBytes(SseEncoder.state(state));
    }
    return out.toByteArray();
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = SseEncoderTest.class.getResourceAsStream("/wire/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void killedContainer_statesMatchOriginalWireBytes() throws IOException {
    byte[] ours =
        frames(
            state(true, true, ExitStatus.NONE, Metrics.ZERO),
            state(true, true, ExitStatus.NONE, KILL_RUN),
            state(false, false, new ExitStatus.Signaled(9), KILL_RUN));
    assertThat(new String(ours, StandardCharsets.UTF_8))
        .isEqualTo(new String(resource("original-wire-kill.txt"), StandardCharsets.UTF_8));
  }

  @Test
  void stoppedContainer_statesMatchOriginalWireBytes() throws IOException {
    byte[] ours =
        frames(
            state(true, true, ExitStatus.NONE, Metrics.ZERO),
            state(true, true, ExitStatus.NONE, STOP_RUN),
            state(false, false, new ExitStatus.Exited(0), STOP_RUN));
    assertThat(ours).isEqualTo(resource("original-wire-stop.txt"));
  }

  @Test
  void specExample_isReproduced() {
    ContainerProcessState state =
        state(true, true, ExitStatus.NONE, new Metrics(1234, 567, 67108864));
    assertThat(new String(SseEncoder.state(state), StandardCharsets.UTF_8))
        .isEqualTo(
            "event: state\n"
                + "data: {\"up\":true,\"restarting\":true,\"container_exit_status\":{},\"restarts\":0,"
                + "\"ooms\":0,\"container_metrics\":{\"cpu_time\":1234,\"memory_usage\":567,"
                + "\"memory_limit\":67108864}}\n\n");
  }

  @Test
  void errAndCounters_errAfterRestarting_escaped() {
    ContainerProcessState state =
        new ContainerProcessState(
            false, false, "bad \"restart\"\nline; é", ExitStatus.NONE, 3, 2, Metrics.ZERO);
    assertThat(new String(SseEncoder.state(state), StandardCharsets.UTF_8))
        .isEqualTo(
            "event: state\n"
                + "data: {\"up\":false,\"restarting\":false,\"err\":\"bad \\\"restart\\\"\\nline; é\","
                + "\"container_exit_status\":{},\"restarts\":3,\"ooms\":2,"
                + "\"container_metrics\":{\"cpu_time\":0,\"memory_usage\":0,\"memory_limit\":0}}\n\n");
  }

  @Test
  void exitStatuses_eachFlagOnlyWhenSet() {
    assertThat(exitJson(new ExitStatus.Exited(0))).isEqualTo("{\"exited\":true}");
    assertThat(exitJson(new ExitStatus.Exited(3))).isEqualTo("{\"exited\":true,\"exit_status\":3}");
    assertThat(exitJson(new ExitStatus.Signaled(15))).isEqualTo("{\"signaled\":true,\"signal\":15}");
    assertThat(exitJson(new ExitStatus.OomKilled())).isEqualTo("{\"oomed\":true}");
    assertThat(exitJson(new ExitStatus.Unknown())).isEqualTo("{\"unknown\":true}");
    assertThat(exitJson(ExitStatus.NONE)).isEqualTo("{}");
  }

  private static String exitJson(ExitStatus status) {
    String frame =
        new String(
            SseEncoder.state(state(false, false, status, Metrics.ZERO)), StandardCharsets.UTF_8);
    int start = frame.indexOf("\"container_exit_status\":") + "\"container_exit_status\":".length();
    return frame.substring(start, frame.indexOf('}', start) + 1);
  }

  @Test
  void error_isJsonEscaped() {
    assertThat(new String(SseEncoder.error("st\"op\n", "why\\not"), StandardCharsets.UTF_8))
        .isEqualTo(
            "event: error\ndata: {\"command\":\"st\\\"op\\n\",\"error\":\"why\\\\not\"}\n\n");
  }

  @Test
  void frame_multiLineData_oneDataLinePerLine() {
    assertThat(new String(SseEncoder.frame("x", "a\nb\r\nc\rd"), StandardCharsets.UTF_8))
        .isEqualTo("event: x\ndata: a\ndata: b\ndata: c\ndata: d\n\n");
    assertThat(new String(SseEncoder.frame("x", ""), StandardCharsets.UTF_8))
        .isEqualTo("event: x\ndata: \n\n");
  }

  @Test
  void frame_typeWithLineBreak_isRejected() {
    assertThatThrownBy(() -> SseEncoder.frame("a\nb", "")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void encodedFrames_decodeBackToTheSameEvents() {
    byte[] frame = SseEncoder.frame("state", "one\ntwo");
    SseDecoder decoder = new SseDecoder();
    java.util.List<SseEvent> events = new java.util.ArrayList<>();
    decoder.feed(java.nio.ByteBuffer.wrap(frame), events::add);
    assertThat(events).containsExactly(new SseEvent("state", "one\ntwo"));
  }
}
