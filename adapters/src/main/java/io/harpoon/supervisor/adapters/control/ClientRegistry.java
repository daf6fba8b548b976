package io.harpoon.supervisor.adapters.control;

import io.harpoon.supervisor.application.port.in.ContainerStatus;
import io.harpoon.supervisor.domain.lifecycle.ContainerProcessState;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the selector thread shares between its clients: the set of connected clients, one scratch
 * buffer for all reads and writes, and the frames of the latest state and status, encoded once for
 * everyone who polls them. Confined to the selector thread.
 */
final class ClientRegistry {

  private static final int SCRATCH_BYTES = 64 * 1024;
  private static final long SUPERVISOR_PID = ProcessHandle.current().pid();

  private final ControlServerLimits limits;
  private final Set<ControlClient> clients = new LinkedHashSet<>();
  private final ByteBuffer scratch = ByteBuffer.allocate(SCRATCH_BYTES);
  private ContainerProcessState lastState;
  private ByteBuffer lastFrame;
  private Optional<ContainerStatus> lastStatus;
  private ByteBuffer lastStatusFrame;
  private volatile long peakQueuedBytes;
  private volatile int peakDecoderBytes;

  ClientRegistry(ControlServerLimits limits) {
    this.limits = limits;
  }

  ControlServerLimits limits() {
    return limits;
  }

  boolean full() {
    return clients.size() >= limits.maxClients();
  }

  void add(ControlClient client) {
    clients.add(client);
  }

  void remove(ControlClient client) {
    clients.remove(client);
  }

  int size() {
    return clients.size();
  }

  List<ControlClient> snapshot() {
    return new ArrayList<>(clients);
  }

  boolean anyPendingOutput() {
    return clients.stream().anyMatch(ControlClient::hasPendingOutput);
  }

  /** Remembers the most bytes any one client has had queued; selector thread only. */
  void noteQueued(long bytes) {
    if (bytes > peakQueuedBytes) {
      peakQueuedBytes = bytes;
    }
  }

  /** Remembers the most input bytes any one client's decoder has held; selector thread only. */
  void noteDecoded(int bytes) {
    if (bytes > peakDecoderBytes) {
      peakDecoderBytes = bytes;
    }
  }

  /** The most bytes one client has had queued so far: what the per-client cap bounds. */
  long peakQueuedBytes() {
    return peakQueuedBytes;
  }

  /** The most input bytes one client's decoder has held so far: what the decoder caps bound. */
  int peakDecoderBytes() {
    return peakDecoderBytes;
  }

  /** The shared scratch buffer, cleared. */
  ByteBuffer scratch() {
    return scratch.clear();
  }

  /** The frame of {@code state}, positioned at its start; encoded once per distinct state. */
  ByteBuffer stateFrame(ContainerProcessState state) {
    if (state != lastState && !state.equals(lastState)) {
      lastFrame = ByteBuffer.wrap(SseEncoder.state(state)).asReadOnlyBuffer();
      lastState = state;
    }
    return lastFrame.duplicate();
  }

  /** The frame of {@code status}, positioned at its start; encoded once per distinct status. */
  ByteBuffer statusFrame(Optional<ContainerStatus> status) {
    if (!status.equals(lastStatus)) {
      lastStatusFrame = ByteBuffer.wrap(SseEncoder.status(status, SUPERVISOR_PID)).asReadOnlyBuffer();
      lastStatus = status;
    }
    return lastStatusFrame.duplicate();
  }
}
