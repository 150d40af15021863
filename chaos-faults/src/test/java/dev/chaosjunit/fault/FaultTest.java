package dev.chaosjunit.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FaultTest {

  @Test
  void toxicsCarryToxiproxyAttributeNames() {
    Toxic latency = (Toxic) effect(Fault.on("db").latency(Duration.ofSeconds(3), Duration.ofMillis(50)));
    assertThat(latency.type()).isEqualTo(ToxicType.LATENCY);
    assertThat(latency.name()).as("Toxiproxy's default name until the extension names it").isEqualTo("latency_downstream");
    assertThat(latency.stream()).isEqualTo(Direction.DOWNSTREAM);
    assertThat(latency.attributes()).containsExactly(Map.entry("latency", 3000L), Map.entry("jitter", 50L));

    Toxic slicer = (Toxic) effect(Fault.on("db").upstream().slicer(64, 8, Duration.ofMillis(2)));
    assertThat(slicer.stream()).isEqualTo(Direction.UPSTREAM);
    assertThat(slicer.attributes()).containsExactly(
        Map.entry("average_size", 64L), Map.entry("size_variation", 8L), Map.entry("delay", 2000L));
  }

  @Test
  void aBuggifySiteKeepsItsNameWhenTheFaultIsNamed() {
    Fault fault = Fault.buggify("orders.insert").named("insertsFail");
    assertThat(fault.effects()).containsExactly(new FaultEffect("buggify", new BuggifySite("orders.insert")));
    assertThat(fault.describe()).isEqualTo("buggify: site orders.insert forced on");
    assertThatThrownBy(() -> Fault.buggify(" ")).hasMessage("buggify site must not be blank");
  }

  @Test
  void rulesAreTheModelTheEngineTakes() {
    Rule pg = (Rule) effect(Fault.on("db").postgres().query("INSERT*").times(1).error("53100", "disk full"));
    assertThat(pg.protocol()).isEqualTo("postgres");
    assertThat(pg.direction()).isEqualTo(Direction.UPSTREAM);
    assertThat(pg.match()).containsExactly(Map.entry("sql", "INSERT*"));
    assertThat(pg.action()).isEqualTo(new Action.Error("53100", "disk full", Map.of("severity", "ERROR")));
    assertThat(pg.times()).isEqualTo(1);
    assertThat(pg.named("diskFull").name()).isEqualTo("diskFull");
    Rule inserts = (Rule) effect(Fault.on("db").postgres().command("INSERT").error("53100", "disk full"));
    assertThat(inserts.match()).containsExactly(Map.entry("command", "INSERT"));
    Rule updates = (Rule) effect(Fault.on("db").mysql().command("UPDATE").error(1213, "40001", "Deadlock"));
    assertThat(updates.match()).containsExactly(Map.entry("command", "UPDATE"));

    Rule redis = (Rule) effect(Fault.on("cache").redis().command("SET")
        .error("READONLY You can't write against a read only replica."));
    assertThat(redis.action()).isEqualTo(Action.Error.of("READONLY", "You can't write against a read only replica."));

    Rule http = (Rule) effect(Fault.on("api").http().method("POST").header("X-Tenant", "a*")
        .responseHeader("Retry-After", "5").error(503, "busy"));
    assertThat(http.match()).containsExactly(Map.entry("method", "POST"), Map.entry("header.X-Tenant", "a*"));
    assertThat(http.action()).isEqualTo(new Action.Error("503", "busy", Map.of("header.Retry-After", "5")));

    Rule drop = (Rule) effect(Fault.on("bus").kafka().topic("orders").drop(DropMode.BLACKHOLE));
    assertThat(drop.action()).isEqualTo(new Action.Drop(DropMode.BLACKHOLE));
    Rule protocolDrop = (Rule) effect(Fault.on("bus").kafka().topic("orders").drop());
    assertThat(((Action.Drop) protocolDrop.action()).modeOr(DropMode.TIMEOUT))
        .as("drop() leaves the mode to the protocol (Kafka: no response)").isEqualTo(DropMode.TIMEOUT);
    Rule goaway = (Rule) effect(Fault.on("api").grpc().method("a.B/C").drop(DropMode.GOAWAY));
    assertThat(goaway.action()).isEqualTo(new Action.Drop(DropMode.GOAWAY));
    Rule calm = (Rule) effect(Fault.on("api").grpc().method("a.B/C").goAway(Http2ErrorCode.ENHANCE_YOUR_CALM));
    assertThat(calm.action()).isEqualTo(new Action.Drop(DropMode.GOAWAY, Map.of("code", "ENHANCE_YOUR_CALM")));
    assertThat(calm.action().describe()).isEqualTo("drop goaway {code=ENHANCE_YOUR_CALM}");
    Rule reset = (Rule) effect(Fault.on("api").http().authority("api.local:*").path("/orders/**")
        .rstStream(Http2ErrorCode.REFUSED_STREAM));
    assertThat(reset.protocol()).isEqualTo("http");
    assertThat(reset.match()).containsExactly(Map.entry("authority", "api.local:*"), Map.entry("path", "/orders/**"));
    assertThat(reset.action()).isEqualTo(new Action.Drop(DropMode.RST_STREAM, Map.of("code", "REFUSED_STREAM")));
    assertThat(((Rule) effect(Fault.on("api").http().goAway(Http2ErrorCode.NO_ERROR))).action())
        .isEqualTo(new Action.Drop(DropMode.GOAWAY, Map.of("code", "NO_ERROR")));
    Rule rewrite = (Rule) effect(Fault.on("api").http().path("/orders/*")
        .rewriteResponseHeaders(h -> h.set("Cache-Control", "no-store").remove("Content-Type").remove("ETag")));
    assertThat(rewrite.action()).isEqualTo(new Action.Rewrite(
        Map.of("header.Cache-Control", "no-store", "remove", "Content-Type,ETag")));
    assertThat(rewrite.action().describe()).isEqualTo("rewrite {header.Cache-Control=no-store, remove=Content-Type,ETag}");

    Rule deadlock = (Rule) effect(Fault.on("db").mysql().query("UPDATE*").error(1213, "40001", "Deadlock"));
    assertThat(((Action.Error) deadlock.action()).param("rollback")).as("the proxy decides rollback by the code").isEmpty();
    Rule timeout = (Rule) effect(Fault.on("db").mysql().error(1205, "HY000", "Lock wait timeout", true));
    assertThat(timeout.action()).isEqualTo(
        new Action.Error("1205", "Lock wait timeout", Map.of("sqlstate", "HY000", "rollback", "true")));
  }

  @Test
  void directionsAndDropModesParseTheirAdminNames() {
    assertThat(Direction.of("request")).isEqualTo(Direction.UPSTREAM);
    assertThat(Direction.of("Downstream")).isEqualTo(Direction.DOWNSTREAM);
    assertThat(DropMode.of("rst_stream")).isEqualTo(DropMode.RST_STREAM);
    assertThatThrownBy(() -> DropMode.of("later")).hasMessage(
        "unknown drop mode [later]: use one of close, reset, blackhole, timeout, rst_stream, goaway");
    assertThatThrownBy(() -> Direction.of("sideways")).hasMessageContaining("use upstream (requests) or downstream");
  }

  @Test
  void bandwidthZeroStallsTheStream() {
    Toxic stall = (Toxic) effect(Fault.on("db").bandwidth(0));
    assertThat(stall.attributes()).containsExactly(Map.entry("rate", 0L));
  }

  @Test
  void namedFaultsCarryTheirNameIntoTheEngineOncePerService() {
    Fault both = Fault.allOf(Fault.on("db").latency(Duration.ofMillis(5)), Fault.on("db").postgres().error("53100", "x"),
        Fault.on("cache").refuseConnections(), Fault.on("cache").timeout(Duration.ZERO)).named("diskFull");
    assertThat(both.effects()).extracting(FaultEffect::effect).satisfiesExactly(
        latency -> assertThat(((Toxic) latency).name()).isEqualTo("diskFull"),
        rule -> assertThat(((Rule) rule).name()).isEqualTo("diskFull-2"),
        down -> assertThat(down).isEqualTo(new RefuseConnections()),
        timeout -> assertThat(((Toxic) timeout).name()).isEqualTo("diskFull"));
  }

  private static Effect effect(Fault fault) {
    return fault.effects().get(0).effect();
  }

  @Test
  void faultsCompose() {
    Fault both = Fault.allOf(Fault.on("db").refuseConnections(), Fault.on("cache").timeout(Duration.ZERO));
    assertThat(both.services()).containsExactly("db", "cache");
    assertThat(both.describe()).isEqualTo("db: refuse connections; cache: timeout downstream (timeout=0)");
    assertThat(Fault.on("db").refuseConnections()).isEqualTo(Fault.on("db").refuseConnections());
  }

  @Test
  void amqpRulesCarryTheReplyCodeAndMatchPublishesOrDeliveries() {
    Rule channel = (Rule) effect(Fault.on("mq").amqp().exchange("orders").routingKey("order.*")
        .closeChannel(404, "NOT_FOUND - no exchange 'orders' in vhost '/'"));
    assertThat(channel.protocol()).isEqualTo("amqp");
    assertThat(channel.direction()).isEqualTo(Direction.UPSTREAM);
    assertThat(channel.match()).containsExactly(Map.entry("exchange", "orders"), Map.entry("routing_key", "order.*"));
    assertThat(channel.action()).isEqualTo(Action.Error.of("404", "NOT_FOUND - no exchange 'orders' in vhost '/'"));
    Rule connection = (Rule) effect(Fault.on("mq").amqp().closeConnection(320, "CONNECTION_FORCED - bye"));
    assertThat(connection.action()).isEqualTo(Action.Error.of("320", "CONNECTION_FORCED - bye"));
    Rule delivery = (Rule) effect(Fault.on("mq").amqp().onResponses().queue("orders").times(1).drop());
    assertThat(delivery.direction()).isEqualTo(Direction.DOWNSTREAM);
    assertThat(delivery.match()).containsExactly(Map.entry("queue", "orders"));
    assertThat(delivery.action()).isEqualTo(new Action.Drop(null));
    Rule nack = (Rule) effect(Fault.on("mq").amqp().exchange("orders").nack());
    assertThat(nack.action()).isEqualTo(new Action.Respond(Map.of("confirm", "nack")));
  }

  @Test
  void natsRulesMatchPublishesOrDeliveriesBySubject() {
    Rule refused = (Rule) effect(Fault.on("bus").nats().subject("orders.>").permissionsViolation());
    assertThat(refused.protocol()).isEqualTo("nats");
    assertThat(refused.direction()).isEqualTo(Direction.UPSTREAM);
    assertThat(refused.match()).containsExactly(Map.entry("subject", "orders.>"));
    assertThat(refused.action()).isEqualTo(Action.Error.of("", ""));
    Rule delivery = (Rule) effect(Fault.on("bus").nats().onResponses().subject("orders.*").times(1).drop());
    assertThat(delivery.direction()).isEqualTo(Direction.DOWNSTREAM);
    assertThat(delivery.match()).containsExactly(Map.entry("subject", "orders.*"));
    assertThat(delivery.action()).isEqualTo(new Action.Drop(null));
  }

  @Test
  void mongoRulesCarryFailCommandsFields() {
    Rule error = (Rule) effect(Fault.on("db").mongo().command("insert").database("shop").collection("orders")
        .errorLabels("RetryableWriteError", "NoWritesPerformed").errorCode(91, "ShutdownInProgress", "quiesce"));
    assertThat(error.protocol()).isEqualTo("mongodb");
    assertThat(error.match()).containsExactly(Map.entry("command", "insert"), Map.entry("database", "shop"),
        Map.entry("collection", "orders"));
    assertThat(error.action()).isEqualTo(new Action.Error("91", "quiesce", Map.of("kind", "errorCode",
        "codeName", "ShutdownInProgress", "errorLabels", "RetryableWriteError,NoWritesPerformed")));
    assertThat(((Rule) effect(Fault.on("db").mongo().command("insert").writeError(11000, "dup"))).action())
        .isEqualTo(new Action.Error("11000", "dup", Map.of("kind", "writeErrors")));
    assertThat(((Rule) effect(Fault.on("db").mongo().command("insert").writeConcernError(64, "WriteConcernFailed", "slow"))).action())
        .isEqualTo(new Action.Error("64", "slow", Map.of("kind", "writeConcernError", "codeName", "WriteConcernFailed")));
    assertThat(((Rule) effect(Fault.on("db").mongo().command("find").blockConnection(Duration.ofMillis(5)))).action())
        .isEqualTo(new Action.Delay(Duration.ofMillis(5)));
    assertThat(((Rule) effect(Fault.on("db").mongo().command("find").closeConnection())).action())
        .isEqualTo(new Action.Drop(DropMode.CLOSE));
    assertThatThrownBy(() -> Fault.on("db").mongo().command("find").errorCode(0, "OK", ""))
        .hasMessage("MongoDB error code [0] means no error: use a code such as 91 (ShutdownInProgress)");
    assertThatThrownBy(() -> Fault.on("db").mongo().errorLabels("A,B"))
        .hasMessage("error label [A,B] contains a comma: pass each label separately");
  }

  @Test
  void memcachedRulesMatchCommandsAndKeys() {
    Rule oom = (Rule) effect(Fault.on("cache").memcached().command("set").key("session:*").serverError("out of memory storing object"));
    assertThat(oom.protocol()).isEqualTo("memcached");
    assertThat(oom.direction()).isEqualTo(Direction.UPSTREAM);
    assertThat(oom.match()).containsExactly(Map.entry("command", "set"), Map.entry("key", "session:*"));
    assertThat(oom.action()).isEqualTo(Action.Error.of("", "out of memory storing object"));
    Rule miss = (Rule) effect(Fault.on("cache").memcached().command("get*").key("user:7").miss());
    assertThat(miss.action()).isEqualTo(new Action.Respond(Map.of("reply", "miss")));
    Rule notStored = (Rule) effect(Fault.on("cache").memcached().command("add").notStored());
    assertThat(notStored.action()).isEqualTo(new Action.Respond(Map.of("reply", "not_stored")));
  }

  @Nested
  class RejectsBadInput {
    @Test
    void amqpReplyCodeOfTheWrongKind() {
      assertThatThrownBy(() -> Fault.on("mq").amqp().closeChannel(320, "x"))
          .hasMessage("AMQP reply code [320] does not close a channel: use one of 311 CONTENT_TOO_LARGE, 312 NO_ROUTE,"
              + " 313 NO_CONSUMERS, 403 ACCESS_REFUSED, 404 NOT_FOUND, 405 RESOURCE_LOCKED, 406 PRECONDITION_FAILED,"
              + " or closeConnection for 320 CONNECTION_FORCED, 402 INVALID_PATH, 501 FRAME_ERROR, 502 SYNTAX_ERROR,"
              + " 503 COMMAND_INVALID, 504 CHANNEL_ERROR, 505 UNEXPECTED_FRAME, 506 RESOURCE_ERROR, 530 NOT_ALLOWED,"
              + " 540 NOT_IMPLEMENTED, 541 INTERNAL_ERROR");
      assertThatThrownBy(() -> Fault.on("mq").amqp().closeConnection(999, "x"))
          .hasMessageStartingWith("AMQP reply code [999] does not close a connection: use one of 320 CONNECTION_FORCED,");
    }

    @Test
    void aHeaderRewriteThatChangesNothingOrMixesInAnErrorsHeaders() {
      assertThatThrownBy(() -> Fault.on("api").http().rewriteResponseHeaders(h -> {}))
          .hasMessage("rewriteResponseHeaders changes nothing: set or remove a header");
      assertThatThrownBy(() -> Fault.on("api").http().responseHeader("Retry-After", "7")
          .rewriteResponseHeaders(h -> h.remove("Retry-After")))
          .hasMessage("responseHeader(...) adds to an injected error, not to the server's response:"
              + " use set(name, value) inside rewriteResponseHeaders");
      assertThatThrownBy(() -> Fault.on("api").http().rewriteResponseHeaders(h -> h.set("X-A", null)))
          .hasMessage("value of response header [X-A] must not be null: use remove(name) to take the header out");
      assertThatThrownBy(() -> Fault.on("api").http().rewriteResponseHeaders(h -> h.remove(" ")))
          .hasMessage("response header name must not be blank");
    }

    @Test
    void goAwayWithoutACodeAndDropExtrasOnAnotherMode() {
      assertThatThrownBy(() -> Fault.on("api").grpc().goAway(null))
          .hasMessage("goaway error code must not be null: use an Http2ErrorCode, e.g. NO_ERROR for a graceful drain");
      assertThatThrownBy(() -> Fault.on("api").http().rstStream(null))
          .hasMessage("rst_stream error code must not be null: use an Http2ErrorCode, e.g. CANCEL");
      assertThatThrownBy(() -> new Action.Drop(DropMode.CLOSE, Map.of("code", "CANCEL")))
          .hasMessage("drop parameters [code] belong to modes goaway and rst_stream only (code = an HTTP/2 error code);"
              + " drop with mode [close] takes none");
      assertThatThrownBy(() -> Http2ErrorCode.of("14")).hasMessageStartingWith("unknown HTTP/2 error code [14]: use a name");
      assertThat(Http2ErrorCode.of(" enhance_your_calm ").code()).isEqualTo(0xb);
      assertThat(Http2ErrorCode.of("13")).isEqualTo(Http2ErrorCode.HTTP_1_1_REQUIRED);
    }

    @Test
    void blankService() {
      assertThatThrownBy(() -> Fault.on(" ")).hasMessage("service must not be blank");
    }

    @Test
    void badSqlState() {
      assertThatThrownBy(() -> Fault.on("db").postgres().error("531", "x"))
          .hasMessage("a SQLSTATE has five characters, was [531]");
    }

    @Test
    void negativeLatencyAndProbability() {
      assertThatThrownBy(() -> Fault.on("db").latency(Duration.ofMillis(-1)))
          .hasMessageContaining("latency must be a non-negative duration");
      assertThatThrownBy(() -> Fault.on("db").redis().probability(1.5))
          .hasMessage("probability must be between 0 and 1, was [1.5]");
    }
  }
}
