package dev.chaosjunit.proxy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * How the engine picks its transport. The kernel's answers are stubbed here (a function from transport to
 * what keeps it from running) so every branch runs on this machine; ChaosProxyImageTest denies io_uring for
 * real, with a seccomp profile.
 */
class TransportChoiceTest {

  private static final Function<Transport, Optional<Throwable>> ALL_RUN = transport -> Optional.empty();
  private static final Function<Transport, Optional<Throwable>> IO_URING_DENIED = transport ->
      transport == Transport.IO_URING ? Optional.of(new IOException("io_uring_setup(...) failed: Operation not permitted"))
          : Optional.empty();

  @Test
  void picksNioByDefaultAndSaysWhyTheNativeOnesAreNot() {
    for (Function<Transport, Optional<Throwable>> kernel : List.of(ALL_RUN, IO_URING_DENIED)) {
      TransportChoice choice = TransportChoice.choose(null, kernel);

      assertThat(choice.transport()).isEqualTo(Transport.NIO);
      assertThat(choice.reason()).isEqualTo("the default; " + TransportChoice.IO_URING_OPT_IN + "; "
          + TransportChoice.EPOLL_OPT_IN);
    }
    assertThat(TransportChoice.choose("", ALL_RUN).transport()).isEqualTo(Transport.NIO);
  }

  @Test
  void takesTheTransportThePropertyNames() {
    assertThat(TransportChoice.choose("nio", ALL_RUN).transport()).isEqualTo(Transport.NIO);
    assertThat(TransportChoice.choose("epoll", IO_URING_DENIED).transport()).isEqualTo(Transport.EPOLL);
    assertThat(TransportChoice.choose(" IO_URING ", ALL_RUN))
        .isEqualTo(new TransportChoice(Transport.IO_URING, "forced by -Dchaos.proxy.transport"));
  }

  @Test
  void ioUringRunsOnThisMachine() {
    assumeTrue(System.getProperty("os.name").startsWith("Linux") && System.getProperty("os.arch").equals("amd64"),
        "the native io_uring library is bundled for linux-x86_64 only");

    assertThat(Transport.IO_URING.unavailability()).isEmpty();
  }

  @Nested
  class FailsWhen {

    @Test
    void thePropertyNamesNoTransport() {
      assertThatThrownBy(() -> TransportChoice.choose("uring", ALL_RUN))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("-Dchaos.proxy.transport=[uring] names no transport: use nio, epoll or io_uring, "
              + "or leave it unset to let the engine choose");
    }

    @Test
    void thePropertyNamesATransportThatCannotRunHere() {
      assertThatThrownBy(() -> TransportChoice.choose("io_uring", IO_URING_DENIED))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("-Dchaos.proxy.transport=io_uring names a transport that cannot run here "
              + "(java.io.IOException: io_uring_setup(...) failed: Operation not permitted): leave the property "
              + "unset to let the engine choose, or use nio");
    }
  }
}
