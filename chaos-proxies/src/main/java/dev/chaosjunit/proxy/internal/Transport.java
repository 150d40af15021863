package dev.chaosjunit.proxy.internal;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/** Native epoll where available, NIO otherwise. */
final class Transport {

  static final String THREAD_PREFIX = "chaos-proxy-io";

  private Transport() {}

  static boolean nativeEpoll() {
    return Epoll.isAvailable();
  }

  static EventLoopGroup newGroup(int threads) {
    IoHandlerFactory io = nativeEpoll() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(THREAD_PREFIX, true), io);
  }

  static Class<? extends ServerChannel> serverChannel() {
    return nativeEpoll() ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
  }

  static Class<? extends Channel> socketChannel() {
    return nativeEpoll() ? EpollSocketChannel.class : NioSocketChannel.class;
  }
}
