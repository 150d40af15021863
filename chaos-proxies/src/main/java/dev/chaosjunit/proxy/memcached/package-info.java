/**
 * The Memcached protocol inspector ({@link dev.chaosjunit.proxy.memcached.MemcachedInspector}, name
 * {@code memcached}): the text protocol and the meta protocol.
 *
 * <p>How it stays out of the way: client commands are cut at their lines; the data blocks of the storage
 * commands and of {@code ms} are sized by their lines and stream through unread unless a rule fired. Server
 * replies are cut at their lines too, {@code VALUE} and {@code VA} data blocks streaming through.
 *
 * <p>How faults reach the client as memcached's would:
 * <ul>
 *   <li>A reply the proxy gives in a command's place ({@code SERVER_ERROR}, a miss, {@code NOT_STORED}) must
 *       come after the replies to every command before it, and {@code noreply} commands and quiet meta
 *       commands answer nothing or only sometimes: the proxy does not count replies, it sends the meta no-op
 *       {@code mn} in the command's place and puts its reply where the server's {@code MN} comes back.</li>
 *   <li>A forced miss on a multi-get asks the server for the other keys alone, so the client gets their
 *       {@code VALUE}s and none for the matched keys.</li>
 *   <li>A command sent with {@code noreply} gets no reply, as memcached sends none even for its errors; a
 *       quiet {@code mg} gets no {@code EN}; quiet {@code md}, {@code ma} and {@code ms} still get
 *       {@code NF} and {@code NS}, as from memcached 1.6.</li>
 *   <li>The binary protocol (deprecated upstream) is relayed uninspected from its first byte.</li>
 * </ul>
 */
package dev.chaosjunit.proxy.memcached;
