package dev.chaosjunit.proxy.sql;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.apiguardian.api.API;

/**
 * Accumulates one direction's bytes for a frame decoder and hands back the frames that pass unchanged
 * as one slice, so that the common case (whole frames, nothing matches) forwards each chunk with a
 * single write and no copy. Only a partial frame at the end of a chunk is copied, into a buffer that
 * grows geometrically; buffers are never changed under slices already handed out.
 *
 * <p>Usage per chunk: {@link #add}, then for each frame either {@link #passStreaming} it once its
 * header is there, or, once it is complete, {@link #pass} it, or
 * {@link #takePassed} what passed so far and {@link #skip} or {@link #take} the frame; at the end of
 * the chunk {@link #takePassed} and forward it.
 */
@API(status = INTERNAL, since = "0.1")
public final class FrameBuffer {

  private final ByteBufAllocator alloc;
  private ByteBuf buffer;
  private boolean owned;
  private int passStart;
  private long streaming;

  public FrameBuffer(ByteBufAllocator alloc) {
    this.alloc = alloc;
  }

  /** Appends a chunk (takes ownership). Call after {@link #takePassed} of the previous chunk. */
  public void add(ByteBuf chunk) {
    if (buffer == null || !buffer.isReadable()) {
      replace(chunk, false);
    } else if (owned && buffer.writableBytes() >= chunk.readableBytes()) {
      buffer.writeBytes(chunk);
      chunk.release();
    } else {
      int needed = buffer.readableBytes() + chunk.readableBytes();
      ByteBuf merged = alloc.buffer(Math.max(needed, Math.min(2 * needed, needed + (1 << 20))));
      merged.writeBytes(buffer).writeBytes(chunk);
      chunk.release();
      replace(merged, true);
    }
    passStreamed();
  }

  /** The accumulated bytes, to peek at with absolute indexes from {@code view().readerIndex()}. */
  public ByteBuf view() {
    return buffer;
  }

  /** The bytes from the next frame's start on. */
  public int readable() {
    return buffer == null ? 0 : buffer.readableBytes();
  }

  /** Lets the next {@code length} bytes pass unchanged. */
  public void pass(int length) {
    buffer.skipBytes(length);
  }

  /**
   * Lets a frame of {@code length} bytes pass now as far as it has arrived, and the rest of it as it
   * arrives, without waiting for it whole (for frames the decoder does not need to read).
   */
  public void passStreaming(int length) {
    int now = Math.min(length, readable());
    buffer.skipBytes(now);
    streaming = length - now;
  }

  /** Whether the bytes held so far all belong to a frame being streamed through. */
  public boolean streaming() {
    return streaming > 0;
  }

  /** Discards the next {@code length} bytes (call {@link #takePassed} first to keep what passed). */
  public void skip(int length) {
    buffer.skipBytes(length);
    passStart = buffer.readerIndex();
  }

  /** Removes the next {@code length} bytes as a buffer the caller owns (call {@link #takePassed} first). */
  public ByteBuf take(int length) {
    ByteBuf frame = buffer.readRetainedSlice(length);
    passStart = buffer.readerIndex();
    return frame;
  }

  /** The bytes passed since the last call, owned by the caller, or {@code null} when there are none. */
  public ByteBuf takePassed() {
    if (buffer == null || buffer.readerIndex() == passStart) {
      return null;
    }
    ByteBuf passed = buffer.retainedSlice(passStart, buffer.readerIndex() - passStart);
    passStart = buffer.readerIndex();
    return passed;
  }

  /** Everything held and not yet handed out, passed or not, owned by the caller, or {@code null}. */
  public ByteBuf takeAll() {
    if (buffer == null || buffer.writerIndex() == passStart) {
      return null;
    }
    buffer.readerIndex(passStart);
    return take(buffer.readableBytes());
  }

  /** Releases what is held. */
  public void release() {
    if (buffer != null) {
      buffer.release();
      buffer = null;
    }
  }

  private void passStreamed() {
    if (streaming > 0) {
      int now = (int) Math.min(streaming, buffer.readableBytes());
      buffer.skipBytes(now);
      streaming -= now;
    }
  }

  private void replace(ByteBuf next, boolean nextOwned) {
    release();
    buffer = next;
    owned = nextOwned;
    passStart = next.readerIndex();
  }
}
