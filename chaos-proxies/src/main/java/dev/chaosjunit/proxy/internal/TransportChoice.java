package dev.chaosjunit.proxy.internal;

import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport the engine runs on, chosen once per JVM and logged once: the one {@code
 * -Dchaos.proxy.transport} names, else io_uring where it runs, else NIO (epoll is skipped: see {@link
 * Transport}).
 *
 * @param transport the chosen transport
 * @param reason why it was chosen and why the others were skipped
 */
record TransportChoice(Transport transport, String reason) {

  static final String PROPERTY = "chaos.proxy.transport";
  static final String EPOLL_SKIPPED = "epoll skipped: Netty 4.2's epoll loses the tail of a reply after a client "
      + "half-closes (epoll_ctl ENOENT)";

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
    Optional<Throwable> ioUring = unavailability.apply(Transport.IO_URING);
    if (ioUring.isEmpty()) {
      return new TransportChoice(Transport.IO_URING, "chosen automatically, io_uring runs here; " + EPOLL_SKIPPED);
    }
    return new TransportChoice(Transport.NIO,
        "chosen automatically; io_uring skipped: it cannot run here (" + ioUring.get() + "); " + EPOLL_SKIPPED);
  }
}
