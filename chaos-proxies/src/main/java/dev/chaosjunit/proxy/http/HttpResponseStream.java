package dev.chaosjunit.proxy.http;

import dev.chaosjunit.proxy.protocol.RelayPort;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.ArrayDeque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server-to-client half of an HTTP/1.1 session: forwards responses (heads once complete, bodies
 * as they arrive), pairs each final response with the oldest request owed one, passes interim 1xx
 * responses through, and slots injected responses in at the position of the request they answer.
 * After {@code 101 Switching Protocols} or a 2xx to CONNECT the connection becomes plain relay.
 */
final class HttpResponseStream {

  private static final Logger LOG = LoggerFactory.getLogger(HttpResponseStream.class);

  private final ArrayDeque<Exchange> owed = new ArrayDeque<>();
  private ByteBuf cumulation;
  private BodyScanner body;
  private int segment;
  private String switchReason;
  private boolean closed;

  void owe(Exchange exchange) {
    owed.add(exchange);
  }

  /** Queues an injected response behind the responses still owed and sends what is due. */
  void inject(Exchange exchange, RelayPort port) {
    owed.add(exchange);
    flush(port);
  }

  /** Why the connection must become plain relay now, or null. */
  String switchReason() {
    return switchReason;
  }

  boolean closed() {
    return closed;
  }

  /**
   * Forwards server bytes (taking ownership), inserting due injected responses.
   *
   * @throws HttpCodecException after forwarding the undecodable rest unchanged
   */
  void onServerData(ByteBuf data, RelayPort port) {
    cumulation = cumulation == null ? data : ByteToMessageDecoder.MERGE_CUMULATOR.cumulate(port.alloc(), cumulation, data);
    segment = cumulation.readerIndex();
    try {
      while (cumulation.isReadable() && switchReason == null && !closed && step(port)) {
        continue;
      }
    } catch (HttpCodecException e) {
      emit(cumulation.writerIndex(), port);
      release();
      throw e;
    }
    emit(switchReason != null ? cumulation.writerIndex() : cumulation.readerIndex(), port);
    if (!cumulation.isReadable() || switchReason != null || closed) {
      release();
    }
  }

  /** One head or a run of body bytes; false when more bytes are needed. */
  private boolean step(RelayPort port) {
    if (body != null) {
      if (body.scan(cumulation)) {
        body = null;
        responseDone(port);
      }
      return true;
    }
    int end = HttpHead.end(cumulation);
    if (end < 0) {
      return false;
    }
    HttpHead head = HttpHead.parse(cumulation, cumulation.readerIndex(), end);
    cumulation.readerIndex(end);
    onHead(head, port);
    return true;
  }

  private void onHead(HttpHead head, RelayPort port) {
    int status = status(head);
    Exchange exchange = owed.peek();
    String method = exchange == null ? "GET" : exchange.method();
    if (status == 101 || method.equals("CONNECT") && status / 100 == 2) {
      switchReason = "HTTP " + status + " to " + method + ": the connection now carries another protocol";
    } else if (status / 100 != 1) {
      body = HttpFraming.response(head, method, status);
      if (body.done()) {
        body = null;
        responseDone(port);
      }
    }
  }

  private static int status(HttpHead head) {
    String code = head.start()[1];
    if (!head.start()[0].startsWith("HTTP/") || !code.matches("\\d{3}")) {
      throw new HttpCodecException("HTTP status line [" + String.join(" ", List.of(head.start())) + "] is malformed");
    }
    return Integer.parseInt(code);
  }

  private void responseDone(RelayPort port) {
    if (owed.poll() == null) {
      LOG.debug("response from the server that answers no request; forwarded");
    }
    if (!owed.isEmpty() && owed.peek().injected()) {
      emit(cumulation.readerIndex(), port);
      flush(port);
    }
  }

  private void flush(RelayPort port) {
    while (body == null && !closed && !owed.isEmpty() && owed.peek().injected()) {
      Exchange next = owed.poll();
      port.toClient(HttpResponses.encode(port.alloc(), next.action(), next.method().equals("HEAD"), next.close()));
      if (next.close()) {
        closed = true;
        port.close();
      }
    }
  }

  private void emit(int to, RelayPort port) {
    if (to > segment) {
      port.toClient(cumulation.retainedSlice(segment, to - segment));
    }
    segment = to;
  }

  /** On pass-through or close: sends injected responses still queued, as the engine stops calling us. */
  void drainInjected(RelayPort port) {
    owed.removeIf(exchange -> !exchange.injected());
    flush(port);
  }

  void release() {
    if (cumulation != null) {
      cumulation.release();
      cumulation = null;
    }
  }
}
