package dev.chaosjunit.proxy.amqp;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Publisher confirms on one channel: after {@code confirm.select} the broker numbers the channel's publishes
 * from 1 and confirms them by that number. Publishes a rule nacks reach the broker; the broker's ack for
 * them is rewritten into {@code basic.nack}, and a {@code multiple} ack that covers one is split.
 */
final class Confirms {

  /** One confirm to send the client. */
  record Confirm(boolean ack, long tag, boolean multiple) {}

  private final SortedSet<Long> nacked = new TreeSet<>();
  /** Nacks sent for publishes above {@link #confirmedUpTo}. */
  private final SortedSet<Long> nacksSent = new TreeSet<>();
  private boolean selected;
  private long published;
  private long confirmedUpTo;

  void select() {
    selected = true;
  }

  /** A publish on this channel: its number, 0 when the channel is not in confirm mode. */
  long publish() {
    return selected ? ++published : 0;
  }

  /** The publish numbered {@code tag} is to be nacked when the broker confirms it. */
  void nack(long tag) {
    nacked.add(tag);
  }

  /**
   * The broker's {@code basic.ack}: what the client gets instead, or {@code null} to let it pass unchanged.
   * A covered nacked publish gets a {@code basic.nack} of its own, then one {@code multiple} ack covers
   * the rest (up to the highest publish not nacked, when it is not confirmed yet).
   */
  List<Confirm> ack(long tag, boolean multiple) {
    SortedSet<Long> covered = multiple ? nacked.headSet(tag + 1) : nacked.contains(tag) ? nacked.subSet(tag, tag + 1) : null;
    if (covered == null || covered.isEmpty()) {
      if (multiple) {
        confirmedUpTo = Math.max(confirmedUpTo, tag);
        nacksSent.headSet(confirmedUpTo + 1).clear();
      }
      return null;
    }
    List<Confirm> out = new ArrayList<>();
    covered.forEach(nack -> out.add(new Confirm(false, nack, false)));
    nacksSent.addAll(covered);
    covered.clear();
    if (multiple) {
      long acked = tag;
      while (nacksSent.contains(acked)) {
        acked--;
      }
      if (acked > confirmedUpTo) {
        out.add(new Confirm(true, acked, true));
      }
      confirmedUpTo = Math.max(confirmedUpTo, tag);
      nacksSent.headSet(confirmedUpTo + 1).clear();
    }
    return out;
  }
}
