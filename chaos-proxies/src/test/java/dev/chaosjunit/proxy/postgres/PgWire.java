package dev.chaosjunit.proxy.postgres;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Builds PostgreSQL v3 messages for tests, independently of the code under test. */
final class PgWire {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  static PgWire messages() {
    return new PgWire();
  }

  PgWire sslRequest() {
    return untyped(PgMessages.SSL_REQUEST, new byte[0]);
  }

  PgWire startup(String user) {
    return untyped(196608, concat(cstr("user"), cstr(user), new byte[] {0}));
  }

  PgWire query(String sql) {
    return typed('Q', cstr(sql));
  }

  PgWire parse(String name, String sql) {
    return typed('P', concat(cstr(name), cstr(sql), new byte[] {0, 0}));
  }

  PgWire bind(String portal, String statement) {
    return typed('B', concat(cstr(portal), cstr(statement), new byte[] {0, 0, 0, 0, 0, 0}));
  }

  PgWire describePortal(String portal) {
    return typed('D', concat(new byte[] {'P'}, cstr(portal)));
  }

  PgWire execute(String portal) {
    return typed('E', concat(cstr(portal), new byte[] {0, 0, 0, 0}));
  }

  PgWire close(char kind, String name) {
    return typed('C', concat(new byte[] {(byte) kind}, cstr(name)));
  }

  PgWire sync() {
    return typed('S', new byte[0]);
  }

  PgWire copyData(String data) {
    return typed('d', data.getBytes(StandardCharsets.UTF_8));
  }

  PgWire authenticationOk() {
    return typed('R', new byte[] {0, 0, 0, 0});
  }

  PgWire parseComplete() {
    return typed('1', new byte[0]);
  }

  PgWire bindComplete() {
    return typed('2', new byte[0]);
  }

  PgWire noData() {
    return typed('n', new byte[0]);
  }

  PgWire commandComplete(String tag) {
    return typed('C', cstr(tag));
  }

  PgWire readyForQuery(char status) {
    return typed('Z', new byte[] {(byte) status});
  }

  PgWire error(String severity, String code, String message) {
    return typed('E', concat(field('S', severity), field('V', severity), field('C', code), field('M', message),
        new byte[] {0}));
  }

  PgWire raw(int... bytes) {
    for (int b : bytes) {
      out.write(b);
    }
    return this;
  }

  byte[] bytes() {
    return out.toByteArray();
  }

  private PgWire typed(char type, byte[] body) {
    out.write(type);
    out.writeBytes(ByteBuffer.allocate(4).putInt(body.length + 4).array());
    out.writeBytes(body);
    return this;
  }

  private PgWire untyped(int code, byte[] body) {
    out.writeBytes(ByteBuffer.allocate(8).putInt(body.length + 8).putInt(code).array());
    out.writeBytes(body);
    return this;
  }

  private static byte[] field(char type, String value) {
    return concat(new byte[] {(byte) type}, cstr(value));
  }

  static byte[] cstr(String value) {
    return concat(value.getBytes(StandardCharsets.UTF_8), new byte[] {0});
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      all.writeBytes(part);
    }
    return all.toByteArray();
  }
}
