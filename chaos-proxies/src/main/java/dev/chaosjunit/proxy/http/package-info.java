/**
 * The HTTP/1.1 protocol inspector ({@link dev.chaosjunit.proxy.http.HttpInspector}, name {@code http}).
 *
 * <p>Request and response heads are held until complete (64 KiB at most); bodies stream through
 * (Content-Length, chunked with extensions and trailers, or until close). Each forwarded request is
 * owed one final response; 1xx interim responses pass through; responses to HEAD and 204/304 have no
 * body. An injected response is a complete message (status line, Content-Type, Content-Length, the
 * rule's headers, body) queued behind the responses still owed, so pipelining and keep-alive keep
 * working; the matched request, body included, never reaches the server. A REWRITE lets the request
 * through and writes the head of the server's final response anew with the rule's header changes; the
 * body streams through as sent.
 *
 * <p>Choices: an injected response carries {@code Connection: close} and the connection is closed
 * after it when the client asked for that ({@code Connection: close}, HTTP/1.0 without keep-alive) or
 * sent {@code Expect: 100-continue} (the client may never send the announced body). An offer to
 * upgrade to HTTP/2 over cleartext is declined: the request reaches the server without the {@code h2c}
 * token in {@code Upgrade}, without {@code HTTP2-Settings} and without those tokens in
 * {@code Connection}, so the server stays on HTTP/1.1 and the rules keep firing (clients that offer
 * h2c, like the JDK {@code HttpClient} by default, go on in HTTP/1.1 when no 101 comes; rules match the
 * request as the client sent it). After any other {@code 101 Switching Protocols} (WebSocket) or a 2xx
 * to CONNECT the connection becomes plain relay. Anything
 * that is not HTTP/1.x (TLS, malformed heads) degrades to plain relay with a reason.
 *
 * <p>A client that starts with the HTTP/2 connection preface (h2c with prior knowledge) is inspected as
 * HTTP/2 under the same rules, by the HTTP/2 session of {@link dev.chaosjunit.proxy.grpc} (see
 * {@link dev.chaosjunit.proxy.grpc.Http2Sessions}): one decoder for HTTP/2 frames and HPACK, shared with gRPC.
 */
package dev.chaosjunit.proxy.http;
