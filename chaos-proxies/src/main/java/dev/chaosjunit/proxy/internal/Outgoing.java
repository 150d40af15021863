package dev.chaosjunit.proxy.internal;

import io.netty.buffer.ByteBuf;

/** An entry of a flow's outbox: bytes, the end of the stream, or a graceful close of the connection. */
record Outgoing(Kind kind, ByteBuf data, long notBefore) {

  enum Kind { DATA, END, CLOSE }
}
