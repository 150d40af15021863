package dev.chaosjunit.proxy.internal;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Netty transports the relay can run on; {@link TransportChoice} picks one per JVM.
 *
 * <p>{@link #EPOLL} runs on {@link KeptEpollRegistrations}: Netty 4.2's own epoll handler loses the tail of a
 * reply after a client's half-close. Relaying with {@code splice} (zero-copy) would need epoll too: Netty 4.2 offers
 * socket-to-socket splice only as the deprecated {@code AbstractEpollStreamChannel.spliceTo}, which queues a task
 * that splices until its length is done, an error or the channel's close (cancelling its future does not stop it),
 * so the relay could not go back to its buffered path the moment a toxic or rule is added; io_uring uses {@code
 * IORING_OP_SPLICE} only for file regions.
 *
 * <p>NIO and epoll read a socket again in the same wake-up while it has more ({@link ReadBatch}); io_uring reads
 * once: its next read of a batch completes asynchronously and the batch's end (and so its flush) would wait for
 * data that may not come.
 */
enum Transport {

  IO_URING("io_uring", IoUring::unavailabilityCause, IoUringIoHandler::newFactory, IoUringServerSocketChannel.class,
      IoUringSocketChannel.class, 1),
  EPOLL("epoll", Epoll::unavailabilityCause, KeptEpollRegistrations::newFactory, EpollServerSocketChannel.class,
      EpollSocketChannel.class, 8),
  NIO("nio", () -> null, NioIoHandler::newFactory, NioServerSocketChannel.class, NioSocketChannel.class, 8);

  static final String THREAD_PREFIX = "chaos-proxy-io";

  private final String propertyValue;
  private final Supplier<Throwable> unavailabilityCause;
  private final Supplier<IoHandlerFactory> ioHandler;
  private final Class<? extends ServerChannel> serverChannel;
  private final Class<? extends Channel> socketChannel;
  private final int readsPerWakeup;

  Transport(String propertyValue, Supplier<Throwable> unavailabilityCause, Supplier<IoHandlerFactory> ioHandler,
      Class<? extends ServerChannel> serverChannel, Class<? extends Channel> socketChannel, int readsPerWakeup) {
    this.propertyValue = propertyValue;
    this.unavailabilityCause = unavailabilityCause;
    this.ioHandler = ioHandler;
    this.serverChannel = serverChannel;
    this.socketChannel = socketChannel;
    this.readsPerWakeup = readsPerWakeup;
  }

  /** How a relayed socket reads on this transport: a new one per channel. */
  ReadBatch readBatch() {
    return new ReadBatch(readsPerWakeup);
  }

  /** Why this transport cannot run here (its native library did not load, the kernel refused it), if so. */
  Optional<Throwable> unavailability() {
    return Optional.ofNullable(unavailabilityCause.get());
  }

  Class<? extends ServerChannel> serverChannel() {
    return serverChannel;
  }

  Class<? extends Channel> socketChannel() {
    return socketChannel;
  }

  /** The name {@code -Dchaos.proxy.transport} takes and the log uses. */
  String propertyValue() {
    return propertyValue;
  }

  EventLoopGroup newGroup(int threads) {
    return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(THREAD_PREFIX, true), ioHandler.get());
  }

  static Optional<Transport> named(String value) {
    for (Transport transport : values()) {
      if (transport.propertyValue.equals(value.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(transport);
      }
    }
    return Optional.empty();
  }

  /**
   * Unsent bytes a channel may buffer before it reports itself unwritable (high) and again writable (low):
   * a flow reads ahead only while its sink is writable, so this bounds each direction's memory.
   */
  static WriteBufferWaterMark writeBuffer() {
    return new WriteBufferWaterMark(64 * 1024, 256 * 1024);
  }
}
