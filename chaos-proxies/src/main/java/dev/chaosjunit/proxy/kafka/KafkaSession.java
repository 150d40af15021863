package dev.chaosjunit.proxy.kafka;

import dev.chaosjunit.proxy.ProxyListenException;
import dev.chaosjunit.proxy.internal.BatchingPort;
import dev.chaosjunit.proxy.protocol.InspectorSession;
import dev.chaosjunit.proxy.protocol.RelayPort;
import io.netty.buffer.ByteBuf;
import java.util.List;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.requests.FetchRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One proxied Kafka connection: cuts both directions into frames, applies the rules to each request,
 * relays responses in request order (rewriting broker addresses), and falls back to a plain relay when
 * the traffic cannot be decoded. The frames of one chunk leave in one write per direction
 * ({@link BatchingPort}).
 */
final class KafkaSession implements InspectorSession {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaSession.class);

  private final FrameReader requests = new FrameReader();
  private final FrameReader responses = new FrameReader();
  private final ResponseOrder order = new ResponseOrder();
  private final TopicNames topicNames;
  private final RequestFaults faults;
  private final ResponseRewriter rewriter;
  private final FetchSessionTopics fetchSession;
  private final FactsMemo factsMemo = new FactsMemo();
  private BatchingPort batching;
  private boolean relayOnly;

  KafkaSession(TopicNames topicNames, BrokerAddresses addresses) {
    this.topicNames = topicNames;
    this.faults = new RequestFaults(order, topicNames);
    this.rewriter = new ResponseRewriter(addresses, topicNames);
    this.fetchSession = new FetchSessionTopics(topicNames);
  }

  @Override
  public void onClientData(ByteBuf data, RelayPort relay) {
    if (relayOnly) {
      relay.toServer(data);
      return;
    }
    BatchingPort port = begin(relay);
    try {
      requests.read(data, port.alloc(), frame -> onRequest(frame, port));
    } catch (KafkaDecodeException e) {
      relayFromNowOn(e, port);
    } finally {
      port.end();
    }
  }

  @Override
  public void onServerData(ByteBuf data, RelayPort relay) {
    if (relayOnly) {
      relay.toClient(data);
      return;
    }
    BatchingPort port = begin(relay);
    try {
      responses.read(data, port.alloc(), frame -> onResponse(frame, port));
    } catch (KafkaDecodeException e) {
      relayFromNowOn(e, port);
    } finally {
      port.end();
    }
  }

  @Override
  public void onClose() {
    requests.release();
    responses.release();
    order.release();
  }

  /** The port to use during one callback: gathers the frames sent into one write per direction. */
  private BatchingPort begin(RelayPort relay) {
    if (batching == null || !batching.wraps(relay)) {
      batching = new BatchingPort(relay);
    }
    batching.begin();
    return batching;
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

  private void relayFromNowOn(KafkaDecodeException e, RelayPort port) {
    LOG.warn("Kafka traffic not decodable, relaying bytes from now on: {}", e.getMessage());
    relayOnly = true;
    order.deliverAll(port);
    ByteBuf request = requests.drain();
    if (request != null) {
      port.toServer(request);
    }
    ByteBuf response = responses.drain();
    if (response != null) {
      port.toClient(response);
    }
    port.passThrough(e.getMessage());
  }
}
