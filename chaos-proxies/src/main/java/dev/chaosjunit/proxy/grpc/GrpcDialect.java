package dev.chaosjunit.proxy.grpc;

import dev.chaosjunit.fault.Action;
import dev.chaosjunit.proxy.protocol.RelayPort;
import dev.chaosjunit.proxy.rule.MessageFacts;
import io.netty.handler.codec.http2.Http2Headers;
import java.util.function.IntSupplier;

/** gRPC calls: facts from {@link CallFacts}, errors as trailers-only responses, DELAY holds request messages. */
enum GrpcDialect implements StreamDialect {
  INSTANCE;

  @Override
  public MessageFacts facts(Http2Headers request) {
    return CallFacts.of(request);
  }

  @Override
  public MessageFacts facts(Http11Head request) {
    return CallFacts.ofUpgrade(request);
  }

  @Override
  public void answer(Call call, Action action, RelayPort port) {
    GrpcFaults.error(call, (Action.Error) action, false, port);
  }

  @Override
  public boolean delaysResponses() {
    return false;
  }

  @Override
  public ServerHalf serverHalf(Calls calls, IntSupplier lastForwardedStream) {
    return new ServerFrames(calls, lastForwardedStream);
  }
}
