package dev.chaosjunit.proxy.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.proxy.rule.MessageFacts;
import org.junit.jupiter.api.Test;

class CallsTest {

  private final Calls calls = new Calls();

  @Test
  void remembersOnlyTheMostRecentFaultedCallsButEveryLiveOne() {
    Call live = call(1);
    calls.add(live);
    for (int stream = 3; stream < 3 + 2 * (Calls.FAULTED_KEPT + 10); stream += 2) {
      Call faulted = call(stream);
      calls.add(faulted);
      faulted.markFaulted();
      calls.noteIfFaulted(faulted);
    }

    assertThat(calls.size()).isEqualTo(Calls.FAULTED_KEPT + 1);
    assertThat(calls.get(1)).isSameAs(live);
    assertThat(calls.contains(3)).as("the oldest faulted call is forgotten").isFalse();
  }

  private static Call call(int stream) {
    return new Call(stream, MessageFacts.of("grpc").build());
  }
}
