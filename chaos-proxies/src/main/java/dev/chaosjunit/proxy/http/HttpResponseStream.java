package dev.chaosjunit.proxy.http;

import dev.chaosjunit.proxy.protocol.FrameBuffer;
import dev.chaosjunit.proxy.protocol.RelayPort;
import io.netty.buffer.ByteBuf;
import java.util.ArrayDeque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server-to-client half of an HTTP/1.1 session: lets responses pass (heads once complete, bodies
 * as they arrive), pairs each final response with the oldest request owed one, passes interim 1xx
 * responses through, slots injected responses in at the position of the request they answer, and
 * writes a final response's head anew when its request matched a REWRITE.
 * After {@code 101 Switching Protocols} or a 2xx to CONNECT the connection becomes plain relay.
 */
final class HttpResponseStream {

  private static final Logger LOG = LoggerFactory.getLogger(HttpResponseStream.class);

  private final ArrayDeque<Exchange> owed = new ArrayDeque<>();
  private BodyScanner body;
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
   * Lets the next response head (once complete) or run of body bytes of {@code in} pass, and sends the
   * injected responses due after it.
   *
   * @return false when more bytes are needed, or none may pass any more
   * @throws HttpCodecException for bytes that are not an HTTP/1.1 response
   */
  boolean step(FrameBuffer in, RelayPort port) {
    if (in.readable() == 0 || switchReason != null || closed) {
      return false;
    }
    if (body != null) {
      if (body.scan(in.view())) {
        body = null;
        responseDone(port);
      }
      return true;
    }
    int end = HttpHead.end(in.view());
    if (end < 0) {
      return false;
    }
    HttpHead head = HttpHead.parse(in.view(), in.view().readerIndex(), end);
    int status = status(head);
    Exchange exchange = owed.peek();
    int length = end - in.view().readerIndex();
    if (exchange != null && exchange.rewrite() != null && status / 100 != 1) {
      in.skip(length);
      port.toClient(head.rewritten(exchange.rewrite()).encode(port.alloc()));
    } else {
      in.pass(length);
    }
    onHead(head, status, exchange, port);
    return true;
  }

  private void onHead(HttpHead head, int status, Exchange exchange, RelayPort port) {
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

  /** On pass-through or close: sends injected responses still queued, as the engine stops calling us. */
  void drainInjected(RelayPort port) {
    owed.removeIf(exchange -> !exchange.injected());
    flush(port);
  }
}
