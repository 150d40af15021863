package dev.chaosjunit.proxy.grpc;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The calls of one connection by stream id. A call the proxy ended may never hear from the server
 * again (the server honours the RST_STREAM silently), so only the most recent {@link #FAULTED_KEPT} of
 * those are remembered, to drop their late frames; older ones are forgotten.
 */
final class Calls {

  static final int FAULTED_KEPT = 1024;

  private final Map<Integer, Call> byStream = new HashMap<>();
  private final ArrayDeque<Integer> faulted = new ArrayDeque<>();

  Call get(int streamId) {
    return byStream.get(streamId);
  }

  boolean contains(int streamId) {
    return byStream.containsKey(streamId);
  }

  void add(Call call) {
    byStream.put(call.streamId, call);
  }

  void remove(int streamId) {
    byStream.remove(streamId);
  }

  /** Notes that {@code call} was ended by the proxy, if it was, forgetting the oldest such call beyond the limit. */
  void noteIfFaulted(Call call) {
    if (!call.faulted()) {
      return;
    }
    faulted.addLast(call.streamId);
    if (faulted.size() > FAULTED_KEPT) {
      Integer oldest = faulted.pollFirst();
      Call old = byStream.get(oldest);
      if (old != null && old.faulted()) {
        byStream.remove(oldest);
      }
    }
  }

  int size() {
    return byStream.size();
  }
}
