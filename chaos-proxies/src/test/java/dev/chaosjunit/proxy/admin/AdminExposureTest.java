package dev.chaosjunit.proxy.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.chaosjunit.proxy.ProxyEngine;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The admin API says so when it listens beyond loopback, where anyone who reaches it controls every proxy. */
class AdminExposureTest {

  private final Logger logger = (Logger) LoggerFactory.getLogger(AdminServer.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private ProxyEngine engine;

  @BeforeEach
  void capture() {
    logged.start();
    logger.addAppender(logged);
    engine = ProxyEngine.start();
  }

  @AfterEach
  void release() {
    logger.detachAppender(logged);
    engine.close();
  }

  @Test
  void warnsWhenListeningOnEveryInterface() {
    try (AdminServer admin = AdminServer.start(engine, "0.0.0.0", 0)) {
      assertThat(warnings()).singleElement().asString().startsWith("the admin API listens on ")
          .contains("which is not loopback", "Listen on 127.0.0.1");
    }
  }

  @Test
  void staysQuietOnLoopback() {
    try (AdminServer admin = AdminServer.start(engine, "127.0.0.1", 0)) {
      assertThat(warnings()).isEmpty();
    }
  }

  private List<String> warnings() {
    return logged.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
  }
}
