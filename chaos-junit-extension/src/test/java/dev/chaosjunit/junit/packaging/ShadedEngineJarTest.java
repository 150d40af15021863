package dev.chaosjunit.junit.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chaosjunit.proxy.ProxyEngine;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * chaos-proxies as users get it (this module sees the packaged jar, as a user's build does): Netty and
 * Jackson inside it and relocated, nothing under their own names, and the relocated io_uring and epoll
 * transports find their renamed native libraries.
 */
class ShadedEngineJarTest {

  @Test
  void carriesNettyAndJacksonOnlyUnderTheRelocationPrefix() throws IOException {
    List<String> entries = entries(engineJar());

    assertThat(entries).noneMatch(name -> name.startsWith("io/netty/") || name.startsWith("com/fasterxml/"))
        .anyMatch(name -> name.startsWith("dev/chaosjunit/shaded/io/netty/channel/nio/NioIoHandler"))
        .anyMatch(name -> name.startsWith("dev/chaosjunit/shaded/com/fasterxml/jackson/databind/ObjectMapper"))
        .doesNotContain("META-INF/io.netty.versions.properties")
        .contains("META-INF/native/libdev_chaosjunit_shaded_netty_transport_native_epoll_x86_64.so")
        .contains("META-INF/native/libdev_chaosjunit_shaded_netty_transport_native_io_uring42_x86_64.so")
        .noneMatch(name -> name.startsWith("META-INF/native/libnetty"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev.chaosjunit.shaded.io.netty.channel.uring.IoUring",
      "dev.chaosjunit.shaded.io.netty.channel.epoll.Epoll"})
  void relocatedNativeTransportLoadsItsRenamedLibrary(String availability) throws ReflectiveOperationException {
    assumeTrue(System.getProperty("os.name").startsWith("Linux") && System.getProperty("os.arch").equals("amd64"),
        "the jar carries the native transports for linux-x86_64 only");

    Object cause = Class.forName(availability).getMethod("unavailabilityCause").invoke(null);

    assertThat((Throwable) cause).isNull();
  }

  private static Path engineJar() {
    try {
      Path jar = Path.of(ProxyEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      assertThat(jar.toString()).as("chaos-proxies is on the class path as its jar: build with the package phase")
          .endsWith(".jar");
      return jar;
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> entries(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.stream().map(JarEntry::getName).toList();
    }
  }
}
