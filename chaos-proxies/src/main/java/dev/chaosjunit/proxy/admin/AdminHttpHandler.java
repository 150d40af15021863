package dev.chaosjunit.proxy.admin;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one HTTP request, answers it through the router on the admin executor (so admin operations are
 * serialized and never block an event loop), and writes the answer back.
 */
final class AdminHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

  private static final Logger LOG = LoggerFactory.getLogger(AdminHttpHandler.class);

  private final AdminRouter router;
  private final ExecutorService executor;

  AdminHttpHandler(AdminRouter router, ExecutorService executor) {
    this.router = router;
    this.executor = executor;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    if (request.decoderResult().isFailure()) {
      write(ctx, AdminResponse.error(400, "malformed HTTP request: " + request.decoderResult().cause()), false);
      return;
    }
    String agent = request.headers().get(HttpHeaderNames.USER_AGENT, "");
    if (agent.startsWith("Mozilla/")) {
      // Toxiproxy refuses browsers so that a web page cannot drive the API (cross-site requests).
      write(ctx, AdminResponse.error(403, "User agent not allowed"), keepAlive);
      return;
    }
    AdminRequest admin = new AdminRequest(request.method().name(), segments(request.uri()),
        ByteBufUtil.getBytes(request.content()));
    submit(ctx, admin, keepAlive);
  }

  private void submit(ChannelHandlerContext ctx, AdminRequest admin, boolean keepAlive) {
    try {
      executor.execute(() -> write(ctx, router.handle(admin), keepAlive));
    } catch (RejectedExecutionException e) {
      LOG.debug("admin server is shutting down; refusing {}", admin.segments(), e);
      write(ctx, AdminResponse.error(503, "the admin server is shutting down"), false);
    }
  }

  private static List<String> segments(String uri) {
    String path = new QueryStringDecoder(uri).path();
    return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty())
        .map(s -> QueryStringDecoder.decodeComponent(s)).toList();
  }

  static void write(ChannelHandlerContext ctx, AdminResponse answer, boolean keepAlive) {
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        HttpResponseStatus.valueOf(answer.status()), Unpooled.wrappedBuffer(answer.body()));
    if (answer.contentType() != null) {
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, answer.contentType());
    }
    HttpUtil.setContentLength(response, answer.body().length);
    if (!keepAlive) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    }
    var future = ctx.writeAndFlush(response);
    if (!keepAlive) {
      future.addListener(ChannelFutureListener.CLOSE);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("admin connection {} failed; closing it", ctx.channel().remoteAddress(), cause);
    ctx.close();
  }
}
