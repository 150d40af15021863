package dev.chaosjunit.samples.orders;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.AbstractBlockingStub;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One gRPC upstream with its resilience: a deadline per attempt, up to 3 attempts with exponential
 * backoff (50 ms, 100 ms) on transient status codes, and a circuit breaker that opens when half of
 * the last 20 calls (at least 10) failed and lets a probe through after 5 s. When wedged connections are
 * dropped, a call that ran out of time (every attempt) puts the channel in idle, which closes its
 * connection, and connects it again at once, instead of waiting on a connection that stopped answering.
 */
final class Upstream<S extends AbstractBlockingStub<S>> implements AutoCloseable {

  static final Duration DEADLINE = Duration.ofSeconds(1);
  private static final Set<Status.Code> TRANSIENT = Set.of(Status.Code.UNAVAILABLE,
      Status.Code.DEADLINE_EXCEEDED, Status.Code.RESOURCE_EXHAUSTED, Status.Code.ABORTED);

  private final String name;
  private final ManagedChannel channel;
  private final S stub;
  private final Retry retry;
  private final CircuitBreaker breaker;
  private final boolean dropWedged;

  Upstream(String name, ManagedChannel channel, Function<ManagedChannel, S> stubs, boolean dropWedged) {
    this.name = name;
    this.dropWedged = dropWedged;
    this.channel = channel;
    this.stub = stubs.apply(channel);
    this.retry = Retry.of(name, RetryConfig.custom().maxAttempts(3)
        .intervalFunction(IntervalFunction.ofExponentialBackoff(Duration.ofMillis(50), 2))
        .retryOnException(Upstream::isTransient).build());
    this.breaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
        .slidingWindowSize(20).minimumNumberOfCalls(10).failureRateThreshold(50)
        .waitDurationInOpenState(Duration.ofSeconds(5))
        .recordException(Upstream::isTransient).build());
  }

  /** Calls {@code rpc} under the deadline, retry and breaker; failures become a DependencyFailure. */
  <T> T call(Function<S, T> rpc) {
    try {
      return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker,
          () -> rpc.apply(stub.withDeadlineAfter(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)))).get();
    } catch (StatusRuntimeException e) {
      if (dropWedged && e.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED) {
        channel.enterIdle();
        channel.getState(true);
      }
      throw new DependencyFailure(name, "gRPC " + e.getStatus().getCode() + ": "
          + e.getStatus().getDescription(), e);
    } catch (CallNotPermittedException e) {
      throw new DependencyFailure(name, "circuit breaker open, not calling", e);
    }
  }

  CircuitBreaker.State breakerState() {
    return breaker.getState();
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow().awaitTermination(1, TimeUnit.SECONDS);
  }

  private static boolean isTransient(Throwable failure) {
    return failure instanceof StatusRuntimeException e && TRANSIENT.contains(e.getStatus().getCode());
  }
}
