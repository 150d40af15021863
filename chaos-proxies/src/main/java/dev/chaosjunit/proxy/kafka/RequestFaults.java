package dev.chaosjunit.proxy.kafka;

import dev.chaosjunit.proxy.protocol.RelayPort;
import dev.chaosjunit.proxy.rule.ActionSpec;
import dev.chaosjunit.proxy.rule.Direction;
import dev.chaosjunit.proxy.rule.MessageFacts;
import dev.chaosjunit.proxy.rule.RuleMatch;
import dev.chaosjunit.proxy.rule.RuleSpec;
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
    Optional<RuleMatch> onRequest = port.match(Direction.REQUEST, facts);
    if (onRequest.isPresent()) {
      applyToRequest(onRequest.get().rule(), request, frame, facts, port);
      return;
    }
    Optional<RuleMatch> onResponse = port.match(Direction.RESPONSE, facts);
    if (onResponse.isPresent()) {
      applyToResponse(onResponse.get().action(), request, frame, port);
      return;
    }
    forward(request, frame, Duration.ZERO, port);
  }

  private void applyToRequest(RuleSpec rule, KafkaRequest request, ByteBuf frame, MessageFacts facts, RelayPort port) {
    ActionSpec action = rule.action();
    switch (action.type()) {
      case ERROR -> errorOnMatchedTopics(rule, request, frame, facts, port);
      case DELAY -> forward(request, frame, action.delay(), port);
      case DROP -> drop(action, request, frame, port);
      case DUPLICATE -> duplicate(request, frame, port);
      default -> forward(request, frame, Duration.ZERO, port);
    }
  }

  private void applyToResponse(ActionSpec action, KafkaRequest request, ByteBuf frame, RelayPort port) {
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

  private InFlight responseFate(ActionSpec action, KafkaRequest request, RelayPort port) {
    int id = request.correlationId();
    return switch (action.type()) {
      case ERROR -> ErrorResponses.frame(request.header, request.body(), action, port.alloc())
          .map(error -> InFlight.replaced(id, request.kind, error))
          .orElseGet(() -> InFlight.relayed(id, request.kind, Duration.ZERO));
      case DELAY -> InFlight.relayed(id, request.kind, action.delay());
      case DROP -> InFlight.withheld(id, request.kind, true);
      default -> InFlight.relayed(id, request.kind, Duration.ZERO);
    };
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

  private void errorOnMatchedTopics(RuleSpec rule, KafkaRequest request, ByteBuf frame, MessageFacts facts,
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
  private void errorOnFetchedTopics(RuleSpec rule, KafkaRequest request, ByteBuf frame, List<String> topics,
      RelayPort port) {
    Optional<UnaryOperator<ByteBuf>> errors;
    try {
      errors = FetchErrors.of(request, rule, topicNames, topics, port.alloc());
    } catch (RuntimeException e) {
      frame.release();
      throw e;
    }
    if (errors.isEmpty()) {
      answerWithError(rule.action(), request, frame, port);
      return;
    }
    port.toServer(frame);
    order.add(InFlight.transformed(request.correlationId(), request.kind, errors.get()));
  }

  private void answerWithError(ActionSpec action, KafkaRequest request, ByteBuf frame, RelayPort port) {
    try {
      ErrorResponses.frame(request.header, request.body(), action, port.alloc()).ifPresent(error ->
          order.add(InFlight.answered(request.correlationId(), request.kind, error, action.delay())));
    } finally {
      frame.release();
    }
    order.flush(port);
  }

  private void drop(ActionSpec action, KafkaRequest request, ByteBuf frame, RelayPort port) {
    boolean expects = request.expectsResponse();
    frame.release();
    switch (DropMode.of(action)) {
      case CLOSE -> port.close();
      case RESET -> port.reset();
      case BLACKHOLE -> port.blackhole();
      case TIMEOUT -> {
        if (expects) {
          order.add(InFlight.withheld(request.correlationId(), request.kind, false));
        }
      }
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
