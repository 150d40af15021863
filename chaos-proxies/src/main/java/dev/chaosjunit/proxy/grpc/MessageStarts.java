package dev.chaosjunit.proxy.grpc;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * Finds where gRPC's length-prefixed messages (a compressed-flag byte, a 4-byte big-endian length, the
 * message) begin in one direction of a stream's DATA, however the sender cut it into frames: a message
 * may span frames, a frame may carry several messages, a prefix may be split anywhere.
 */
final class MessageStarts {

  static final int PREFIX_LENGTH = 5;

  /** Bytes of the current prefix seen (0 = between messages or inside a body). */
  private int prefixSeen;
  private long length;
  /** Body bytes of the current message still to come. */
  private long remaining;

  /** The offsets within {@code data} (not consumed) at which a message's prefix begins, in order. */
  int[] in(ByteBuf data) {
    int[] starts = new int[4];
    int count = 0;
    int end = data.readerIndex() + data.readableBytes();
    int pos = data.readerIndex();
    while (pos < end) {
      if (remaining > 0) {
        int take = (int) Math.min(remaining, end - pos);
        pos += take;
        remaining -= take;
        continue;
      }
      if (prefixSeen == 0) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = pos - data.readerIndex();
        length = 0;
      } else {
        length = (length << 8) | data.getUnsignedByte(pos);
      }
      pos++;
      if (++prefixSeen == PREFIX_LENGTH) {
        prefixSeen = 0;
        remaining = length;
      }
    }
    return Arrays.copyOf(starts, count);
  }
}
