package dev.chaosjunit.proxy.mongo;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Rewrites a whole message with bytes of its command document replaced: the document's and the
 * message's lengths follow, and an OP_MSG checksum, which would no longer hold, is left out (its flag
 * cleared), as the specification allows.
 */
final class Splice {

  private Splice() {}

  /**
   * {@code message} (whole in {@code buf}) with {@code [from, to)} inside {@code body} replaced by
   * {@code insert} (may be {@code null}; released here).
   */
  static ByteBuf replace(ByteBufAllocator alloc, ByteBuf buf, MongoMessage message, CommandBody body,
      int from, int to, ByteBuf insert) {
    int inserted = insert == null ? 0 : insert.readableBytes();
    int sectionsEnd = message.sectionsEnd(buf);
    int delta = inserted - (to - from);
    ByteBuf out = alloc.buffer(sectionsEnd - message.start() + delta);
    out.writeBytes(buf, message.start(), from - message.start());
    if (insert != null) {
      out.writeBytes(insert);
      insert.release();
    }
    out.writeBytes(buf, to, sectionsEnd - to);
    out.setIntLE(0, out.writerIndex());
    out.setIntLE(body.start() - message.start(), body.end() - body.start() + delta);
    if (message.opCode() == MongoMessage.OP_MSG) {
      out.setIntLE(MongoMessage.HEADER, message.flags(buf) & ~MongoMessage.CHECKSUM_PRESENT);
    }
    return out;
  }
}
