package dev.chaosjunit.proxy.redis;

import dev.chaosjunit.proxy.protocol.RelayPort;
import io.netty.buffer.ByteBufUtil;

/**
 * Tracks MULTI ... EXEC on the client's side of the proxy so an injected queue-time error aborts the
 * transaction as a real server would ({@code EXECABORT}), without the server running the other commands.
 */
final class RedisTransaction {

  private static final String DISCARD = "*1\r\n$7\r\nDISCARD\r\n";

  private boolean open;
  private boolean dirty;

  boolean open() {
    return open;
  }

  /** A command forwarded to the server. */
  void observe(String command) {
    switch (command) {
      case "MULTI":
        open = true;
        dirty = false;
        break;
      case "EXEC": case "DISCARD": case "RESET":
        open = false;
        dirty = false;
        break;
      default:
        break;
    }
  }

  /** An error was injected for a command: inside MULTI, EXEC must now fail. */
  void queueTimeError() {
    dirty = open;
  }

  boolean mustAbort(String command) {
    return open && dirty && command.equals("EXEC");
  }

  /** Ends the transaction with an error: DISCARD goes to the server, its reply becomes {@code errorLine}. */
  void abortExec(RedisReplyStream replies, RelayPort port, String errorLine) {
    open = false;
    dirty = false;
    replies.owe(Pending.replaced(errorLine));
    port.toServer(ByteBufUtil.writeAscii(port.alloc(), DISCARD));
  }
}
