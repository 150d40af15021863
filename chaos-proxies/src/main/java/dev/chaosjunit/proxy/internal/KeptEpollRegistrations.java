package dev.chaosjunit.proxy.internal;

import io.netty.channel.IoHandle;
import io.netty.channel.IoHandler;
import io.netty.channel.IoHandlerContext;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.IoOps;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.util.concurrent.ThreadAwareExecutor;

/**
 * Netty's epoll handler, with every channel's file descriptor kept in the epoll set until the channel is
 * deregistered.
 *
 * <p>Netty 4.2 (4.2.15 to 4.2.20, since netty/netty#16689) removes a descriptor from the epoll set ({@code
 * EPOLL_CTL_DEL}) when its channel's interest becomes empty, but goes on treating it as added: the next interest
 * (a write that needs {@code EPOLLOUT} after a half-close with reads paused) becomes an {@code EPOLL_CTL_MOD} of a
 * descriptor epoll no longer has, fails with {@code ENOENT}, and Netty shuts the channel's output: the tail of a
 * reply is lost. Here an empty interest is submitted as {@code EPOLLET} alone instead: no event asked for, so
 * epoll only reports a hang-up or an error, once (edge-triggered) rather than at every wait, and the descriptor
 * stays where the next modification expects it.
 */
final class KeptEpollRegistrations implements IoHandler {

  private final IoHandler epoll;

  private KeptEpollRegistrations(IoHandler epoll) {
    this.epoll = epoll;
  }

  /** Epoll handlers that keep their registrations (needs epoll's native library). */
  static IoHandlerFactory newFactory() {
    IoHandlerFactory epoll = EpollIoHandler.newFactory();
    return new IoHandlerFactory() {
      @Override
      public IoHandler newHandler(ThreadAwareExecutor executor) {
        return new KeptEpollRegistrations(epoll.newHandler(executor));
      }

      @Override
      public boolean isChangingThreadSupported() {
        return epoll.isChangingThreadSupported();
      }
    };
  }

  @Override
  public IoRegistration register(IoHandle handle) throws Exception {
    return new Kept(epoll.register(handle));
  }

  @Override
  public void initialize() {
    epoll.initialize();
  }

  @Override
  public int run(IoHandlerContext context) {
    return epoll.run(context);
  }

  @Override
  public void prepareToDestroy() {
    epoll.prepareToDestroy();
  }

  @Override
  public void destroy() {
    epoll.destroy();
  }

  @Override
  public void wakeup() {
    epoll.wakeup();
  }

  @Override
  public boolean isCompatible(Class<? extends IoHandle> handleType) {
    return epoll.isCompatible(handleType);
  }

  /** A registration whose interest is never submitted empty. */
  private record Kept(IoRegistration registration) implements IoRegistration {

    @Override
    public long submit(IoOps ops) {
      return registration.submit(((EpollIoOps) ops).value() == 0 ? EpollIoOps.EPOLLET : ops);
    }

    @Override
    public <T> T attachment() {
      return registration.attachment();
    }

    @Override
    public boolean isValid() {
      return registration.isValid();
    }

    @Override
    public boolean cancel() {
      return registration.cancel();
    }
  }
}
