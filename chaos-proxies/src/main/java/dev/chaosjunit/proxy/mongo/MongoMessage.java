package dev.chaosjunit.proxy.mongo;

import dev.chaosjunit.proxy.protocol.FrameDecodeException;
import io.netty.buffer.ByteBuf;
import java.util.Set;

/**
 * One wire message: the 16-byte header (messageLength, requestID, responseTo, opCode) and, for OP_MSG,
 * its flag bits. {@link #command} reads the body of an OP_MSG or the query of an OP_QUERY once the
 * message is whole.
 *
 * @param start the message's first byte (absolute)
 * @param length messageLength, the header included
 * @param requestId requestID
 * @param responseTo responseTo
 * @param opCode opCode
 */
record MongoMessage(int start, int length, int requestId, int responseTo, int opCode) {

  static final int HEADER = 16;
  /** mongod's maxMessageSizeBytes. */
  static final int MAX_LENGTH = 48_000_000;
  static final int OP_REPLY = 1;
  static final int OP_QUERY = 2004;
  static final int OP_COMPRESSED = 2012;
  static final int OP_MSG = 2013;
  static final Set<Integer> CLIENT_OPS = Set.of(OP_QUERY, OP_COMPRESSED, OP_MSG);
  static final Set<Integer> SERVER_OPS = Set.of(OP_REPLY, OP_COMPRESSED, OP_MSG);

  static final int CHECKSUM_PRESENT = 1;
  static final int MORE_TO_COME = 1 << 1;

  /** The header at {@code buf}'s reader index once it is there ({@code null} before), checked for {@code allowed}. */
  static MongoMessage peek(ByteBuf buf, int readable, Set<Integer> allowed) {
    if (readable < 4) {
      return null;
    }
    int start = buf.readerIndex();
    int length = buf.getIntLE(start);
    if (length < HEADER + 4 || length > MAX_LENGTH) {
      throw new FrameDecodeException("messageLength [" + length + "] is outside " + (HEADER + 4) + ".." + MAX_LENGTH);
    }
    if (readable < HEADER) {
      return null;
    }
    int opCode = buf.getIntLE(start + 12);
    if (!allowed.contains(opCode)) {
      throw new FrameDecodeException("opCode [" + opCode + "] is not one this peer sends (" + allowed + ")");
    }
    return new MongoMessage(start, length, buf.getIntLE(start + 4), buf.getIntLE(start + 8), opCode);
  }

  int end() {
    return start + length;
  }

  /** OP_MSG's flagBits; 0 for the other op codes. */
  int flags(ByteBuf buf) {
    return opCode == OP_MSG ? buf.getIntLE(start + HEADER) : 0;
  }

  /** Whether an OP_MSG carries moreToCome: a request without a reply, or a reply that more follow. */
  boolean moreToCome(ByteBuf buf) {
    return (flags(buf) & MORE_TO_COME) != 0;
  }

  /** Where the sections (OP_MSG) end: before the checksum when there is one. */
  int sectionsEnd(ByteBuf buf) {
    return end() - ((flags(buf) & CHECKSUM_PRESENT) != 0 ? 4 : 0);
  }

  /** The command in an OP_MSG's body section or an OP_QUERY's query; the message must be whole in {@code buf}. */
  CommandBody command(ByteBuf buf) {
    return opCode == OP_QUERY ? queryDocument(buf) : bodySection(buf);
  }

  /** OP_MSG: flagBits, then sections of kind 0 (one document) or 1 (size, identifier, documents). */
  private CommandBody bodySection(ByteBuf buf) {
    int limit = sectionsEnd(buf);
    int flags = flags(buf);
    if ((flags & 0xFFFF & ~(CHECKSUM_PRESENT | MORE_TO_COME)) != 0) {
      throw new FrameDecodeException("OP_MSG has unknown required flag bits [" + Integer.toHexString(flags) + "]");
    }
    CommandBody body = null;
    int i = start + HEADER + 4;
    while (i < limit) {
      byte kind = buf.getByte(i);
      if (kind == 0) {
        if (body != null) {
          throw new FrameDecodeException("OP_MSG has two body sections");
        }
        body = CommandBody.read(buf, i + 1, limit, "OP_MSG body");
        i = body.end();
      } else if (kind == 1) {
        i = sequenceEnd(buf, i + 1, limit);
      } else {
        throw new FrameDecodeException("OP_MSG has a section of unknown kind [" + kind + "]");
      }
    }
    if (body == null) {
      throw new FrameDecodeException("OP_MSG has no body section");
    }
    return body;
  }

  private static int sequenceEnd(ByteBuf buf, int start, int limit) {
    if (limit - start < 4) {
      throw new FrameDecodeException("OP_MSG document sequence is cut short");
    }
    int size = buf.getIntLE(start);
    if (size < 5 || size > limit - start) {
      throw new FrameDecodeException("OP_MSG document sequence has a size [" + size + "] outside 5.." + (limit - start));
    }
    int end = start + size;
    int i = Bson.cstringEnd(buf, start + 4, end, "OP_MSG document sequence");
    while (i < end) {
      i = Bson.documentEnd(buf, i, end, "OP_MSG document sequence");
    }
    return end;
  }

  /** OP_QUERY: flags, fullCollectionName, numberToSkip, numberToReturn, query (an optional field selector follows). */
  private CommandBody queryDocument(ByteBuf buf) {
    int name = start + HEADER + 4;
    int nameEnd = Bson.cstringEnd(buf, name, end(), "OP_QUERY");
    CommandBody query = CommandBody.read(buf, nameEnd + 8, end(), "OP_QUERY query");
    if (query.end() < end()) {
      Bson.documentEnd(buf, query.end(), end(), "OP_QUERY field selector");
    }
    return query;
  }
}
