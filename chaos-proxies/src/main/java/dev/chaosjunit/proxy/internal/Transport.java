package dev.chaosjunit.proxy.internal;

import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
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

/**
 * The Netty transports the relay can run on; {@link TransportChoice} picks one per JVM.
 *
 * <p>{@link #EPOLL} is never chosen automatically: Netty 4.2's epoll registration (4.2.15 to 4.2.20,
 * {@code EpollIoHandler.DefaultEpollIoRegistration.submit}) removes a socket from the epoll set once its
 * interest becomes empty (input shut down by a client's half-close, nothing pending to write) but keeps it
 * marked as added, so the next write that needs {@code EPOLLOUT} fails with {@code epoll_ctl(..) failed: No
 * such file or directory} and the tail of a reply is lost (reproduced by {@code BulkRelayTest}).
 */
enum Transport {

  IO_URING("io_uring") {
    @Override
    Optional<Throwable> unavailability() {
      return Optional.ofNullable(IoUring.unavailabilityCause());
    }

    @Override
    IoHandlerFactory ioHandler() {
      return IoUringIoHandler.newFactory();
    }

    @Override
    Class<? extends ServerChannel> serverChannel() {
      return IoUringServerSocketChannel.class;
    }

    @Override
    Class<? extends Channel> socketChannel() {
      return IoUringSocketChannel.class;
    }
  },

  EPOLL("epoll") {
    @Override
    Optional<Throwable> unavailability() {
      return Optional.ofNullable(Epoll.unavailabilityCause());
    }

    @Override
    IoHandlerFactory ioHandler() {
      return EpollIoHandler.newFactory();
    }

    @Override
    Class<? extends ServerChannel> serverChannel() {
      return EpollServerSocketChannel.class;
    }

    @Override
    Class<? extends Channel> socketChannel() {
      return EpollSocketChannel.class;
    }
  },

  NIO("nio") {
    @Override
    Optional<Throwable> unavailability() {
      return Optional.empty();
    }

    @Override
    IoHandlerFactory ioHandler() {
      return NioIoHandler.newFactory();
    }

    @Override
    Class<? extends ServerChannel> serverChannel() {
      return NioServerSocketChannel.class;
    }

    @Override
    Class<? extends Channel> socketChannel() {
      return NioSocketChannel.class;
    }
  };

  static final String THREAD_PREFIX = "chaos-proxy-io";

  private final String propertyValue;

  Transport(String propertyValue) {
    this.propertyValue = propertyValue;
  }

  /** Why this transport cannot run here (its native library did not load, the kernel refused it), if so. */
  abstract Optional<Throwable> unavailability();

  abstract IoHandlerFactory ioHandler();

  abstract Class<? extends ServerChannel> serverChannel();

  abstract Class<? extends Channel> socketChannel();

  /** The name {@code -Dchaos.proxy.transport} takes and the log uses. */
  String propertyValue() {
    return propertyValue;
  }

  EventLoopGroup newGroup(int threads) {
    return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(THREAD_PREFIX, true), ioHandler());
  }

  static Optional<Transport> named(String value) {
    for (Transport transport : values()) {
      if (transport.propertyValue.equals(value.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(transport);
      }
    }
    return Optional.empty();
  }

  /** Reads of up to 256 KiB, so bulk streams take fewer trips through the relay. */
  static RecvByteBufAllocator readSizes() {
    return new AdaptiveRecvByteBufAllocator(512, 16 * 1024, 256 * 1024);
  }

  /**
   * Unsent bytes a channel may buffer before it reports itself unwritable (high) and again writable (low):
   * a flow reads ahead only while its sink is writable, so this bounds each direction's memory.
   */
  static WriteBufferWaterMark writeBuffer() {
    return new WriteBufferWaterMark(64 * 1024, 256 * 1024);
  }
}
