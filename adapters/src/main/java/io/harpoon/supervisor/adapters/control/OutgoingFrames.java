package io.harpoon.supervisor.adapters.control;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayDeque;

/**
 * The frames queued for one client, oldest first, with a partly written one at the head. Frames are
 * shared read-only buffers; each entry is this client's own view of one.
 */
final class OutgoingFrames {

  private final ArrayDeque<ByteBuffer> frames = new ArrayDeque<>();
  private long bytes;
  private long peakBytes;
  private long replyBytes;
  private boolean replyRefused;

  /** Queues a whole frame; {@code frame} must be positioned at its start. */
  void add(ByteBuffer frame) {
    frames.add(frame.duplicate());
    bytes += frame.remaining();
    peakBytes = Math.max(peakBytes, bytes);
  }

  /**
   * Queues a reply (a frame of this client's own, unlike the shared state frames) unless the queue
   * holds {@code cap} bytes or more, or the replies queued since it was last empty would pass {@code
   * budget}; the first reply after it emptied always fits. Returns whether it was queued.
   */
  boolean addReply(byte[] reply, long cap, long budget) {
    if (bytes >= cap || (replyBytes > 0 && replyBytes + reply.length > budget)) {
      replyRefused = true;
      return false;
    }
    replyBytes += reply.length;
    add(ByteBuffer.wrap(reply));
    return true;
  }

  /** Whether a reply was refused since the queue was last empty: the client is not reading. */
  boolean repliesRefused() {
    return replyRefused;
  }

  long bytes() {
    return bytes;
  }

  /** The most bytes ever queued at once. */
  long peakBytes() {
    return peakBytes;
  }

  boolean isEmpty() {
    return frames.isEmpty();
  }

  /** Drops every frame not yet started; a partly written head stays so the stream stays well formed. */
  void dropUnstarted() {
    ByteBuffer head = frames.peekFirst();
    frames.clear();
    bytes = 0;
    if (head != null && head.position() > 0) {
      frames.add(head);
      bytes = head.remaining();
    }
  }

  /**
   * Writes as much as {@code channel} takes now, gathering frames through {@code scratch} so a burst of
   * small frames costs one system call. Returns whether everything was written.
   */
  boolean writeTo(WritableByteChannel channel, ByteBuffer scratch) throws IOException {
    while (!frames.isEmpty()) {
      gather(scratch);
      int wanted = scratch.remaining();
      int written = channel.write(scratch);
      consume(written);
      if (written < wanted) {
        return false;
      }
    }
    return true;
  }

  private void gather(ByteBuffer scratch) {
    scratch.clear();
    for (ByteBuffer frame : frames) {
      if (!scratch.hasRemaining()) {
        break;
      }
      ByteBuffer part = frame.duplicate();
      part.limit(part.position() + Math.min(part.remaining(), scratch.remaining()));
      scratch.put(part);
    }
    scratch.flip();
  }

  private void consume(int written) {
    int left = written;
    bytes -= written;
    if (bytes == 0) {
      replyBytes = 0;
      replyRefused = false;
    }
    while (left > 0) {
      ByteBuffer head = frames.peekFirst();
      int step = Math.min(left, head.remaining());
      head.position(head.position() + step);
      left -= step;
      if (!head.hasRemaining()) {
        frames.removeFirst();
      }
    }
  }
}
