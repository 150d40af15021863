package dev.chaosjunit.proxy.mongo;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes the few BSON elements an injected reply needs into a buffer; documents are closed by {@link #end}. */
final class BsonWriter {

  private final ByteBuf out;

  BsonWriter(ByteBuf out) {
    this.out = out;
  }

  /** Opens a document; returns its start, for {@link #end}. */
  int begin() {
    int start = out.writerIndex();
    out.writeIntLE(0);
    return start;
  }

  /** Closes the document opened at {@code start}. */
  void end(int start) {
    out.writeByte(0);
    out.setIntLE(start, out.writerIndex() - start);
  }

  /** Opens an embedded document (or array, {@code type} 4) named {@code name}; returns its start. */
  int beginEmbedded(String name, int type) {
    name(type, name);
    return begin();
  }

  void doubleValue(String name, double value) {
    name(1, name);
    out.writeLongLE(Double.doubleToLongBits(value));
  }

  void int32(String name, int value) {
    name(16, name);
    out.writeIntLE(value);
  }

  void string(String name, String value) {
    name(2, name);
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeIntLE(bytes.length + 1).writeBytes(bytes).writeByte(0);
  }

  /** An array of strings, omitted when {@code values} is empty. */
  void strings(String name, List<String> values) {
    if (values.isEmpty()) {
      return;
    }
    int array = beginEmbedded(name, 4);
    for (int i = 0; i < values.size(); i++) {
      string(Integer.toString(i), values.get(i));
    }
    end(array);
  }

  private void name(int type, String name) {
    out.writeByte(type);
    out.writeCharSequence(name, StandardCharsets.UTF_8);
    out.writeByte(0);
  }
}
