package dev.chaosjunit.proxy.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.apiguardian.api.API;

/**
 * The bytes of one direction of a connection not yet cut into frames: chunks are appended as they
 * arrive, complete frames are taken off the front as retained slices. Owns what it holds; the buffer
 * is released as soon as it is drained.
 */
@API(status = INTERNAL, since = "0.1")
public final class PendingBytes {

  private ByteBuf pending;

  /** Adds {@code data}, taking ownership of it. */
  public void append(ByteBuf data, ByteBufAllocator alloc) {
    if (pending == null) {
      pending = data;
      return;
    }
    boolean exclusive = pending.refCnt() == 1 && !pending.isReadOnly();
    if (!exclusive || pending.maxWritableBytes() < data.readableBytes()) {
      ByteBuf grown = alloc.buffer(Math.max(256, 2 * (pending.readableBytes() + data.readableBytes())));
      grown.writeBytes(pending);
      pending.release();
      pending = grown;
    }
    pending.writeBytes(data);
    data.release();
  }

  /** How many bytes are held. */
  public int readableBytes() {
    return pending == null ? 0 : pending.readableBytes();
  }

  /** The held bytes, to peek at without consuming; only valid while {@link #readableBytes()} is positive. */
  public ByteBuf peek() {
    return pending;
  }

  /** Takes the first {@code length} bytes off as a retained slice the caller owns. */
  public ByteBuf take(int length) {
    ByteBuf taken = pending.readRetainedSlice(length);
    if (!pending.isReadable()) {
      pending.release();
      pending = null;
    }
    return taken;
  }

  /** Hands back what is held, or null; the caller owns it. */
  public ByteBuf drain() {
    ByteBuf rest = pending;
    pending = null;
    return rest;
  }

  /** Releases what is held. */
  public void release() {
    if (pending != null) {
      pending.release();
      pending = null;
    }
  }
}
