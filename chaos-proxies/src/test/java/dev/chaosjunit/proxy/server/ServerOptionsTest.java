package dev.chaosjunit.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerOptionsTest {

  @Test
  void defaultsToToxiproxysLoopbackPort() {
    ServerOptions options = ServerOptions.parse(List.of());
    assertThat(options.host()).isEqualTo("127.0.0.1");
    assertThat(options.port()).isEqualTo(8474);
    assertThat(options.config()).isNull();
    assertThat(options.seed()).isEmpty();
  }

  @Test
  void readsEveryFlagInBothSpellings() {
    ServerOptions options = ServerOptions.parse(
        List.of("--host", "0.0.0.0", "-port=9000", "--config", "proxies.json", "--seed=42"));
    assertThat(options.host()).isEqualTo("0.0.0.0");
    assertThat(options.port()).isEqualTo(9000);
    assertThat(options.config()).isEqualTo(Path.of("proxies.json"));
    assertThat(options.seed()).hasValue(42);
  }

  @Test
  void namesUnknownFlagsAndBadValues() {
    assertThatThrownBy(() -> ServerOptions.parse(List.of("--colour", "red")))
        .hasMessageStartingWith("unknown option [--colour]").hasMessageContaining("usage:");
    assertThatThrownBy(() -> ServerOptions.parse(List.of("--port", "70000")))
        .hasMessage("--port must be between 0 and 65535, was [70000]");
    assertThatThrownBy(() -> ServerOptions.parse(List.of("--seed", "abc"))).hasMessage("[abc] is not a number");
    assertThatThrownBy(() -> ServerOptions.parse(List.of("--host"))).hasMessageStartingWith("option [--host] needs a value");
  }

  @Test
  void helpAndVersionNeedNoValue() {
    assertThat(ServerOptions.parse(List.of("--help")).help()).isTrue();
    assertThat(ServerOptions.parse(List.of("--version")).version()).isTrue();
  }
}
