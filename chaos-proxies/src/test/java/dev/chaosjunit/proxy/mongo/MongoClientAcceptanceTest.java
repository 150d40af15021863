package dev.chaosjunit.proxy.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoWriteConcernException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.proxy.Proxy;
import dev.chaosjunit.proxy.ProxyEngine;
import dev.chaosjunit.proxy.ProxySpec;
import dev.chaosjunit.proxy.testkit.TrafficRecorder;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * mongodb-driver-sync against mongo-java-server (an in-JVM server speaking the wire protocol; no mongod can be
 * installed here) through the proxy engine: what an application sees for each MongoDB fault. {@code orders}
 * goes through the proxy; {@code direct} talks to the server itself and so shows what was written.
 * mongo-java-server presents itself as a standalone server without sessions, so the driver never retries
 * writes (retryable writes need a replica set); reads it retries once, as against a real standalone mongod.
 * It closes the connection on an OP_MSG with {@code moreToCome} (an unacknowledged write), so w:0 is covered by
 * {@link MongoSessionTest} only.
 */
class MongoClientAcceptanceTest {

  static MongoServer server;
  static InetSocketAddress serverAddress;
  static ProxyEngine engine;
  static MongoClient directClient;
  Proxy relay;
  MongoClient client;
  MongoCollection<Document> orders;
  MongoCollection<Document> direct;

  @BeforeAll
  static void startServer() {
    server = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
    serverAddress = server.bind();
    engine = ProxyEngine.start();
    directClient = MongoClients.create(settings(serverAddress.getPort(), b -> { }));
  }

  @AfterAll
  static void stopServer() {
    directClient.close();
    engine.close();
    server.shutdownNow();
  }

  @BeforeEach
  void connect() {
    relay = engine.create(ProxySpec.of("db", "127.0.0.1:" + serverAddress.getPort()).withProtocol("mongodb"));
    client = MongoClients.create(settings(relay.listenAddress().getPort(), b -> { }));
    orders = client.getDatabase("shop").getCollection("orders");
    direct = directClient.getDatabase("shop").getCollection("orders");
    direct.deleteMany(new Document());
  }

  @AfterEach
  void disconnect() {
    client.close();
    engine.remove(relay.name());
  }

  static MongoClientSettings settings(int port, Consumer<MongoClientSettings.Builder> extra) {
    MongoClientSettings.Builder builder = MongoClientSettings.builder()
        .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port))
        .applyToClusterSettings(b -> b.serverSelectionTimeout(5, TimeUnit.SECONDS))
        .applyToSocketSettings(b -> b.connectTimeout(5, TimeUnit.SECONDS).readTimeout(5, TimeUnit.SECONDS));
    extra.accept(builder);
    return builder.build();
  }

  static List<Object> ids(MongoCollection<Document> collection) {
    return collection.find().map(d -> d.get("_id")).into(new ArrayList<>());
  }

  static Rule rule(Fault fault, String name) {
    return (Rule) fault.named(name).effects().get(0).effect();
  }

  @Test
  void trafficNoRuleMatchesReachesEachSideByteForByte() throws Exception {
    try (TrafficRecorder serverSide = TrafficRecorder.to(serverAddress)) {
      Proxy tapped = engine.create(ProxySpec.of("tapped", "127.0.0.1:" + serverSide.port()).withProtocol("mongodb"));
      tapped.addRule(rule(Fault.on("db").mongo().command("*").collection("no-such-collection")
          .errorCode(91, "ShutdownInProgress", ""), "never"));
      try (TrafficRecorder clientSide = TrafficRecorder.to(tapped.listenAddress())) {
        try (MongoClient tappedClient = MongoClients.create(settings(clientSide.port(),
            b -> b.applyToServerSettings(s -> s.heartbeatFrequency(1, TimeUnit.MINUTES))))) {
          MongoCollection<Document> tappedOrders = tappedClient.getDatabase("shop").getCollection("orders");
          tappedOrders.insertMany(List.of(new Document("_id", 1).append("n", 1), new Document("_id", 2).append("n", 2)));
          tappedOrders.updateOne(new Document("_id", 1), new Document("$inc", new Document("n", 5)));
          tappedOrders.insertOne(new Document("_id", 3));
          assertThat(tappedOrders.find(new Document("n", new Document("$gt", 1))).into(new ArrayList<>())).hasSize(2);
          tappedOrders.deleteOne(new Document("_id", 2));
          assertThat(tappedOrders.countDocuments()).isEqualTo(2);
        }
        assertThat(clientSide.conversations()).as("what the client sent and received")
            .hasSizeGreaterThanOrEqualTo(2).containsExactlyInAnyOrderElementsOf(serverSide.conversations());
      } finally {
        engine.remove(tapped.name());
      }
    }
  }

  @Test
  void aCommandErrorReachesTheDriverWithItsCodeCodeNameAndLabel() {
    relay.addRule(rule(Fault.on("db").mongo().command("insert").collection("orders").errorLabels("RetryableWriteError")
        .errorCode(91, "ShutdownInProgress", "The server is in quiesce mode and will shut down"), "quiesce"));

    assertThatThrownBy(() -> orders.insertOne(new Document("_id", 1)))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(91);
          assertThat(e.getErrorCodeName()).isEqualTo("ShutdownInProgress");
          assertThat(e.getErrorMessage()).isEqualTo("The server is in quiesce mode and will shut down");
          assertThat(e.hasErrorLabel("RetryableWriteError")).isTrue();
        });
    assertThat(direct.countDocuments()).as("the failed insert never reached the server").isZero();
    assertThat(orders.find().first()).as("the connection stays usable").isNull();
  }

  /**
   * mongo-java-server knows {@code isMaster} but not {@code hello}, so the driver stays on the legacy OP_QUERY
   * handshake and monitoring with it, which rules never see; {@link MongoSessionTest} shows the OP_MSG hello left
   * alone by a wildcard.
   */
  @Test
  void aWildcardCommandFailsEveryCommandOnEveryDatabase() {
    relay.addRule(rule(Fault.on("db").mongo().command("*").errorCode(13, "Unauthorized", "not allowed"), "all"));

    assertThatThrownBy(() -> orders.find().first())
        .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(13));
    assertThatThrownBy(() -> client.getDatabase("admin").runCommand(new Document("ping", 1)))
        .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(13));
  }

  @Test
  void aDuplicateKeyWriteErrorIsAMongoWriteExceptionAndNothingIsWritten() {
    relay.addRule(rule(Fault.on("db").mongo().command("insert").collection("orders")
        .writeError(11000, "E11000 duplicate key error collection: shop.orders index: _id_ dup key: { _id: 1 }"), "dup"));

    assertThatThrownBy(() -> orders.insertOne(new Document("_id", 1)))
        .isInstanceOfSatisfying(MongoWriteException.class, e -> {
          assertThat(e.getError().getCode()).isEqualTo(11000);
          assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY);
          assertThat(e.getError().getMessage()).startsWith("E11000 duplicate key error");
        });
    assertThat(direct.countDocuments()).isZero();
  }

  @Test
  void aWriteConcernErrorReachesTheDriverAfterTheWriteHappened() {
    relay.addRule(rule(Fault.on("db").mongo().command("insert")
        .writeConcernError(64, "WriteConcernFailed", "waiting for replication timed out"), "wce"));

    assertThatThrownBy(() -> orders.insertOne(new Document("_id", 1)))
        .isInstanceOfSatisfying(MongoWriteConcernException.class, e -> {
          assertThat(e.getWriteConcernError().getCode()).isEqualTo(64);
          assertThat(e.getWriteConcernError().getCodeName()).isEqualTo("WriteConcernFailed");
          assertThat(e.getWriteConcernError().getMessage()).isEqualTo("waiting for replication timed out");
        });
    assertThat(direct.countDocuments()).as("the write itself was carried out").isEqualTo(1);
  }

  @Test
  void aBlockedConnectionDelaysTheCommand() {
    orders.insertOne(new Document("_id", 1));
    relay.addRule(rule(Fault.on("db").mongo().command("find").collection("orders")
        .blockConnection(Duration.ofMillis(700)), "slow"));

    long start = System.nanoTime();
    assertThat(orders.find().first()).isEqualTo(new Document("_id", 1));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
  }

  @Test
  void aClosedConnectionFailsTheWriteAndTheNextSucceedsOnANewConnection() {
    relay.addRule(rule(Fault.on("db").mongo().command("insert").times(1).closeConnection(), "cut"));

    assertThatThrownBy(() -> orders.insertOne(new Document("_id", 1))).isInstanceOf(MongoSocketReadException.class);
    long accepted = relay.stats().connectionsAccepted();
    orders.insertOne(new Document("_id", 2));
    assertThat(ids(direct)).containsExactly(2);
    assertThat(relay.stats().connectionsAccepted()).as("the second insert went over a new connection").isGreaterThan(accepted);
  }

  @Test
  void aReadIsRetriedOnceAfterAClosedConnection() {
    orders.insertOne(new Document("_id", 1));
    relay.addRule(rule(Fault.on("db").mongo().command("find").times(1).closeConnection(), "cut"));
    long accepted = relay.stats().connectionsAccepted();

    assertThat(orders.find().first()).isEqualTo(new Document("_id", 1));
    assertThat(relay.ruleCounters("cut").fired()).isEqualTo(1);
    assertThat(relay.stats().connectionsAccepted()).as("the retry went over a new connection").isGreaterThan(accepted);
  }
}
