package dev.chaosjunit.proxy.memcached;

import dev.chaosjunit.proxy.protocol.FrameBuffer;
import dev.chaosjunit.proxy.protocol.FrameDecodeException;
import dev.chaosjunit.proxy.protocol.RelayPort;
import io.netty.buffer.ByteBuf;
import java.util.ArrayDeque;

/**
 * The server-to-client half of a Memcached session: lets replies pass line by line ({@code VALUE} and
 * {@code VA} with their data blocks, streamed), and puts the proxy's own replies in place. A command the
 * proxy answers itself is replaced on its way to the server by the meta no-op {@code mn}; memcached answers
 * {@code MN} after the replies to every command before it, so that {@code MN} is exactly where the injected
 * reply belongs, whatever {@code noreply} and quiet commands did or did not answer.
 */
final class ReplyStream {

  private static final byte[] CLIENT_NOOP = new byte[0];

  /** One entry per {@code mn} on its way to the server: the client's own, or the reply that replaces its {@code MN}. */
  private final ArrayDeque<byte[]> noops = new ArrayDeque<>();
  private final CommandLine line = new CommandLine();

  /** The client sent {@code mn}: its {@code MN} passes. */
  void clientNoop() {
    noops.add(CLIENT_NOOP);
  }

  /** The proxy sent {@code mn} in place of a command: its {@code MN} is replaced by {@code reply}. */
  void replace(byte[] reply) {
    noops.add(reply);
  }

  /**
   * Lets the next reply line (with its data block) pass, or replaces it when it is the {@code MN} of an
   * {@code mn} the proxy sent.
   *
   * @return false while the line is incomplete
   */
  boolean step(FrameBuffer in, RelayPort port) {
    int readable = in.readable();
    if (readable == 0) {
      return false;
    }
    ByteBuf buf = in.view();
    int start = buf.readerIndex();
    int newline = buf.indexOf(start, start + Math.min(readable, MemcachedCommand.MAX_LINE), (byte) '\n');
    if (newline < 0) {
      if (readable >= MemcachedCommand.MAX_LINE) {
        throw new FrameDecodeException("a reply line longer than " + MemcachedCommand.MAX_LINE + " bytes");
      }
      return false;
    }
    int lineLength = newline + 1 - start;
    int end = newline > start && buf.getByte(newline - 1) == '\r' ? newline - 1 : newline;
    byte first = buf.getByte(start);
    if (first == 'V') {
      in.passStreaming(lineLength + (long) dataBlock(line.read(buf, start, end)));
    } else if (first == 'M' && end - start == 2 && buf.getByte(start + 1) == 'N') {
      noop(in, lineLength, port);
    } else {
      in.pass(lineLength);
    }
    return true;
  }

  /** The data block after {@code VALUE <key> <flags> <bytes> [<cas>]} or {@code VA <size> <flags>*}, with its CRLF. */
  private static int dataBlock(CommandLine line) {
    if (line.is(0, "VALUE") && (line.words() == 4 || line.words() == 5)) {
      return line.size(3, MemcachedCommand.MAX_DATA, "VALUE", "has a size") + 2;
    }
    if (line.is(0, "VA") && line.words() >= 2) {
      return line.size(1, MemcachedCommand.MAX_DATA, "VA", "has a size") + 2;
    }
    if (line.is(0, "VERSION")) {
      return 0;
    }
    throw new FrameDecodeException("[" + CommandLine.abbreviate(line.word(0)) + "] is not a memcached reply");
  }

  private void noop(FrameBuffer in, int lineLength, RelayPort port) {
    byte[] reply = noops.poll();
    if (reply == null || reply == CLIENT_NOOP) {
      in.pass(lineLength);
      return;
    }
    in.skip(lineLength);
    port.toClient(port.alloc().buffer(reply.length).writeBytes(reply));
  }
}
