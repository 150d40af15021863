package dev.chaosjunit.proxy.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;

/** Feeds one side's channel events into its {@link Connection}. */
final class RelayHandler extends ChannelInboundHandlerAdapter {

  private final Connection connection;
  private final boolean clientSide;

  RelayHandler(Connection connection, boolean clientSide) {
    this.connection = connection;
    this.clientSide = clientSide;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    if (clientSide) {
      connection.accepted();
    }
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    connection.onRead(clientSide, (ByteBuf) msg);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    connection.readComplete(clientSide);
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    connection.writabilityChanged(clientSide);
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt == ChannelInputShutdownEvent.INSTANCE) {
      connection.onEnd(clientSide);
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    connection.close();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    connection.abort((clientSide ? "client" : "upstream") + " connection failed", cause);
  }
}
