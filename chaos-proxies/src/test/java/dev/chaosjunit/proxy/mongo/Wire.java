package dev.chaosjunit.proxy.mongo;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.bson.BsonBinaryWriter;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;

/** MongoDB wire messages for tests, their documents encoded by the driver's BSON library. */
final class Wire {

  private Wire() {}

  static byte[] bson(String json) {
    BasicOutputBuffer out = new BasicOutputBuffer();
    new BsonDocumentCodec().encode(new BsonBinaryWriter(out), BsonDocument.parse(json), EncoderContext.builder().build());
    return out.toByteArray();
  }

  static BsonDocument document(byte[] bytes, int offset) {
    int length = ByteBuffer.wrap(bytes, offset, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    return new RawBsonDocument(bytes, offset, length).decode(new BsonDocumentCodec());
  }

  /** An OP_MSG with {@code flags}, the body {@code json} and document sequences {@code identifier, json...}. */
  static byte[] msg(int requestId, int responseTo, int flags, String json, String... sequence) {
    ByteArrayOutputStream sections = new ByteArrayOutputStream();
    sections.writeBytes(int32(flags));
    sections.write(0);
    sections.writeBytes(bson(json));
    if (sequence.length > 0) {
      ByteArrayOutputStream docs = new ByteArrayOutputStream();
      docs.writeBytes(cstring(sequence[0]));
      for (int i = 1; i < sequence.length; i++) {
        docs.writeBytes(bson(sequence[i]));
      }
      sections.write(1);
      sections.writeBytes(int32(docs.size() + 4));
      sections.writeBytes(docs.toByteArray());
    }
    if ((flags & MongoMessage.CHECKSUM_PRESENT) != 0) {
      sections.writeBytes(int32(0x5eed));
    }
    return message(requestId, responseTo, MongoMessage.OP_MSG, sections.toByteArray());
  }

  /** An OP_MSG request with flags 0. */
  static byte[] command(int requestId, String json) {
    return msg(requestId, 0, 0, json);
  }

  /** An OP_QUERY on {@code admin.$cmd}, as a driver's first (legacy) hello. */
  static byte[] query(int requestId, String json) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(int32(0));
    body.writeBytes(cstring("admin.$cmd"));
    body.writeBytes(int32(0));
    body.writeBytes(int32(-1));
    body.writeBytes(bson(json));
    return message(requestId, 0, MongoMessage.OP_QUERY, body.toByteArray());
  }

  /** An OP_REPLY with one document. */
  static byte[] reply(int responseTo, String json) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(int32(8));
    body.writeBytes(new byte[8]);
    body.writeBytes(int32(0));
    body.writeBytes(int32(1));
    body.writeBytes(bson(json));
    return message(7, responseTo, MongoMessage.OP_REPLY, body.toByteArray());
  }

  static byte[] message(int requestId, int responseTo, int opCode, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(int32(16 + body.length));
    out.writeBytes(int32(requestId));
    out.writeBytes(int32(responseTo));
    out.writeBytes(int32(opCode));
    out.writeBytes(body);
    return out.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  static int int32(byte[] bytes, int offset) {
    return ByteBuffer.wrap(bytes, offset, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
  }

  private static byte[] int32(int value) {
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
  }

  private static byte[] cstring(String text) {
    return (text + "\0").getBytes(StandardCharsets.UTF_8);
  }
}
