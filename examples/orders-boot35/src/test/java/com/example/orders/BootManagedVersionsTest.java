package com.example.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.Version;
import org.junit.jupiter.api.Test;

/**
 * The chaos engine brings its own relocated Netty: the application's Lettuce keeps the Netty that Spring
 * Boot manages ({@code boot.netty.version}, from Boot's {@code netty.version} property).
 */
class BootManagedVersionsTest {

  @Test
  void theAppsNettyIsTheOneSpringBootManages() {
    assertThat(Version.identify().get("netty-common").artifactVersion())
        .isEqualTo(System.getProperty("boot.netty.version"));
  }
}
