package dev.chaosjunit.proxy.amqp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Publisher confirms on one channel: after {@code confirm.select} the broker numbers the channel's publishes
 * from 1 and confirms them by that number. Publishes a rule nacks reach the broker; the broker's ack for
 * them is rewritten into {@code basic.nack}, and a {@code multiple} ack that covers one is split. Publishes
 * the proxy dropped never reach the broker, which numbers its confirms without them: the proxy renumbers
 * the broker's confirms into the client's numbers and nacks a dropped publish as soon as the broker confirms
 * a later one.
 */
final class Confirms {

  /** One confirm to send the client: {@code basic.ack} or {@code basic.nack}, by the client's numbering. */
  record Confirm(boolean ack, long tag, boolean multiple) {}

  private final SortedSet<Long> nacked = new TreeSet<>();
  /** Nacks sent for publishes above {@link #confirmedUpTo}. */
  private final SortedSet<Long> nacksSent = new TreeSet<>();
  /** Dropped publishes above {@link #confirmedUpTo}, by the client's numbering. */
  private final SortedSet<Long> lost = new TreeSet<>();
  private long lostBelow;
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

  /** The publish numbered {@code tag} was dropped: the broker never numbers it. */
  void lose(long tag) {
    lost.add(tag);
    nacked.add(tag);
  }

  /**
   * The broker's {@code basic.ack}: what the client gets instead, or {@code null} to let it pass unchanged.
   * A covered nacked publish gets a {@code basic.nack} of its own, then one {@code multiple} ack covers
   * the rest (up to the highest publish not nacked, when it is not confirmed yet).
   */
  List<Confirm> ack(long brokerTag, boolean multiple) {
    long tag = clientTag(brokerTag);
    List<Confirm> out = new ArrayList<>();
    nackAll(lostBefore(tag), out);
    nackAll(multiple ? nacked.headSet(tag + 1) : nacked.subSet(tag, tag + 1), out);
    if (tag == brokerTag && out.isEmpty()) {
      confirmed(tag, multiple);
      return null;
    }
    long acked = tag;
    while (multiple && nacksSent.contains(acked)) {
      acked--;
    }
    if (!nacksSent.contains(acked) && acked > confirmedUpTo) {
      out.add(new Confirm(true, acked, multiple));
    }
    confirmed(tag, multiple);
    return out;
  }

  /** The broker's own {@code basic.nack}: renumbered, or {@code null} to let it pass unchanged. */
  List<Confirm> brokerNack(long brokerTag, boolean multiple) {
    long tag = clientTag(brokerTag);
    List<Confirm> out = new ArrayList<>();
    nackAll(lostBefore(tag), out);
    (multiple ? nacked.headSet(tag + 1) : nacked.subSet(tag, tag + 1)).clear();
    confirmed(tag, multiple);
    if (tag == brokerTag && out.isEmpty()) {
      return null;
    }
    out.add(new Confirm(false, tag, multiple));
    return out;
  }

  /** Dropped publishes before {@code tag} not nacked yet: the broker, past them, never confirms them. */
  private List<Long> lostBefore(long tag) {
    return lost.headSet(tag).stream().filter(nacked::contains).toList();
  }

  private void nackAll(Collection<Long> tags, List<Confirm> out) {
    for (long tag : List.copyOf(tags)) {
      out.add(new Confirm(false, tag, false));
      nacksSent.add(tag);
      nacked.remove(tag);
    }
  }

  /** The client's number of the broker's {@code brokerTag}: one more for each dropped publish before it. */
  private long clientTag(long brokerTag) {
    long tag = brokerTag + lostBelow;
    for (long dropped : lost) {
      if (dropped > tag) {
        break;
      }
      tag++;
    }
    return tag;
  }

  private void confirmed(long tag, boolean multiple) {
    if (multiple && tag > confirmedUpTo) {
      confirmedUpTo = tag;
      nacksSent.headSet(tag + 1).clear();
      SortedSet<Long> passed = lost.headSet(tag + 1);
      lostBelow += passed.size();
      passed.clear();
    }
  }
}
