package dev.chaosjunit.proxy.internal;

import io.netty.buffer.ByteBuf;

/**
 * An entry of a flow's outbox: bytes, the end of the stream, or a graceful close of the connection.
 *
 * @param notBefore nanoTime before which it must not be sent, 0 = now
 * @param queuedAt nanoTime it was queued at, which is when latency starts counting
 */
record Outgoing(Kind kind, ByteBuf data, long notBefore, long queuedAt) {

  enum Kind { DATA, END, CLOSE }
}
