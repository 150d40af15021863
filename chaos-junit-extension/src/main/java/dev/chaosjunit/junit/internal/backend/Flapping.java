package dev.chaosjunit.junit.internal.backend;

import dev.chaosjunit.fault.NetworkPrimitive;
import dev.chaosjunit.proxy.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** One flapping link: its proxy's link goes down and up on its schedule until stopped; remembers each phase. */
final class Flapping {

  private final Proxy proxy;
  private final NetworkPrimitive primitive;
  private final FlapSchedule schedule;
  private final ScheduledExecutorService timer;
  private final List<String> phases = new ArrayList<>();
  private final long start = System.nanoTime();
  private boolean down;
  private boolean stopped;
  private ScheduledFuture<?> next;

  Flapping(Proxy proxy, NetworkPrimitive primitive, FlapSchedule schedule, ScheduledExecutorService timer) {
    this.proxy = proxy;
    this.primitive = primitive;
    this.schedule = schedule;
    this.timer = timer;
  }

  /** Takes the link down and schedules the next phase. */
  synchronized void start() {
    toggle();
  }

  /** Ends the schedule with the link up; {@code down 0-734 ms, up 734-1502 ms, down 1502- ms}. */
  synchronized String stop() {
    stopped = true;
    if (next != null) {
      next.cancel(false);
    }
    if (down) {
      NetworkLinks.up(proxy, primitive);
    }
    return String.join(", ", phases) + millisSinceStart() + " ms";
  }

  private synchronized void toggle() {
    if (stopped) {
      return;
    }
    if (!phases.isEmpty()) {
      phases.set(phases.size() - 1, phases.get(phases.size() - 1) + millisSinceStart() + " ms");
    }
    if (down) {
      NetworkLinks.up(proxy, primitive);
    } else {
      NetworkLinks.down(proxy, primitive);
    }
    down = !down;
    phases.add((down ? "down " : "up ") + millisSinceStart() + "-");
    Duration phase = schedule.next();
    next = timer.schedule(this::toggle, phase.toMillis(), TimeUnit.MILLISECONDS);
  }

  private long millisSinceStart() {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }
}
