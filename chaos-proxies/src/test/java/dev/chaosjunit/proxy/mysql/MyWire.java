package dev.chaosjunit.proxy.mysql;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds MySQL protocol packets for tests, independently of the code under test. */
final class MyWire {

  static final int SSL = 0x800;
  static final int PROTOCOL_41 = 0x200;
  static final int QUERY_ATTRIBUTES = 1 << 27;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  static MyWire packets() {
    return new MyWire();
  }

  MyWire greeting(int capabilities) {
    ByteArrayOutputStream p = new ByteArrayOutputStream();
    p.write(10);
    p.writeBytes("10.11.6-MariaDB\0".getBytes(StandardCharsets.US_ASCII));
    p.writeBytes(le(7, 4));
    p.writeBytes("abcdefgh".getBytes(StandardCharsets.US_ASCII));
    p.write(0);
    p.writeBytes(le(capabilities & 0xFFFF, 2));
    p.write(45);
    p.writeBytes(le(2, 2));
    p.writeBytes(le(capabilities >>> 16, 2));
    p.write(21);
    p.writeBytes(new byte[10]);
    p.writeBytes("ijklmnopqrstu\0mysql_native_password\0".getBytes(StandardCharsets.US_ASCII));
    return packet(0, p.toByteArray());
  }

  MyWire handshakeResponse(int capabilities) {
    return packet(1, concat(le(capabilities, 4), le(1 << 24, 4), new byte[] {45}, new byte[23],
        "app\0".getBytes(StandardCharsets.US_ASCII), new byte[] {0}));
  }

  MyWire ok(int sequenceId) {
    return packet(sequenceId, new byte[] {0, 0, 0, 2, 0, 0, 0});
  }

  MyWire err(int sequenceId, int errorNumber, String sqlState, String message) {
    return packet(sequenceId, concat(new byte[] {(byte) 0xFF}, le(errorNumber, 2),
        ("#" + sqlState + message).getBytes(StandardCharsets.UTF_8)));
  }

  MyWire query(String sql) {
    return command(0x03, sql.getBytes(StandardCharsets.UTF_8));
  }

  MyWire prepare(String sql) {
    return command(0x16, sql.getBytes(StandardCharsets.UTF_8));
  }

  MyWire prepareOk(int sequenceId, int statementId) {
    return packet(sequenceId, concat(new byte[] {0}, le(statementId, 4), le(0, 2), le(1, 2), new byte[] {0},
        le(0, 2)));
  }

  MyWire execute(int statementId) {
    return command(0x17, concat(le(statementId, 4), new byte[] {0}, le(1, 4)));
  }

  MyWire closeStatement(int statementId) {
    return command(0x19, le(statementId, 4));
  }

  MyWire packet(int sequenceId, byte[] payload) {
    out.writeBytes(le(payload.length, 3));
    out.write(sequenceId);
    out.writeBytes(payload);
    return this;
  }

  byte[] bytes() {
    return out.toByteArray();
  }

  private MyWire command(int command, byte[] argument) {
    return packet(0, concat(new byte[] {(byte) command}, argument));
  }

  static byte[] le(int value, int width) {
    byte[] all = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    byte[] bytes = new byte[width];
    System.arraycopy(all, 0, bytes, 0, width);
    return bytes;
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      all.writeBytes(part);
    }
    return all.toByteArray();
  }
}
