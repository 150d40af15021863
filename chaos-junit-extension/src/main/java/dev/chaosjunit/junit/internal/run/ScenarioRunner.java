package dev.chaosjunit.junit.internal.run;

import dev.chaosjunit.junit.ChaosTopology;
import dev.chaosjunit.junit.Outcome;
import dev.chaosjunit.junit.internal.plan.ScenarioDef;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs scenarios on daemon threads under a timeout, so that a hung scenario is abandoned (and
 * interrupted) instead of hanging the build. One per test class, closed with it.
 */
// JUnit closes a Store value that is AutoCloseable from 5.13 on, and one that is a CloseableResource
// (deprecated since 5.13, closed only when AutoCloseable is not) on 5.12 too: both, so one close on each.
@SuppressWarnings("deprecation")
final class ScenarioRunner implements AutoCloseable, ExtensionContext.Store.CloseableResource {

  private final ExecutorService threads = Executors.newCachedThreadPool(new Daemons());

  /** Runs {@code scenario} on {@code instance} and captures how it ended (its HTTP status not read yet). */
  public Outcome run(ScenarioDef scenario, Object instance, ChaosTopology topology, Duration timeout)
      throws InterruptedException {
    return call(scenario.method(), instance, topology, timeout);
  }

  /** Calls a method of the test class taking nothing or a {@link ChaosTopology}, under a timeout. */
  public Outcome call(Method method, Object instance, ChaosTopology topology, Duration timeout)
      throws InterruptedException {
    Object target = Modifier.isStatic(method.getModifiers()) ? null : instance;
    Object[] args = method.getParameterCount() == 0 ? new Object[0] : new Object[] {topology};
    long start = System.nanoTime();
    Future<Object> future = threads.submit(() -> method.invoke(target, args));
    try {
      Object value = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      return new Outcome(Outcome.Kind.RETURNED, value, null, since(start), OptionalInt.empty());
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() instanceof InvocationTargetException ite ? ite.getCause() : e.getCause();
      return new Outcome(Outcome.Kind.THREW, null, cause, since(start), OptionalInt.empty());
    } catch (TimeoutException e) {
      future.cancel(true);
      return new Outcome(Outcome.Kind.TIMED_OUT, null, null, timeout, OptionalInt.empty());
    }
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }

  private static final class Daemons implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "chaos-scenario-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
