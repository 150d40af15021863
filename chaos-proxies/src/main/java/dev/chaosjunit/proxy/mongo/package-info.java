/**
 * The MongoDB protocol inspector ({@link dev.chaosjunit.proxy.mongo.MongoInspector}, name {@code mongodb}).
 *
 * <p>How it stays out of the way: both directions are cut into messages by their 16-byte headers. The
 * client's OP_MSG commands are read (a hand-written reader of the few BSON elements that matching needs)
 * and matched; the server's messages stream through unread. The first hello of the handshake (OP_QUERY or
 * OP_MSG) loses its {@code compression} offer, so the server agrees on no compressor and every command
 * stays inspectable; OP_COMPRESSED, if a peer sends it anyway, is relayed unread.
 *
 * <p>How faults reach the client, shaped as mongod's {@code failCommand} fail point shapes them:
 * <ul>
 *   <li>An error answers the command in the server's place with an OP_MSG whose {@code responseTo} is the
 *       request's id: a command error ({@code ok: 0}, {@code code}, {@code codeName}, {@code errmsg},
 *       {@code errorLabels}) or a write error ({@code ok: 1, n: 0, writeErrors}); the command never reaches
 *       the server. A writeConcernError lets the command run and adds {@code writeConcernError} to its reply.</li>
 *   <li>A request with {@code moreToCome} (an unacknowledged write, w:0) gets no reply: an error rule can
 *       only drop it.</li>
 *   <li>A delay holds the command back (mongod's {@code blockConnection}); a drop closes the connection
 *       ({@code closeConnection}), resets or blackholes it.</li>
 * </ul>
 */
package dev.chaosjunit.proxy.mongo;
