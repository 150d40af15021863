package dev.chaosjunit.proxy.internal;

import io.netty.util.concurrent.ScheduledFuture;

/**
 * What a toxic (or a delayed write: toxic = null) holds back in a flow.
 *
 * @param onChange what to do instead when the toxic changes or goes away
 * @param timer when the hold ends by itself, null = never
 */
record Hold(ActiveToxic toxic, Piece piece, Runnable onChange, ScheduledFuture<?> timer) {

  void cancel() {
    if (timer != null) {
      timer.cancel(false);
    }
  }
}
