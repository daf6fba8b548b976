package io.harpoon.supervisor.bench;

import io.harpoon.supervisor.adapters.control.SseDecoder;
import io.harpoon.supervisor.adapters.control.SseEncoder;
import io.harpoon.supervisor.adapters.json.Json;
import io.harpoon.supervisor.adapters.json.StateJson;
import io.harpoon.supervisor.domain.container.ExitStatus;
import io.harpoon.supervisor.domain.container.Metrics;
import io.harpoon.supervisor.domain.lifecycle.ContainerProcessState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The control socket's wire paths: a state to JSON and to an SSE frame (every publish, once per state
 * whatever the number of clients), and the SSE decoder on a command and on a state frame.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WireBenchmark {

  /** A typical published state: up, a few restarts, a metrics sample. */
  private final ContainerProcessState state =
      new ContainerProcessState(
          true, true, "", ExitStatus.NONE, 3, 0, new Metrics(1_234_567_890L, 5_242_880L, 67_108_864L));

  private final byte[] command = "event: stop\n\n".getBytes(StandardCharsets.UTF_8);
  private byte[] stateFrame;
  private String stateText;
  private SseDecoder decoder;

  @Setup
  public void setUp() {
    stateFrame = SseEncoder.state(state);
    stateText = StateJson.encode(state);
    decoder = new SseDecoder();
  }

  /** ContainerProcessState to its compact JSON text (Jackson). */
  @Benchmark
  public String stateJsonEncode() {
    return StateJson.encode(state);
  }

  /** The JSON text back to a ContainerProcessState, as a client (or a successor reading state.json). */
  @Benchmark
  public Object stateJsonDecode() throws IOException {
    return Json.mapper().readValue(stateText, StateJson.class).toState();
  }

  /** The whole {@code event: state} frame, as written to every client. */
  @Benchmark
  public byte[] sseEncodeState() {
    return SseEncoder.state(state);
  }

  /** {@code event: stop}, as a client sends it, through a connection's long-lived decoder. */
  @Benchmark
  public void sseDecodeCommand(Blackhole events) {
    decoder.feed(ByteBuffer.wrap(command), events::consume);
  }

  /** A state frame (about 180 bytes) through the same decoder, as a client reads it. */
  @Benchmark
  public void sseDecodeState(Blackhole events) {
    decoder.feed(ByteBuffer.wrap(stateFrame), events::consume);
  }
}
