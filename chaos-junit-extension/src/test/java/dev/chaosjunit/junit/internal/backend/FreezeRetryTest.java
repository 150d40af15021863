package dev.chaosjunit.junit.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.exception.InternalServerErrorException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The retry of a pause the runtime could not freeze. No real Docker engine fails a freeze on demand (it happened
 * twice in 10,013 cells under heavy load), so the pause here is a stand-in that answers as Docker did then.
 */
class FreezeRetryTest {

  private static final String UNABLE = "Status 500: {\"message\":\"Cannot pause container df50: OCI runtime pause failed: "
      + "unable to freeze: unknown\"}";

  @Test
  void aPauseTheRuntimeCouldNotFreezeIsTriedAgain() throws InterruptedException {
    AtomicInteger calls = new AtomicInteger();
    String detail = ServiceContainer.retryFreeze(() -> {
      if (calls.incrementAndGet() < 3) {
        throw new InternalServerErrorException(UNABLE);
      }
    }, 5, Duration.ofMillis(1));
    assertThat(calls).hasValue(3);
    assertThat(detail).isEqualTo("paused at attempt 3: the runtime could not freeze it before");
  }

  @Test
  void aPauseThatWorksAtOnceSaysNothing() throws InterruptedException {
    assertThat(ServiceContainer.retryFreeze(() -> { }, 5, Duration.ofMillis(1))).isEmpty();
  }

  @Test
  void theLastAttemptsErrorAndAnyOtherErrorAreThrown() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(() -> ServiceContainer.retryFreeze(() -> {
      calls.incrementAndGet();
      throw new InternalServerErrorException(UNABLE);
    }, 5, Duration.ofMillis(1))).hasMessageContaining("unable to freeze");
    assertThat(calls).hasValue(5);

    calls.set(0);
    assertThatThrownBy(() -> ServiceContainer.retryFreeze(() -> {
      calls.incrementAndGet();
      throw new InternalServerErrorException("Status 500: no such container");
    }, 5, Duration.ofMillis(1))).hasMessageContaining("no such container");
    assertThat(calls).hasValue(1);
  }
}
