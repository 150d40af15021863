package dev.chaosjunit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * The events of a cell, in the order they happened ({@link Cell#events()}). Iterable, so AssertJ's
 * {@code assertThat(cell.events())} works on it; the filters return events again, e.g.
 * {@code assertThat(cell.events().ofKind(CONNECTION_OPENED).onProxy("db")).isEmpty()} or
 * {@code assertThat(events.before(e -> e.is(FAULT_FIRED), e -> e.is(CONNECTION_OPENED))).isTrue()}.
 *
 * <p>Events of one connection are in the order they happened; events of connections served by different
 * engine threads at the same time are in the order they were published, which the threads decide.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CellEvents implements Iterable<CellEvent> {

  private static final CellEvents NONE = new CellEvents(List.of());

  private final List<CellEvent> events;

  private CellEvents(List<CellEvent> events) {
    this.events = List.copyOf(events);
  }

  /** These events, in this order. */
  public static CellEvents of(List<CellEvent> events) {
    return new CellEvents(events);
  }

  /** No events (a backend that publishes none, or a cell that did not run). */
  public static CellEvents none() {
    return NONE;
  }

  /** The events, in order. */
  public List<CellEvent> list() {
    return events;
  }

  /** The events matching {@code filter}. */
  public CellEvents filter(Predicate<? super CellEvent> filter) {
    return new CellEvents(events.stream().filter(filter).toList());
  }

  /** The events of one of {@code kinds}, e.g. {@link CellEvent#FAULT_FIRED}. */
  public CellEvents ofKind(String... kinds) {
    return filter(e -> e.is(kinds));
  }

  /** What the fault's primitives did and the evidence that they were noticed (the {@code primitive-*} kinds). */
  public CellEvents primitives() {
    return ofKind(CellEvent.PRIMITIVE_APPLIED, CellEvent.PRIMITIVE_DETECTED, CellEvent.PRIMITIVE_NOT_DETECTED,
        CellEvent.PRIMITIVE_REVERTED);
  }

  /** The events of one service's proxy. */
  public CellEvents onProxy(String service) {
    return filter(e -> e.proxy().equals(service));
  }

  /** The events of one fault: its toxics and rules, {@code fault} and {@code fault-2}, {@code fault-3}... */
  public CellEvents ofFault(String fault) {
    Pattern further = Pattern.compile(Pattern.quote(fault) + "-\\d+");
    return filter(e -> e.fault().equals(fault) || further.matcher(e.fault()).matches());
  }

  /** The first event matching {@code filter}. */
  public Optional<CellEvent> first(Predicate<? super CellEvent> filter) {
    return events.stream().filter(filter).findFirst();
  }

  /** Whether an event matching {@code earlier} is followed, later in the cell, by one matching {@code later}. */
  public boolean before(Predicate<? super CellEvent> earlier, Predicate<? super CellEvent> later) {
    boolean seen = false;
    for (CellEvent e : events) {
      if (seen && later.test(e)) {
        return true;
      }
      seen |= earlier.test(e);
    }
    return false;
  }

  /** Each event {@linkplain CellEvent#describe() without its time}: what two runs of a cell compare. */
  public List<String> descriptions() {
    return events.stream().map(CellEvent::describe).toList();
  }

  public int size() {
    return events.size();
  }

  public boolean isEmpty() {
    return events.isEmpty();
  }

  public Stream<CellEvent> stream() {
    return events.stream();
  }

  @Override
  public Iterator<CellEvent> iterator() {
    return events.iterator();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CellEvents that && events.equals(that.events);
  }

  @Override
  public int hashCode() {
    return events.hashCode();
  }

  @Override
  public String toString() {
    return events.toString();
  }
}
