package dev.chaosjunit.proxy.kafka;

import dev.chaosjunit.proxy.ProxyListenException;
import dev.chaosjunit.proxy.protocol.FramedSession;
import dev.chaosjunit.proxy.protocol.RelayPort;
import io.netty.buffer.ByteBuf;
import java.util.List;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.requests.FetchRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One proxied Kafka connection: cuts both directions into frames ({@link KafkaWire#nextFrame}), applies
 * the rules to each request, relays responses in request order (rewriting broker addresses), and falls
 * back to a plain relay when the traffic cannot be decoded.
 */
final class KafkaSession extends FramedSession {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaSession.class);

  private final ResponseOrder order = new ResponseOrder();
  private final TopicNames topicNames;
  private final RequestFaults faults;
  private final ResponseRewriter rewriter;
  private final FetchSessionTopics fetchSession;
  private final FactsMemo factsMemo = new FactsMemo();

  KafkaSession(TopicNames topicNames, BrokerAddresses addresses) {
    this.topicNames = topicNames;
    this.faults = new RequestFaults(order, topicNames);
    this.rewriter = new ResponseRewriter(addresses, topicNames);
    this.fetchSession = new FetchSessionTopics(topicNames);
  }

  @Override
  protected boolean clientFrame(RelayPort port) {
    ByteBuf frame = KafkaWire.nextFrame(client());
    if (frame != null) {
      onRequest(frame, port);
    }
    return frame != null;
  }

  @Override
  protected boolean serverFrame(RelayPort port) {
    ByteBuf frame = KafkaWire.nextFrame(server());
    if (frame != null) {
      onResponse(frame, port);
    }
    return frame != null;
  }

  /** Responses held for their turn go first, then the partial frames held. */
  @Override
  protected void handOver(ByteBuf toServer, ByteBuf toClient, RelayPort port) {
    order.deliverAll(port);
    super.handOver(toServer, toClient, port);
  }

  @Override
  protected void onStop() {
    order.release();
  }

  private void onRequest(ByteBuf frame, RelayPort port) {
    KafkaRequest request;
    try {
      request = KafkaRequest.decode(frame);
    } catch (KafkaDecodeException e) {
      port.toServer(frame);
      throw e;
    }
    List<String> sessionTopics = request.kind.api() == ApiKeys.FETCH
        ? fetchSession.update(((FetchRequest) request.body()).data())
        : List.of();
    faults.handle(request, frame, RequestFacts.of(request, topicNames, sessionTopics, factsMemo),
        port);
  }

  private void onResponse(ByteBuf frame, RelayPort port) {
    InFlight entry;
    try {
      entry = order.answeredBy(KafkaWire.responseCorrelationId(frame));
    } catch (KafkaDecodeException e) {
      port.toClient(frame);
      throw e;
    }
    if (entry.kind.inspectResponse()) {
      try {
        frame = rewriter.rewrite(frame, entry.kind, port.alloc());
      } catch (KafkaDecodeException e) {
        entry.complete(frame);
        throw e;
      } catch (ProxyListenException | IllegalArgumentException e) {
        LOG.error("no proxy route for a broker of this {} response, closing the connection (the client would"
            + " otherwise leave the proxy): {}", entry.kind.api(), e.getMessage());
        frame.release();
        port.close();
        return;
      }
    }
    entry.complete(frame);
    order.flush(port);
  }
}
