/**
 * The gRPC protocol inspector ({@link dev.chaosjunit.proxy.grpc.GrpcInspector}, name {@code grpc}).
 *
 * <p>How it works: HTTP/2 with prior knowledge (h2c) is cut into frames in both directions. Every
 * header block (HEADERS or PUSH_PROMISE plus CONTINUATION) is decoded with one HPACK decoder per
 * direction, also when it is only forwarded, because HPACK's dynamic table is connection state that
 * the proxy must track to read later blocks. Frames are never reordered or re-encoded, so the peers'
 * tables stay in step. A faulted call's request headers are still forwarded (the server's decoder
 * needs them) and immediately followed by RST_STREAM(CANCEL), so the server abandons the call; the
 * client gets a trailers-only response or RST_STREAM written with HPACK literals without indexing,
 * which leave the client's dynamic table untouched. The server's late DATA for such a call is dropped
 * and its connection window handed back with a WINDOW_UPDATE.
 *
 * <p>A DELAY on a call holds back its request DATA frames on a timer of its own (on the connection's
 * event loop), never its headers: header blocks must not be reordered.
 *
 * <p>Limits: no HTTP/1.1 {@code Upgrade: h2c} and no TLS (both degrade to a plain relay); a RESPONSE
 * DELAY holds back the frames behind the delayed one toward the client (head-of-line, like a slow link),
 * because the server's trailers (a header block) must not overtake held messages; RESPONSE rules count
 * DATA frames, which for grpc-java are one message each for small messages.
 */
package dev.chaosjunit.proxy.grpc;
