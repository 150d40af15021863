package dev.chaosjunit.proxy.testkit;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one fuzz input on a worker thread and fails if it is not done within {@link #LIMIT}: a session that
 * loops forever on some bytes fails its input, in a regression run as in fuzzing, instead of hanging the
 * build. A worker that overran is abandoned (it is a daemon) and the next input gets a new one.
 */
public final class Deadline {

  /**
   * Far above what any input takes (microseconds): the first input to use a class also waits for Jazzer to
   * instrument it, which took over 5 s on a loaded machine.
   */
  static final Duration LIMIT = Duration.ofSeconds(30);

  private static ExecutorService worker = newWorker();

  private Deadline() {}

  /** Runs {@code input}, rethrowing what it threw; fails if it is not done within {@link #LIMIT}. */
  public static void run(Runnable input) throws Exception {
    AtomicReference<Thread> thread = new AtomicReference<>();
    Future<?> done = worker.submit(() -> {
      thread.set(Thread.currentThread());
      input.run();
    });
    try {
      done.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw (Error) e.getCause();
    } catch (TimeoutException e) {
      worker = newWorker();
      AssertionError hang = new AssertionError("the input was not done after " + LIMIT.toSeconds()
          + " s: the session hangs on it; the worker's stack is this error's");
      hang.setStackTrace(thread.get() == null ? new StackTraceElement[0] : thread.get().getStackTrace());
      throw hang;
    }
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(r, "fuzz-input");
      thread.setDaemon(true);
      return thread;
    });
  }
}
