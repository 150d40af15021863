package dev.chaosjunit.proxy.mysql;

import dev.chaosjunit.proxy.sql.SqlTexts;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The commands the server has yet to answer, in order, so that a COM_STMT_PREPARE's response can be
 * told apart even when the client pipelines. A response starts with a packet of sequence id 1 that
 * does not follow one of sequence id 0 (sequence ids wrap after 255 inside long result sets). A
 * response that ends exactly on a wrap (a multiple of 256 packets) is mistaken for the next one's
 * start; the cost is a prepared statement whose SQL the proxy does not know, so rules skip it.
 */
final class MyResponses {

  private static final SqlTexts.Parsed NOT_A_PREPARE = new SqlTexts.Parsed(List.of(), null);
  private static final SqlTexts.Parsed THE_PROXYS = new SqlTexts.Parsed(List.of(), null);

  private final Deque<SqlTexts.Parsed> pending = new ArrayDeque<>();
  private int lastSequenceId = -1;

  /** The client sent a command the server answers; {@code prepare} is its SQL for a prepare, else null. */
  void sent(SqlTexts.Parsed prepare) {
    pending.add(prepare == null ? NOT_A_PREPARE : prepare);
  }

  /**
   * The proxy sends a command of its own (answered with one packet) just before the one the client sent
   * last; its answer is not the client's.
   */
  void interjected() {
    SqlTexts.Parsed last = pending.pollLast();
    pending.add(THE_PROXYS);
    if (last != null) {
      pending.add(last);
    }
  }

  /** Whether a server packet with this sequence id starts the answer to the proxy's own command. */
  boolean startsTheProxys(int sequenceId) {
    return sequenceId == 1 && lastSequenceId != 0 && pending.peek() == THE_PROXYS;
  }

  /** Whether a server packet with this sequence id would start the response to a prepare. */
  boolean startsPrepare(int sequenceId) {
    return sequenceId == 1 && lastSequenceId != 0 && !pending.isEmpty() && pending.peek() != NOT_A_PREPARE
        && pending.peek() != THE_PROXYS;
  }

  /** Returns the prepare whose response this server packet starts, or {@code null}. */
  SqlTexts.Parsed received(int sequenceId) {
    boolean starts = sequenceId == 1 && lastSequenceId != 0;
    lastSequenceId = sequenceId;
    if (!starts || pending.isEmpty()) {
      return null;
    }
    SqlTexts.Parsed head = pending.poll();
    return head == NOT_A_PREPARE || head == THE_PROXYS ? null : head;
  }

  /** Forgets everything (authentication starts again). */
  void reset() {
    pending.clear();
    lastSequenceId = -1;
  }
}
