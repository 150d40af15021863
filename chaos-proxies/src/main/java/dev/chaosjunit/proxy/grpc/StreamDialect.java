package dev.chaosjunit.proxy.grpc;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.proxy.protocol.RelayPort;
import dev.chaosjunit.proxy.rule.MessageFacts;
import io.netty.handler.codec.http2.Http2Headers;
import java.util.function.IntSupplier;

/**
 * What differs between the two things spoken over one HTTP/2 connection here: gRPC calls
 * ({@link GrpcDialect}) and plain HTTP requests ({@link HttpDialect}). Framing, HPACK, RST_STREAM and
 * GOAWAY are the same for both ({@link Http2Session}, {@link ClientFrames}, {@link GrpcFaults}).
 */
interface StreamDialect {

  /** The matchable facts of a request, from its decoded header block. */
  MessageFacts facts(Http2Headers request);

  /** The matchable facts of the request of an h2c upgrade (stream 1). */
  MessageFacts facts(Http11Head request);

  /**
   * Answers a request with an ERROR's (or a RESPOND's) response, for a stream whose response has not
   * begun, and cancels the stream on the server.
   */
  void answer(Call call, Action action, RelayPort port);

  /**
   * Whether a DELAY holds back the stream's response ({@code true}) rather than its request DATA: the
   * server's frames for the stream wait, each stream on its own timer.
   */
  boolean delaysResponses();

  /** The server-to-client half of a connection. */
  ServerHalf serverHalf(Calls calls, IntSupplier lastForwardedStream);

  /** The server-to-client half of one connection: sees every server frame, in order. */
  interface ServerHalf {

    void onFrame(Http2Frame frame, RelayPort port);

    /** The connection ended: release what is held. */
    default void release() {}
  }
}
