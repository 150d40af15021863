package dev.chaosjunit.proxy.kafka;

import dev.chaosjunit.proxy.protocol.RelayPort;
import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.proxy.rule.MessageFacts;
import dev.chaosjunit.proxy.rule.RuleMatch;
import dev.chaosjunit.fault.Rule;
import io.netty.buffer.ByteBuf;
import dev.chaosjunit.proxy.rule.Glob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Carries out the rules that fire for one request: on its way to the broker ({@link Direction#REQUEST})
 * or on the way of its response back ({@link Direction#RESPONSE}: the broker did the work, the client
 * hears something else).
 */
final class RequestFaults {

  private final ResponseOrder order;
  private final TopicNames topicNames;
  private final PartitionHolds holds = new PartitionHolds();

  RequestFaults(ResponseOrder order, TopicNames topicNames) {
    this.order = order;
    this.topicNames = topicNames;
  }

  /** Forwards, answers or drops {@code frame} (taking ownership) as the rules say. */
  void handle(KafkaRequest request, ByteBuf frame, MessageFacts facts, RelayPort port) {
    Map<PartitionHolds.Key, Action.Error> held = holds.heldIn(request.produceTopics());
    Optional<RuleMatch> onRequest = port.match(Direction.UPSTREAM, facts);
    if (onRequest.isPresent()) {
      applyToRequest(onRequest.get().rule(), request, frame, facts, held, port);
      return;
    }
    if (!held.isEmpty()) {
      failPartitions(request, frame, held, port);
      return;
    }
    Optional<RuleMatch> onResponse = port.match(Direction.DOWNSTREAM, facts);
    if (onResponse.isPresent()) {
      applyToResponse(onResponse.get().action(), request, frame, port);
      return;
    }
    forward(request, frame, Duration.ZERO, port);
  }

  /**
   * A rule that fires on the request; partitions {@code held} by an earlier retriable error fail too when
   * the rule is an ERROR, and are otherwise left to the rule (a DELAY or DROP acts on the whole request).
   */
  private void applyToRequest(Rule rule, KafkaRequest request, ByteBuf frame, MessageFacts facts,
      Map<PartitionHolds.Key, Action.Error> held, RelayPort port) {
    Action action = rule.action();
    if (action instanceof Action.Error error && request.produceTopics() != null) {
      Map<PartitionHolds.Key, Action.Error> failing = new LinkedHashMap<>(held);
      matchedPartitions(rule, request.produceTopics()).forEach(key -> failing.putIfAbsent(key, error));
      if (failing.isEmpty()) {
        answerWithError(error, request, frame, port);
      } else {
        failPartitions(request, frame, failing, port);
      }
    } else if (action instanceof Action.Error) {
      errorOnFetchedTopics(rule, request, frame, facts.get("topic"), port);
    } else if (action instanceof Action.Delay delay) {
      forward(request, frame, delay.delay(), port);
    } else if (action instanceof Action.Drop drop) {
      drop(drop, request, frame, port);
    } else if (action instanceof Action.Duplicate) {
      duplicate(request, frame, port);
    } else {
      forward(request, frame, Duration.ZERO, port);
    }
  }

  private void applyToResponse(Action action, KafkaRequest request, ByteBuf frame, RelayPort port) {
    if (!request.expectsResponse()) {
      port.toServer(frame);
      return;
    }
    InFlight entry = answerable(() -> responseFate(action, request, port), request, frame, port);
    order.add(entry);
    port.toServer(frame);
  }

  private InFlight responseFate(Action action, KafkaRequest request, RelayPort port) {
    int id = request.correlationId();
    if (action instanceof Action.Error error) {
      return ErrorResponses.frame(request.header, request.body(), error, port.alloc())
          .map(frame -> InFlight.replaced(id, request.kind, frame))
          .orElseGet(() -> InFlight.relayed(id, request.kind, Duration.ZERO));
    }
    if (action instanceof Action.Delay delay) {
      return InFlight.relayed(id, request.kind, delay.delay());
    }
    return action instanceof Action.Drop ? InFlight.withheld(id, request.kind, true)
        : InFlight.relayed(id, request.kind, Duration.ZERO);
  }

  private void forward(KafkaRequest request, ByteBuf frame, Duration delay, RelayPort port) {
    boolean expects = request.expectsResponse();
    if (delay.isZero()) {
      port.toServer(frame);
    } else {
      port.toServer(frame, delay);
    }
    if (expects) {
      order.add(InFlight.relayed(request.correlationId(), request.kind, Duration.ZERO));
    }
  }

  /** The partitions of the topics {@code rule} matches (all of them when it names no topic). */
  private List<PartitionHolds.Key> matchedPartitions(Rule rule, ProduceTopics produce) {
    String pattern = rule.match().get("topic");
    Glob glob = pattern == null ? null : KafkaGlobs.compile("topic", pattern);
    List<PartitionHolds.Key> keys = new ArrayList<>();
    for (ProduceTopics.Topic topic : produce.topics) {
      if (glob == null || glob.matches(topicNames.name(topic.name(), topic.id()))) {
        topic.partitions().forEach(p -> keys.add(PartitionHolds.Key.of(topic.name(), topic.id(), p.index())));
      }
    }
    return keys;
  }

  /**
   * Fails the {@code failing} partitions of a produce with their errors, holds those an idempotent
   * producer will retry, and forwards the rest (if any) unchanged.
   */
  private void failPartitions(KafkaRequest request, ByteBuf frame, Map<PartitionHolds.Key, Action.Error> failing,
      RelayPort port) {
    boolean expects = request.expectsResponse();
    ProduceSplit split = answerable(() -> ProduceSplit.of(request, failing, port.alloc()), request, frame, port);
    frame.release();
    holds.hold(request.produceTopics(), failing);
    if (split.forward == null) {
      split.answer(request, port.alloc()).ifPresent(error ->
          order.add(InFlight.answered(request.correlationId(), request.kind, error, Duration.ZERO)));
      order.flush(port);
      return;
    }
    port.toServer(split.forward);
    if (expects) {
      order.add(InFlight.transformed(request.correlationId(), request.kind, split.mergeErrors));
    }
  }

  /**
   * A fetch whose session has other topics too: the broker gets it unchanged, its response gets the
   * error; {@code topics} are the session's.
   */
  private void errorOnFetchedTopics(Rule rule, KafkaRequest request, ByteBuf frame, List<String> topics,
      RelayPort port) {
    Optional<UnaryOperator<ByteBuf>> errors =
        answerable(() -> FetchErrors.of(request, rule, topicNames, topics, port.alloc()), request, frame, port);
    if (errors.isEmpty()) {
      answerWithError((Action.Error) rule.action(), request, frame, port);
      return;
    }
    port.toServer(frame);
    order.add(InFlight.transformed(request.correlationId(), request.kind, errors.get()));
  }

  private void answerWithError(Action.Error action, KafkaRequest request, ByteBuf frame, RelayPort port) {
    Optional<ByteBuf> answer = answerable(() -> ErrorResponses.frame(request.header, request.body(), action,
        port.alloc()), request, frame, port);
    frame.release();
    answer.ifPresent(error -> order.add(InFlight.answered(request.correlationId(), request.kind, error, Duration.ZERO)));
    order.flush(port);
  }

  /**
   * The error answer kafka-clients builds for {@code request}. A request it cannot answer (a produce whose
   * records are null makes it throw) is not decodable by the proxy: it goes to the server as it came, and
   * the session gives up decoding.
   */
  private static <T> T answerable(Supplier<T> answer, KafkaRequest request, ByteBuf frame, RelayPort port) {
    try {
      return answer.get();
    } catch (RuntimeException e) {
      port.toServer(frame);
      throw new KafkaDecodeException("cannot answer a " + request.kind.api() + " v" + request.kind.version()
          + " request with an error: " + e, e);
    }
  }

  private void drop(Action.Drop drop, KafkaRequest request, ByteBuf frame, RelayPort port) {
    boolean expects = request.expectsResponse();
    frame.release();
    DropMode mode = drop.modeOr(KafkaRules.DEFAULT_DROP);
    if (mode != DropMode.TIMEOUT) {
      port.drop(mode);
    } else if (expects) {
      order.add(InFlight.withheld(request.correlationId(), request.kind, false));
    }
  }

  private void duplicate(KafkaRequest request, ByteBuf frame, RelayPort port) {
    boolean expects = request.expectsResponse();
    port.toServer(frame.retainedDuplicate());
    port.toServer(frame);
    if (expects) {
      order.add(InFlight.relayed(request.correlationId(), request.kind, Duration.ZERO));
      order.add(InFlight.duplicate(request.correlationId(), request.kind));
    }
  }
}
