/**
 * The NATS protocol inspector ({@link dev.chaosjunit.proxy.nats.NatsInspector}, name {@code nats}).
 *
 * <p>How it stays out of the way: both directions are cut into operations at their control lines
 * (CONNECT, INFO, PUB, HPUB, SUB, UNSUB, MSG, HMSG, PING, PONG, +OK, -ERR). A message's payload is sized
 * by its control line (with the header size of HPUB and HMSG) and streams through unread unless a rule
 * fired for it.
 *
 * <p>How faults reach the client as nats-server's would:
 * <ul>
 *   <li>An error on a publish swallows it with its payload and sends
 *       {@code -ERR 'Permissions Violation for Publish to "<subject>"'}: nats-server keeps the connection open
 *       after a publish permissions violation, and so does the proxy.</li>
 *   <li>A drop without a mode removes the message alone with its payload. A client in verbose mode gets the
 *       {@code +OK} for a dropped publish at once (it may overtake the server's replies to earlier operations,
 *       which are {@code +OK} too unless the server refused one).</li>
 *   <li>A drop with a mode ends the connection; jnats reconnects as after a server restart.</li>
 * </ul>
 */
package dev.chaosjunit.proxy.nats;
