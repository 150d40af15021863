package dev.chaosjunit.proxy.grpc;

import dev.chaosjunit.proxy.internal.PendingBytes;
import dev.chaosjunit.proxy.protocol.RelayPort;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/**
 * The start of a connection, until it is HTTP/2 (RFC 7540, section 3.2 and 3.4): either the client
 * sends the HTTP/2 preface (prior knowledge), or an HTTP/1.1 request with {@code Upgrade: h2c}, which is
 * forwarded with its body; the server then answers {@code 101 Switching Protocols} (both sides switch to
 * HTTP/2) or anything else (the connection stays HTTP/1.1). Until it is settled, the client's bytes after
 * the request and the server's bytes are held, then handed on in order.
 */
final class H2cUpgrade {

  /** What the session does once the start is settled. Held bytes are handed over (null when none). */
  interface Outcome {
    /** The client sent the HTTP/2 preface; its bytes so far and the server's. */
    void priorKnowledge(ByteBuf client, ByteBuf server, RelayPort port);

    /** The server accepted the upgrade with {@code answer} (not forwarded yet); the bytes after it. */
    void switched(Http11Head request, ByteBuf answer, ByteBuf client, ByteBuf server, RelayPort port);

    /** Not HTTP/2: what was held is forwarded; relay bytes from now on. */
    void relay(String reason, RelayPort port);
  }

  private enum State { START, REQUEST, BODY, ANSWER, DONE }

  private final PendingBytes client = new PendingBytes();
  private final PendingBytes server = new PendingBytes();
  private final Outcome outcome;
  private State state = State.START;
  private Http11Head request;
  private long bodyLeft;

  H2cUpgrade(Outcome outcome) {
    this.outcome = outcome;
  }

  void onClientData(ByteBuf data, RelayPort port) {
    client.append(data, port.alloc());
    try {
      if (state == State.START) {
        start(port);
      }
      if (state == State.REQUEST) {
        request(port);
      }
      if (state == State.BODY) {
        body(port);
      }
    } catch (Http2DecodeException e) {
      relay(e.getMessage(), port);
    }
  }

  void onServerData(ByteBuf data, RelayPort port) {
    server.append(data, port.alloc());
    try {
      if (state == State.START) {
        serverFirst(port);
      } else if (state == State.BODY || state == State.ANSWER) {
        answer(port);
      }
    } catch (Http2DecodeException e) {
      relay(e.getMessage(), port);
    }
  }

  private void start(RelayPort port) {
    ByteBuf held = client.peek();
    int available = Math.min(held.readableBytes(), Http2FrameReader.PREFACE.length);
    for (int i = 0; i < available; i++) {
      if (held.getByte(held.readerIndex() + i) != Http2FrameReader.PREFACE[i]) {
        state = State.REQUEST;
        return;
      }
    }
    if (available == Http2FrameReader.PREFACE.length) {
      state = State.DONE;
      outcome.priorKnowledge(client.drain(), server.drain(), port);
    }
  }

  /**
   * The server spoke before the client's first bytes were settled: an HTTP/2 server's SETTINGS may wait
   * for the client's preface (clients do not wait for it); anything else is not HTTP/2 and is relayed at
   * once, so that a client waiting for a server-speaks-first protocol never hangs.
   */
  private void serverFirst(RelayPort port) {
    ByteBuf held = server.peek();
    if (held.readableBytes() >= Http2Frame.HEADER_LENGTH
        && (held.getByte(held.readerIndex() + 3) != Http2Frame.SETTINGS || held.getInt(held.readerIndex() + 5) != 0)) {
      relay("the server spoke first, and not with an HTTP/2 SETTINGS frame but ["
          + ByteBufUtil.hexDump(held, held.readerIndex(), Http2Frame.HEADER_LENGTH) + "...]", port);
    }
  }

  private void request(RelayPort port) {
    Http11Head head = Http11Head.parse(client.peek());
    if (head == null) {
      return;
    }
    if (!head.hasToken("upgrade", "h2c")) {
      relay("the client sent HTTP/1.1 [" + head.startLine() + "] without Upgrade: h2c; gRPC needs HTTP/2,"
          + " with prior knowledge or an h2c upgrade", port);
    } else if (head.hasToken("transfer-encoding", "chunked")) {
      relay("the h2c upgrade request [" + head.startLine() + "] has a chunked body, which the grpc inspector"
          + " does not follow; send the upgrade with Content-Length or without a body", port);
    } else {
      request = head;
      bodyLeft = contentLength(head);
      state = State.BODY;
      port.toServer(client.take(head.length()));
    }
  }

  private static long contentLength(Http11Head head) {
    String value = head.header("content-length");
    if (value != null && !value.matches("\\d{1,18}")) {
      throw new Http2DecodeException("the h2c upgrade request has Content-Length [" + value + "]");
    }
    return value == null ? 0 : Long.parseLong(value);
  }

  private void body(RelayPort port) {
    while (bodyLeft > 0 && client.readableBytes() > 0) {
      int length = (int) Math.min(bodyLeft, client.readableBytes());
      port.toServer(client.take(length));
      bodyLeft -= length;
    }
    if (bodyLeft == 0) {
      state = State.ANSWER;
      answer(port);
    }
  }

  /** Reads the server's answer: 1xx interim answers are forwarded, then 101 switches, anything else declines. */
  private void answer(RelayPort port) {
    while (state != State.DONE && server.readableBytes() > 0) {
      Http11Head head = Http11Head.parse(server.peek());
      if (head == null) {
        return;
      }
      int status = head.status();
      if (status == 101 && head.hasToken("upgrade", "h2c")) {
        state = State.DONE;
        ByteBuf answer = server.take(head.length());
        outcome.switched(request, answer, client.drain(), server.drain(), port);
      } else if (status >= 100 && status < 200 && status != 101) {
        port.toClient(server.take(head.length()));
      } else {
        relay("the server declined the h2c upgrade with [" + head.startLine() + "]; the connection stays"
            + " HTTP/1.1, which the grpc inspector does not decode", port);
      }
    }
  }

  private void relay(String reason, RelayPort port) {
    state = State.DONE;
    ByteBuf toServer = client.drain();
    if (toServer != null) {
      port.toServer(toServer);
    }
    ByteBuf toClient = server.drain();
    if (toClient != null) {
      port.toClient(toClient);
    }
    outcome.relay(reason, port);
  }

  void release() {
    client.release();
    server.release();
  }
}
