package dev.chaosjunit.proxy.grpc;

import dev.chaosjunit.proxy.protocol.FrameBuffer;
import dev.chaosjunit.proxy.protocol.RelayPort;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/**
 * The start of a connection, until it is HTTP/2 (RFC 7540, section 3.2 and 3.4): either the client
 * sends the HTTP/2 preface (prior knowledge), or an HTTP/1.1 request with {@code Upgrade: h2c}, which is
 * forwarded with its body; the server then answers {@code 101 Switching Protocols} (both sides switch to
 * HTTP/2) or anything else (the connection stays HTTP/1.1). Until it is settled, the client's bytes after
 * the request and the server's bytes stay held in the session's frame buffers.
 */
final class H2cUpgrade {

  /** What the session does once the start is settled; the bytes after it are still held. */
  interface Outcome {
    /** The client sent the HTTP/2 preface. */
    void priorKnowledge(RelayPort port);

    /** The server accepted the upgrade with {@code answer} (not forwarded yet). */
    void switched(Http11Head request, ByteBuf answer, RelayPort port);

    /** The request and its body went to the server: the server's held bytes are due. */
    void answerDue(RelayPort port);

    /** Not HTTP/2: what was held is forwarded; relay bytes from now on. */
    void giveUp(String reason, RelayPort port);
  }

  private enum State { START, REQUEST, BODY, ANSWER, DONE }

  private final Outcome outcome;
  private State state = State.START;
  private Http11Head request;
  private long bodyLeft;

  H2cUpgrade(Outcome outcome) {
    this.outcome = outcome;
  }

  /** One step over the client's bytes; false when they wait (for more, or for the server's answer). */
  boolean clientStep(FrameBuffer client, RelayPort port) {
    return switch (state) {
      case START -> start(client, port);
      case REQUEST -> request(client, port);
      case BODY -> body(client, port);
      default -> false;
    };
  }

  /** One step over the server's bytes; false when they wait. */
  boolean serverStep(FrameBuffer server, RelayPort port) {
    return switch (state) {
      case START -> serverFirst(server, port);
      case BODY, ANSWER -> answer(server, port);
      default -> false;
    };
  }

  private boolean start(FrameBuffer client, RelayPort port) {
    if (!Http2FrameReader.startsPreface(client.view())) {
      state = State.REQUEST;
      return true;
    }
    if (client.readable() < Http2FrameReader.PREFACE.length) {
      return false;
    }
    state = State.DONE;
    outcome.priorKnowledge(port);
    return true;
  }

  /**
   * The server spoke before the client's first bytes were settled: an HTTP/2 server's SETTINGS may wait
   * for the client's preface (clients do not wait for it); anything else is not HTTP/2 and is relayed at
   * once, so that a client waiting for a server-speaks-first protocol never hangs.
   */
  private boolean serverFirst(FrameBuffer server, RelayPort port) {
    ByteBuf held = server.view();
    if (held.readableBytes() >= Http2Frame.HEADER_LENGTH
        && (held.getByte(held.readerIndex() + 3) != Http2Frame.SETTINGS || held.getInt(held.readerIndex() + 5) != 0)) {
      relay("the server spoke first, and not with an HTTP/2 SETTINGS frame but ["
          + ByteBufUtil.hexDump(held, held.readerIndex(), Http2Frame.HEADER_LENGTH) + "...]", port);
    }
    return false;
  }

  private boolean request(FrameBuffer client, RelayPort port) {
    Http11Head head = Http11Head.parse(client.view());
    if (head == null) {
      return false;
    }
    if (!head.hasToken("upgrade", "h2c")) {
      relay("the client sent HTTP/1.1 [" + head.startLine() + "] without Upgrade: h2c; gRPC needs HTTP/2,"
          + " with prior knowledge or an h2c upgrade", port);
      return false;
    }
    if (head.hasToken("transfer-encoding", "chunked")) {
      relay("the h2c upgrade request [" + head.startLine() + "] has a chunked body, which the grpc inspector"
          + " does not follow; send the upgrade with Content-Length or without a body", port);
      return false;
    }
    request = head;
    bodyLeft = contentLength(head);
    state = State.BODY;
    client.pass(head.length());
    return true;
  }

  private static long contentLength(Http11Head head) {
    String value = head.header("content-length");
    if (value != null && !value.matches("\\d{1,18}")) {
      throw new Http2DecodeException("the h2c upgrade request has Content-Length [" + value + "]");
    }
    return value == null ? 0 : Long.parseLong(value);
  }

  private boolean body(FrameBuffer client, RelayPort port) {
    int length = (int) Math.min(bodyLeft, client.readable());
    client.pass(length);
    bodyLeft -= length;
    if (bodyLeft > 0) {
      return false;
    }
    state = State.ANSWER;
    outcome.answerDue(port);
    return true;
  }

  /** Reads the server's answer: 1xx interim answers are forwarded, then 101 switches, anything else declines. */
  private boolean answer(FrameBuffer server, RelayPort port) {
    Http11Head head = server.readable() == 0 ? null : Http11Head.parse(server.view());
    if (head == null) {
      return false;
    }
    int status = head.status();
    if (status == 101 && head.hasToken("upgrade", "h2c")) {
      state = State.DONE;
      outcome.switched(request, server.take(head.length()), port);
      return true;
    }
    if (status >= 100 && status < 200 && status != 101) {
      server.pass(head.length());
      return true;
    }
    relay("the server declined the h2c upgrade with [" + head.startLine() + "]; the connection stays"
        + " HTTP/1.1, which the grpc inspector does not decode", port);
    return false;
  }

  private void relay(String reason, RelayPort port) {
    state = State.DONE;
    outcome.giveUp(reason, port);
  }
}
