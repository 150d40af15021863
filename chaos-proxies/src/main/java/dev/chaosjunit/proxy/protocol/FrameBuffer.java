package dev.chaosjunit.proxy.protocol;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.apiguardian.api.API;

/**
 * One direction's bytes on their way through a {@link FramedSession}, cut into frames by the
 * session's decoder: the project's counterpart of the cumulation in Netty's {@code ByteToMessageDecoder},
 * made for a relay. Frames that pass unchanged leave together as one slice ({@link #takePassed}); a frame
 * that lies within one chunk is never copied ({@link #take} hands it out as a slice); only a frame that
 * straddles chunks is gathered into a buffer of its own, and, when the decoder said how long it is
 * ({@link #need}), the rest of the chunk that completes it is again cut into slices. Buffers are never
 * changed under slices already handed out.
 *
 * <p>Per frame the decoder peeks at {@link #view()} from its reader index, then either waits for more
 * bytes ({@link #need}), lets the frame {@link #pass} or {@link #passStreaming stream through}, or removes
 * it ({@link #skip}, {@link #take}). Bytes that passed must be sent ({@link FramedSession#flushClient})
 * before anything else the session writes in the same direction.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class FrameBuffer {

  private final ByteBufAllocator alloc;
  private final Passed passed = new Passed();
  private ByteBuf buffer;
  private ByteBuf rest;
  private boolean owned;
  private int passStart;
  private int wanted;
  private long streaming;

  /** A buffer that allocates, when a frame straddles chunks, from {@code alloc}. */
  FrameBuffer(ByteBufAllocator alloc) {
    this.alloc = alloc;
  }

  /** The accumulated bytes, to peek at with absolute indexes from {@code view().readerIndex()}. */
  public ByteBuf view() {
    return buffer;
  }

  /** The bytes from the next frame's start on. */
  public int readable() {
    return buffer == null ? 0 : buffer.readableBytes();
  }

  /**
   * Whether the next {@code length} bytes are there; when they are not, remembers that the frame at
   * the start is {@code length} bytes long, so that only that much of the next chunk is gathered.
   */
  public boolean need(int length) {
    if (readable() >= length) {
      return true;
    }
    wanted = length;
    return false;
  }

  /** Lets the next {@code length} bytes pass unchanged. */
  public void pass(int length) {
    buffer.skipBytes(length);
  }

  /**
   * Lets a frame of {@code length} bytes pass now as far as it has arrived, and the rest of it as it
   * arrives, without waiting for it whole (for frames the decoder does not need to read).
   */
  public void passStreaming(long length) {
    int now = (int) Math.min(length, readable());
    buffer.skipBytes(now);
    streaming = length - now;
  }

  /** Whether the bytes held so far all belong to a frame being streamed through. */
  public boolean streaming() {
    return streaming > 0;
  }

  /** Discards the next {@code length} bytes; what passed before them is kept for {@link #takePassed}. */
  public void skip(int length) {
    keepPassed();
    buffer.skipBytes(length);
    passStart = buffer.readerIndex();
  }

  /**
   * Discards the bytes from {@code from} up to {@link #view()}'s reader index, which a streaming scanner
   * moved on itself (bytes it moves over otherwise pass).
   */
  public void skipScanned(int from) {
    int to = buffer.readerIndex();
    buffer.readerIndex(from);
    skip(to - from);
  }

  /** Removes the next {@code length} bytes as a slice the caller owns; what passed before is kept. */
  public ByteBuf take(int length) {
    keepPassed();
    ByteBuf frame = buffer.readRetainedSlice(length);
    passStart = buffer.readerIndex();
    return frame;
  }

  /** The bytes passed since the last call, owned by the caller, or {@code null} when there are none. */
  ByteBuf takePassed() {
    keepPassed();
    return passed.take();
  }

  /** Everything held and not yet handed out, passed or not, owned by the caller, or {@code null}. */
  ByteBuf takeAll() {
    if (buffer != null) {
      buffer.readerIndex(buffer.writerIndex());
      keepPassed();
    }
    if (rest != null) {
      passed.add(rest, alloc);
      rest = null;
    }
    streaming = 0;
    return passed.take();
  }

  /** Releases what is held. */
  void release() {
    ByteBuf held = takeAll();
    if (held != null) {
      held.release();
    }
    if (buffer != null) {
      buffer.release();
      buffer = null;
    }
  }

  /** Appends a chunk (takes ownership); the session's decode loop calls {@link #fill} next. */
  void add(ByteBuf chunk) {
    rest = rest == null ? chunk : alloc.compositeBuffer(2).addComponents(true, rest, chunk);
  }

  /** Moves bytes of the chunk not yet seen into view; {@code false} when there were none to move. */
  boolean fill() {
    if (rest == null) {
      return false;
    }
    if (readable() == 0) {
      keepPassed();
      replace(rest, false);
      rest = null;
      wanted = 0;
    } else {
      gather();
    }
    if (streaming > 0) {
      int now = (int) Math.min(streaming, buffer.readableBytes());
      buffer.skipBytes(now);
      streaming -= now;
    }
    return true;
  }

  /** Copies the rest of a straddling frame (all of the chunk when its length is unknown) behind it. */
  private void gather() {
    int held = buffer.readableBytes();
    int count = wanted > held ? Math.min(wanted - held, rest.readableBytes()) : rest.readableBytes();
    if (!owned || buffer.writableBytes() < count) {
      int needed = held + count;
      keepPassed();
      int capacity = wanted > needed ? Math.min(wanted, needed + (1 << 20)) : alloc.calculateNewCapacity(needed, Integer.MAX_VALUE);
      replace(alloc.buffer(capacity).writeBytes(buffer), true);
    }
    buffer.writeBytes(rest, count);
    wanted = 0;
    if (!rest.isReadable()) {
      rest.release();
      rest = null;
    }
  }

  /** Moves what passed since {@link #passStart} to {@link #passed}, as a slice. */
  private void keepPassed() {
    if (buffer != null && buffer.readerIndex() > passStart) {
      passed.add(buffer.retainedSlice(passStart, buffer.readerIndex() - passStart), alloc);
      passStart = buffer.readerIndex();
    }
  }

  private void replace(ByteBuf next, boolean nextOwned) {
    if (buffer != null) {
      buffer.release();
    }
    buffer = next;
    owned = nextOwned;
    passStart = next.readerIndex();
  }
}
