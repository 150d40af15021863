/**
 * The HTTP/1.1 protocol inspector ({@link dev.chaosjunit.proxy.http.HttpInspector}, name {@code http}).
 *
 * <p>Request and response heads are held until complete (64 KiB at most); bodies stream through
 * (Content-Length, chunked with extensions and trailers, or until close). Each forwarded request is
 * owed one final response; 1xx interim responses pass through; responses to HEAD and 204/304 have no
 * body. An injected response is a complete message (status line, Content-Type, Content-Length, the
 * rule's headers, body) queued behind the responses still owed, so pipelining and keep-alive keep
 * working; the matched request, body included, never reaches the server.
 *
 * <p>Choices: an injected response carries {@code Connection: close} and the connection is closed
 * after it when the client asked for that ({@code Connection: close}, HTTP/1.0 without keep-alive) or
 * sent {@code Expect: 100-continue} (the client may never send the announced body). After
 * {@code 101 Switching Protocols} or a 2xx to CONNECT the connection becomes plain relay. Anything
 * that is not HTTP/1.x (TLS, HTTP/2 preface, malformed heads) degrades to plain relay with a reason.
 */
package dev.chaosjunit.proxy.http;
