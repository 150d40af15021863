package dev.chaosjunit.proxy.kafka;

import dev.chaosjunit.proxy.protocol.RelayPort;
import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.proxy.rule.MessageFacts;
import dev.chaosjunit.proxy.rule.RuleMatch;
import dev.chaosjunit.fault.Rule;
import io.netty.buffer.ByteBuf;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Carries out the rules that fire for one request: on its way to the broker ({@link Direction#REQUEST})
 * or on the way of its response back ({@link Direction#RESPONSE}: the broker did the work, the client
 * hears something else).
 */
final class RequestFaults {

  private final ResponseOrder order;
  private final TopicNames topicNames;

  RequestFaults(ResponseOrder order, TopicNames topicNames) {
    this.order = order;
    this.topicNames = topicNames;
  }

  /** Forwards, answers or drops {@code frame} (taking ownership) as the rules say. */
  void handle(KafkaRequest request, ByteBuf frame, MessageFacts facts, RelayPort port) {
    Optional<RuleMatch> onRequest = port.match(Direction.UPSTREAM, facts);
    if (onRequest.isPresent()) {
      applyToRequest(onRequest.get().rule(), request, frame, facts, port);
      return;
    }
    Optional<RuleMatch> onResponse = port.match(Direction.DOWNSTREAM, facts);
    if (onResponse.isPresent()) {
      applyToResponse(onResponse.get().action(), request, frame, port);
      return;
    }
    forward(request, frame, Duration.ZERO, port);
  }

  private void applyToRequest(Rule rule, KafkaRequest request, ByteBuf frame, MessageFacts facts, RelayPort port) {
    Action action = rule.action();
    if (action instanceof Action.Error) {
      errorOnMatchedTopics(rule, request, frame, facts, port);
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
    InFlight entry;
    try {
      entry = responseFate(action, request, port);
    } catch (RuntimeException e) {
      frame.release();
      throw e;
    }
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

  private void errorOnMatchedTopics(Rule rule, KafkaRequest request, ByteBuf frame, MessageFacts facts,
      RelayPort port) {
    Optional<ProduceSplit> split;
    try {
      split = ProduceSplit.of(request, rule, topicNames, port.alloc());
    } catch (RuntimeException e) {
      frame.release();
      throw e;
    }
    if (split.isEmpty()) {
      errorOnFetchedTopics(rule, request, frame, facts.get("topic"), port);
      return;
    }
    boolean expects = request.expectsResponse();
    frame.release();
    port.toServer(split.get().forward);
    if (expects) {
      order.add(InFlight.transformed(request.correlationId(), request.kind, split.get().mergeErrors));
    }
  }

  /**
   * A fetch whose session has other topics too: the broker gets it unchanged, its response gets the
   * error; {@code topics} are the session's.
   */
  private void errorOnFetchedTopics(Rule rule, KafkaRequest request, ByteBuf frame, List<String> topics,
      RelayPort port) {
    Optional<UnaryOperator<ByteBuf>> errors;
    try {
      errors = FetchErrors.of(request, rule, topicNames, topics, port.alloc());
    } catch (RuntimeException e) {
      frame.release();
      throw e;
    }
    if (errors.isEmpty()) {
      answerWithError((Action.Error) rule.action(), request, frame, port);
      return;
    }
    port.toServer(frame);
    order.add(InFlight.transformed(request.correlationId(), request.kind, errors.get()));
  }

  private void answerWithError(Action.Error action, KafkaRequest request, ByteBuf frame, RelayPort port) {
    try {
      ErrorResponses.frame(request.header, request.body(), action, port.alloc()).ifPresent(error ->
          order.add(InFlight.answered(request.correlationId(), request.kind, error, Duration.ZERO)));
    } finally {
      frame.release();
    }
    order.flush(port);
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
