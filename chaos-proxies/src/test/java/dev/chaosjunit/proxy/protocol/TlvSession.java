package dev.chaosjunit.proxy.protocol;

import dev.chaosjunit.fault.DropMode;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * A session for a toy protocol, to test the toolkit: frames of a kind byte, a length byte and that many
 * bytes. The kind says what the session does with a client frame: {@code P} passes, {@code S} is
 * skipped, {@code T} is taken and forwarded (its buffer's memory address noted), {@code B} streams
 * through, {@code D} drops the connection, {@code X} is undecodable. Server frames pass.
 */
final class TlvSession extends FramedSession {

  /** The memory address of each taken frame (within a chunk fed, or a buffer the toolkit gathered). */
  final List<Long> takenAt = new ArrayList<>();
  int stops;

  static byte[] frame(char kind, String payload) {
    byte[] bytes = new byte[2 + payload.length()];
    bytes[0] = (byte) kind;
    bytes[1] = (byte) payload.length();
    System.arraycopy(payload.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, bytes, 2, payload.length());
    return bytes;
  }

  @Override
  protected boolean clientFrame(RelayPort port) {
    FrameBuffer in = client();
    if (!in.need(2)) {
      return false;
    }
    char kind = (char) in.view().getByte(in.view().readerIndex());
    int length = 2 + in.view().getUnsignedByte(in.view().readerIndex() + 1);
    if (kind == 'B') {
      in.passStreaming(length);
      return true;
    }
    if (kind == 'X') {
      throw new FrameDecodeException("kind [X]");
    }
    if (!in.need(length)) {
      return false;
    }
    switch (kind) {
      case 'S' -> in.skip(length);
      case 'T' -> take(in.take(length), port);
      case 'D' -> drop(DropMode.CLOSE, port);
      default -> in.pass(length);
    }
    return true;
  }

  private void take(ByteBuf frame, RelayPort port) {
    takenAt.add(frame.memoryAddress());
    port.toServer(frame);
  }

  @Override
  protected boolean serverFrame(RelayPort port) {
    FrameBuffer in = server();
    if (!in.need(2)) {
      return false;
    }
    int length = 2 + in.view().getUnsignedByte(in.view().readerIndex() + 1);
    if (!in.need(length)) {
      return false;
    }
    in.pass(length);
    return true;
  }

  @Override
  protected void onStop() {
    stops++;
  }
}
