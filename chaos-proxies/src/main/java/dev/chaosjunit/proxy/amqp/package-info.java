/**
 * The AMQP 0-9-1 protocol inspector ({@link dev.chaosjunit.proxy.amqp.AmqpInspector}, name {@code amqp}).
 *
 * <p>How it stays out of the way: after the client's protocol header, both directions are cut into
 * frames (method, content header, body, heartbeat; any channel). Method frames are read whole; header and
 * body frames stream through as they arrive. A publish is matched on its method frame; its content
 * frames follow on the same channel and need no reading unless the message is dropped.
 *
 * <p>How faults reach both peers as a real broker's would:
 * <ul>
 *   <li>A soft reply code (311-313, 403-406) closes the channel: the client gets {@code channel.close}
 *       with the code and the failing method, the broker a normal {@code channel.close} (200), so both
 *       ends agree the channel is gone. Each side's frames on the channel (the publish's content, deliveries
 *       in flight) are discarded until that side's {@code close-ok}, which the other side never sees. A
 *       {@code channel.open} of the same number starts afresh.</li>
 *   <li>A hard reply code (320, 402, 501-506, 530, 540, 541) closes the connection the same way with
 *       {@code connection.close}; the proxy closes the sockets when the client answers {@code close-ok}.</li>
 *   <li>A drop without a mode removes the message alone: its method, header and body frames. A dropped
 *       delivery stays unacknowledged at the broker (redelivered when the channel closes). On a channel in
 *       confirm mode the broker numbers its confirms without a dropped publish: the proxy renumbers them
 *       and nacks the dropped one once the broker confirms a later one ({@code Confirms}).</li>
 *   <li>A nack rule lets the publish through and turns the broker's confirm for it into
 *       {@code basic.nack}, splitting a {@code multiple} ack around it.</li>
 * </ul>
 */
package dev.chaosjunit.proxy.amqp;
