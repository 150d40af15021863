/**
 * The Redis protocol inspector ({@link dev.chaosjunit.proxy.redis.RedisInspector}, name {@code redis}).
 *
 * <p>How it stays out of the way: server replies are walked by a streaming RESP2/RESP3 scanner and
 * forwarded as they arrive; client commands are held only until complete. Each command that goes to
 * the server is owed one reply; (un)subscribe commands are owed one confirmation per channel named;
 * RESP3 pushes and RESP2 pub/sub messages answer nothing. An injected reply is queued behind the replies
 * still owed, so it reaches the client exactly where the server's reply would have been, and the
 * command it answers is never sent.
 *
 * <p>Choices, with what a real server does:
 * <ul>
 *   <li>An {@code ERROR} inside MULTI acts as a queue-time error: the client gets the error at once and
 *       {@code EXEC} fails with {@code EXECABORT Transaction discarded because of previous errors.}; the
 *       proxy sends {@code DISCARD} instead of {@code EXEC} so the server runs none of the queued
 *       commands. {@code RESPOND} inside MULTI is not applied (the value would belong inside EXEC's
 *       array): the command is forwarded and a warning logged.</li>
 *   <li>{@code UNSUBSCRIBE} without channels is owed one confirmation (the server sends one per
 *       subscribed channel); a reply injected right behind it may overtake the later confirmations.</li>
 *   <li>MONITOR, SYNC, PSYNC and CLIENT REPLY change how replies flow: the connection becomes plain
 *       relay. Inline commands are matched with blank-separated words (quotes are not interpreted).</li>
 *   <li>After pass-through, injected replies still queued are sent at once.</li>
 * </ul>
 */
package dev.chaosjunit.proxy.redis;
