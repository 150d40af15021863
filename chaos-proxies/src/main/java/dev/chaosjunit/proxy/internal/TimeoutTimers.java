package dev.chaosjunit.proxy.internal;

import dev.chaosjunit.fault.ToxicType;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@code timeout} toxics armed on one flow: each closes the connection {@code timeout} ms after it
 * was armed or after the last chunk it dropped (0 = never); removing one closes the connection, as
 * Toxiproxy's cleanup does.
 */
final class TimeoutTimers {

  private final Flow flow;
  private final Map<String, Armed> armed = new HashMap<>();

  TimeoutTimers(Flow flow) {
    this.flow = flow;
  }

  /** Arms new and changed timeout toxics; closes the connection when one was removed. */
  void sync() {
    boolean removed = false;
    for (Iterator<Armed> it = armed.values().iterator(); it.hasNext(); ) {
      Armed a = it.next();
      if (flow.connection().toxics().current(flow.stream, a.toxic().name()) != a.toxic()) {
        a.cancel();
        it.remove();
        removed |= flow.connection().toxics().current(flow.stream, a.toxic().name()) == null;
      }
    }
    if (removed) {
      flow.connection().close();
      return;
    }
    for (ActiveToxic t : flow.connection().toxics().snapshot()) {
      if (t.spec.stream() == flow.stream && t.type() == ToxicType.TIMEOUT && !armed.containsKey(t.name())
          && flow.faults().applies(t)) {
        flow.faults().fired(t);
        rearm(t);
      }
    }
  }

  /** (Re)starts a toxic's countdown. */
  void rearm(ActiveToxic toxic) {
    Armed old = armed.remove(toxic.name());
    if (old != null) {
      old.cancel();
    }
    long ms = toxic.attr("timeout");
    ScheduledFuture<?> timer = ms == 0 ? null
        : flow.schedule(TimeUnit.MILLISECONDS.toNanos(ms), () -> flow.connection().close());
    armed.put(toxic.name(), new Armed(toxic, timer));
  }

  void cancelAll() {
    armed.values().forEach(Armed::cancel);
    armed.clear();
  }

  private record Armed(ActiveToxic toxic, ScheduledFuture<?> timer) {
    void cancel() {
      if (timer != null) {
        timer.cancel(false);
      }
    }
  }
}
