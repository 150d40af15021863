/**
 * HTTP/2: the gRPC protocol inspector ({@link dev.chaosjunit.proxy.grpc.GrpcInspector}, name {@code grpc}),
 * and the HTTP/2 session of the {@code http} inspector for h2c with prior knowledge
 * ({@link dev.chaosjunit.proxy.grpc.Http2Sessions}). One frame reader and one HPACK decoder per direction
 * serve both; what differs (the facts of a request, an injected answer, what a DELAY holds back, the server's
 * half) is a {@code StreamDialect}. The rest of this page is about gRPC; plain HTTP/2 re-encodes the server's
 * header blocks never-indexed (so one stream's response can wait while others go on) and is documented in
 * REFERENCE.md.
 *
 * <p>How HTTP/2 starts (RFC 7540, section 3): with prior knowledge (the client's first bytes are the
 * HTTP/2 preface), or through the HTTP/1.1 upgrade: the client's request with {@code Upgrade: h2c} (and
 * {@code HTTP2-Settings}) is forwarded with its body; if the server answers {@code 101 Switching Protocols},
 * both sides switch to HTTP/2 (the client then sends the preface) and the upgrade's request is stream 1,
 * half-closed from the client, matched by the rules like any call: its {@code method} is the request
 * target (grpc-java's {@code PLAINTEXT_UPGRADE} sends {@code GET /}), its {@code metadata.<name>} the
 * HTTP/1.1 header fields. An ERROR or DROP on stream 1 is carried out once both peers have started
 * HTTP/2 (after the server's SETTINGS toward the client, after the client's preface toward the server;
 * the server's bytes wait for the client's preface meanwhile); a DELAY holds back the 101 and all the
 * server sends after it. If the server answers anything else (besides 1xx interim answers), the
 * connection stays HTTP/1.1 and is relayed as bytes, logged once; rules do not see it. A request with a
 * chunked body, an HTTP/1.1 request without {@code Upgrade: h2c}, TLS and a server that speaks first
 * with anything but an HTTP/2 SETTINGS frame are relayed the same way.
 *
 * <p>How calls are seen: HTTP/2 is cut into frames in both directions. Every client header block
 * (HEADERS plus CONTINUATION) is decoded with one HPACK decoder, also when it is only forwarded, because
 * HPACK's dynamic table is connection state that the proxy must track to read later blocks. Server
 * header blocks are forwarded without decoding: no rule reads them, and frames are never reordered or
 * re-encoded, so the peers' tables stay in step. A faulted call's request headers are still forwarded
 * (the server's decoder needs them) and immediately followed by RST_STREAM(CANCEL), so the server
 * abandons the call; the client gets a trailers-only response or RST_STREAM written with HPACK literals
 * without indexing, which leave the client's dynamic table untouched. The server's late DATA for such a
 * call is dropped and its connection window handed back with a WINDOW_UPDATE. The frames forwarded
 * while handling one chunk leave the proxy as one write per direction, as on the L4 relay.
 *
 * <p>A DELAY on a call holds back its request DATA frames on a timer of its own (on the connection's
 * event loop), never its headers: header blocks must not be reordered.
 *
 * <p>Limits: no TLS (degrades to a plain relay); the request of an h2c upgrade (stream 1) has reached the
 * server before the switch, so when a rule faults it the server's own answer still follows the injected
 * one (its header blocks must reach the client to keep HPACK in step): lenient clients (grpc-java, whose
 * stream 1 is a throw-away {@code GET /}) ignore it, strict ones (the JDK HttpClient) may report a
 * protocol error on stream 1 instead of the injected status, while the connection's other streams go on; a RESPONSE DELAY holds back the frames behind the
 * delayed one toward the client (head-of-line, like a slow link), because the server's trailers (a
 * header block) must not overtake held messages (the messages behind a delayed one in the same frame
 * go with it, unmatched).
 *
 * <p>RESPONSE rules match each length-prefixed message, wherever it begins in the server's DATA frames; a
 * frame whose firing message is not its first is split at that message (the proxy gives the server back
 * the window of what the client never gets, and of a split frame's padding).
 */
package dev.chaosjunit.proxy.grpc;
