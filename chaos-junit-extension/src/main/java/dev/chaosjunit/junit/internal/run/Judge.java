package dev.chaosjunit.junit.internal.run;

import dev.chaosjunit.fault.NetworkPrimitive;
import dev.chaosjunit.fault.Primitive;
import dev.chaosjunit.fault.RefuseConnections;
import dev.chaosjunit.junit.Cell;
import dev.chaosjunit.junit.Expectation;
import dev.chaosjunit.junit.Outcome;
import dev.chaosjunit.junit.CellEvent;
import dev.chaosjunit.junit.Verdict;
import dev.chaosjunit.junit.internal.StatusReading;
import dev.chaosjunit.junit.internal.plan.CellExpectation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;

/** Judges a cell's outcome against its expectation and its fault's firings. */
final class Judge {

  private Judge() {}

  /**
   * The verdict of a cell: its expectation first; then its fault's firings, where they are counted
   * ({@code counted}): an untouched cell must not have fired, any other must have, when {@code requireFiring}.
   */
  static Judgement judge(Cell cell, CellExpectation expected, boolean requireFiring, boolean counted,
      Object instance, StatusReading reading) {
    Outcome outcome = cell.outcome();
    boolean byStatus = expected.value() == Expectation.SUCCESS || expected.value() == Expectation.ERROR;
    if (byStatus && outcome.returned() && reading.problem().isPresent()) {
      return new Judgement(Verdict.ERRORED, "cannot judge " + expected.describe() + ": the scenario returned ["
          + outcome.value().getClass().getName() + "], which looks like an HTTP response, but "
          + reading.problem().get() + "; declare a @StatusOf method reading its status, or return a type the"
          + " judge knows");
    }
    String failure = switch (expected.value()) {
      case SUCCESS -> success(outcome, expected);
      case ERROR -> error(outcome, expected);
      case HANG -> outcome.timedOut() ? null : "expected HANG, but the scenario " + outcome.summary();
      case CUSTOM -> custom(cell, expected.check().orElseThrow(), instance);
    };
    String judgedBy = byStatus ? "; judged by: " + judgedBy(outcome, reading) : "";
    if (failure != null) {
      return new Judgement(Verdict.FAILED, failure + judgedBy);
    }
    String undetected = undetected(cell);
    if (undetected != null) {
      return new Judgement(Verdict.FAILED, undetected);
    }
    if (expected.untouched() && counted && cell.totalFirings() > 0) {
      return new Judgement(Verdict.FAILED, "fault [" + cell.faultName() + "] was declared untouched for this"
          + " scenario, but fired " + cell.totalFirings() + "×: the scenario does reach the faulted service; remove"
          + " untouched from its @Expect and state what it must do under the fault");
    }
    if (requireFiring && !expected.untouched() && countable(cell) && cell.totalFirings() == 0) {
      return new Judgement(Verdict.FAULT_BYPASSED, "fault [" + cell.faultName() + "] never fired: the scenario "
          + outcome.summary() + " without meeting it; make the scenario use the faulted service, or declare"
          + " the cell @Expect(untouched = true) if the fault is not on its path");
    }
    return new Judgement(Verdict.PASSED, "expected " + expected.describe() + " and the scenario " + outcome.summary()
        + judgedBy);
  }

  /** Why a primitive of the cell counts as unnoticed, or {@code null} when each was detected. */
  private static String undetected(Cell cell) {
    return cell.events().ofKind(CellEvent.PRIMITIVE_NOT_DETECTED).stream()
        .map(e -> "the system did not notice " + (builder(cell, e).equals("container") ? "container " : "")
            + e.attribute("primitive").orElse("") + " of [" + e.proxy() + "]: " + e.attribute("detail").orElse("")
            + "; make the client notice (e.g. a socket or command timeout), or choose the evidence and window with"
            + " Fault.on(\"" + e.proxy() + "\")." + builder(cell, e) + "().detectedBy(...).detectedWithin(...)")
        .findFirst().orElse(null);
  }

  /** {@code container} or {@code network}: the builder of the primitive an event is about. */
  private static String builder(Cell cell, CellEvent event) {
    boolean network = cell.fault().stream().flatMap(f -> f.effects().stream())
        .anyMatch(e -> e.service().equals(event.proxy()) && e.effect() instanceof NetworkPrimitive primitive
            && event.attribute("primitive").filter(primitive.label()::equals).isPresent());
    return network ? "network" : "container";
  }

  /** What decided between success and error: the HTTP status read, or how the scenario ended. */
  private static String judgedBy(Outcome outcome, StatusReading reading) {
    return switch (outcome.kind()) {
      case RETURNED -> outcome.httpStatus().isPresent()
          ? "HTTP status " + outcome.httpStatus().getAsInt() + " (" + reading.source() + ")"
          : "returned without exception (no HTTP status in [" + typeName(outcome.value()) + "])";
      case THREW -> "the exception";
      case TIMED_OUT -> "no return within the timeout";
    };
  }

  private static String typeName(Object value) {
    return value == null ? "null" : value.getClass().getName();
  }

  /** A status of 400 or more: the request did not succeed (as RestTemplate, RestClient and WebClient judge it). */
  private static boolean errorStatus(Outcome outcome) {
    return outcome.returned() && outcome.httpStatus().orElse(200) >= 400;
  }

  /**
   * Whether firings can tell a bypass: refused connections are refused by the OS and cannot be counted,
   * so a fault with a refuse-connections effect never counts as bypassed; a primitive acts
   * whether the scenario meets it or not, and its detection is judged instead.
   */
  private static boolean countable(Cell cell) {
    return cell.fault().map(f -> f.effects().stream().noneMatch(e -> e.effect() instanceof RefuseConnections
        || e.effect() instanceof Primitive)).orElse(false);
  }

  private static String success(Outcome outcome, CellExpectation expected) {
    if (!outcome.returned() || errorStatus(outcome)) {
      return expected("SUCCESS", expected) + ", but the scenario " + outcome.summary();
    }
    return late(outcome, expected, "SUCCESS");
  }

  private static String error(Outcome outcome, CellExpectation expected) {
    if (!outcome.threw() && !errorStatus(outcome)) {
      return expected("ERROR", expected) + ", but the scenario " + outcome.summary();
    }
    return late(outcome, expected, "ERROR");
  }

  private static String late(Outcome outcome, CellExpectation expected, String what) {
    Duration budget = expected.within().orElse(null);
    if (budget != null && outcome.duration().compareTo(budget) > 0) {
      return expected(what, expected) + ", but the scenario " + outcome.summary();
    }
    return null;
  }

  private static String expected(String what, CellExpectation expected) {
    return "expected " + what + expected.within().map(d -> " within " + d.toMillis() + " ms").orElse("");
  }

  private static String custom(Cell cell, Method check, Object instance) {
    Object target = Modifier.isStatic(check.getModifiers()) ? null : instance;
    Object argument = check.getParameterTypes()[0] == Cell.class ? cell : cell.outcome();
    try {
      return (boolean) check.invoke(target, argument) ? null
          : "check " + check.getName() + "() returned false: the scenario " + cell.outcome().summary();
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("check " + check.getName() + "() threw " + e.getCause(), e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("check " + check.getName() + "() is not accessible", e);
    }
  }
}
