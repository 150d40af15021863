package dev.chaosjunit.proxy.mongo;

import dev.chaosjunit.proxy.protocol.FrameDecodeException;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * What matching needs from a command's body document: its first element's name (the command), that
 * element's value when it is a string (the collection), {@code $db}, and where a {@code compression}
 * element lies (offered by the handshake's hello), all read from the top level only.
 *
 * @param start the document's first byte (absolute)
 * @param end the document's end (exclusive, absolute)
 * @param command the first element's name; empty for an empty document
 * @param collection the first element's string value, or {@code null}
 * @param database {@code $db}, or {@code null}
 * @param compressionStart the {@code compression} element's first byte, or -1 when there is none
 * @param compressionEnd the {@code compression} element's end (exclusive), or -1
 */
record CommandBody(int start, int end, String command, String collection, String database,
    int compressionStart, int compressionEnd) {

  private static final byte[] DB = "$db".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] COMPRESSION = "compression".getBytes(StandardCharsets.US_ASCII);

  /**
   * Reads the top level of the document at {@code start}; element names other than the first are compared
   * as bytes, never decoded.
   */
  static CommandBody read(ByteBuf buf, int start, int limit, String what) {
    int end = Bson.documentEnd(buf, start, limit, what);
    String command = "";
    String collection = null;
    String database = null;
    int compressionStart = -1;
    int compressionEnd = -1;
    int i = start + 4;
    while (buf.getByte(i) != 0) {
      byte type = buf.getByte(i);
      int nameEnd = Bson.cstringEnd(buf, i + 1, end - 1, what);
      int valueEnd = Bson.valueEnd(buf, type, nameEnd, end - 1, what);
      if (i == start + 4) {
        command = buf.toString(i + 1, nameEnd - i - 2, StandardCharsets.UTF_8);
        collection = type == Bson.STRING ? Bson.string(buf, nameEnd, end - 1, what) : null;
      } else if (type == Bson.STRING && Bson.nameIs(buf, i + 1, nameEnd, DB)) {
        database = Bson.string(buf, nameEnd, end - 1, what);
      } else if (Bson.nameIs(buf, i + 1, nameEnd, COMPRESSION)) {
        compressionStart = i;
        compressionEnd = valueEnd;
      }
      i = valueEnd;
    }
    if (i != end - 1) {
      throw new FrameDecodeException(what + " has a zero byte before the end of its document");
    }
    return new CommandBody(start, end, command, collection, database, compressionStart, compressionEnd);
  }
}
