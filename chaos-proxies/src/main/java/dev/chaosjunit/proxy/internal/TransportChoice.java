package dev.chaosjunit.proxy.internal;

import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport the engine runs on, chosen once per JVM and logged once: the one {@code
 * -Dchaos.proxy.transport} names, else NIO. io_uring is opt-in: the extension's end-to-end tests on it saw
 * a client get a reset where NIO relays a clean close (a killed upstream), a restarted PostgreSQL's pooled
 * connection fail, and a stopped JVM's proxy port still accept connections for a moment (its ring is torn
 * down after the process exits). Epoll is opt-in too: it relays byte-exact (on {@link KeptEpollRegistrations}), but
 * the extension's end-to-end tests on it saw the same reset as on io_uring (a killed upstream).
 *
 * @param transport the chosen transport
 * @param reason why it was chosen and why the others were skipped
 */
record TransportChoice(Transport transport, String reason) {

  static final String PROPERTY = "chaos.proxy.transport";
  static final String IO_URING_OPT_IN = "io_uring is opt-in: it differs from NIO when a connection ends "
      + "(a reset where NIO relays a close) and when the JVM stops (the port outlives it for a moment)";
  static final String EPOLL_OPT_IN = "epoll is opt-in: like io_uring, it gave a client a reset where NIO relays a "
      + "close (a killed upstream)";

  private static final Logger LOG = LoggerFactory.getLogger(TransportChoice.class);
  private static volatile TransportChoice chosen;

  /** This JVM's transport, chosen (and logged) at the first call. */
  static Transport current() {
    TransportChoice choice = chosen;
    if (choice == null) {
      choice = chooseOnce();
    }
    return choice.transport;
  }

  private static synchronized TransportChoice chooseOnce() {
    if (chosen == null) {
      chosen = choose(System.getProperty(PROPERTY), Transport::unavailability);
      LOG.info("proxy transport {}: {} (-D{}=nio|epoll|io_uring chooses one)", chosen.transport.propertyValue(),
          chosen.reason, PROPERTY);
    }
    return chosen;
  }

  /**
   * The transport {@code property} names (null or blank: chosen automatically), given what keeps each one
   * from running here.
   *
   * @throws IllegalArgumentException if {@code property} names no transport
   * @throws IllegalStateException if it names one that cannot run here
   */
  static TransportChoice choose(String property, Function<Transport, Optional<Throwable>> unavailability) {
    if (property != null && !property.isBlank()) {
      Transport forced = Transport.named(property).orElseThrow(() -> new IllegalArgumentException(
          "-D" + PROPERTY + "=[" + property + "] names no transport: use nio, epoll or io_uring, or leave it unset "
              + "to let the engine choose"));
      unavailability.apply(forced).ifPresent(cause -> {
        throw new IllegalStateException("-D" + PROPERTY + "=" + forced.propertyValue() + " names a transport that "
            + "cannot run here (" + cause + "): leave the property unset to let the engine choose, or use nio", cause);
      });
      return new TransportChoice(forced, "forced by -D" + PROPERTY);
    }
    return new TransportChoice(Transport.NIO, "the default; " + IO_URING_OPT_IN + "; " + EPOLL_OPT_IN);
  }
}
