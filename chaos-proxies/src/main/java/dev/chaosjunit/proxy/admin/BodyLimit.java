package dev.chaosjunit.proxy.admin;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;

/**
 * Aggregates a request's body up to {@link #MAX_BODY} bytes; a larger one is answered with 413 and the
 * API's JSON error, its body discarded as it arrives, the connection kept when the client asked for it.
 */
final class BodyLimit extends HttpObjectAggregator {

  static final int MAX_BODY = 1 << 20;

  BodyLimit() {
    super(MAX_BODY);
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
    boolean keepAlive = !(oversized instanceof FullHttpMessage) && HttpUtil.isKeepAlive(oversized);
    AdminHttpHandler.write(ctx, AdminResponse.error(413, "request body over " + MAX_BODY + " bytes;"
        + " send smaller documents (e.g. POST /populate a few proxies at a time)"), keepAlive);
  }
}
