package dev.chaosjunit.junit.e2e;

import static dev.chaosjunit.junit.Expectation.ERROR;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.chaosjunit.fault.Fault;
import dev.chaosjunit.junit.Cell;
import dev.chaosjunit.junit.Chaos;
import dev.chaosjunit.junit.ChaosProtocol;
import dev.chaosjunit.junit.ChaosTest;
import dev.chaosjunit.junit.ChaosTopology;
import dev.chaosjunit.junit.Expect;
import dev.chaosjunit.junit.FaultAssumption;
import dev.chaosjunit.junit.FaultMatrix;
import dev.chaosjunit.junit.ProxyEndpoint;
import dev.chaosjunit.junit.Scenario;
import dev.chaosjunit.junit.support.Fixtures;
import dev.chaosjunit.junit.support.TestFixture;
import java.net.InetSocketAddress;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * A MongoDB rule through the extension, against mongo-java-server (an in-JVM server; no mongod can be
 * installed here) declared as an address: an insert sees the command error mongod's failCommand would send.
 */
class MongoRulesTest {

  @Test
  void anInsertFailsWithTheCommandErrorAskedFor() {
    EngineExecutionResults results = Fixtures.run(Inserts.class, Map.of("chaos.seed", "5"));

    Fixtures.assertNoContainerFailed(results);
    assertThat(Fixtures.failures(results)).isEmpty();
    assertThat(Fixtures.started(results)).containsExactly("insert × no fault", "insert × quiesce");
  }

  @TestFixture
  @ChaosTest
  static class Inserts {
    static final MongoServer server = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
    @Chaos(value = "db", protocol = ChaosProtocol.MONGODB) static InetSocketAddress db = server.bind();

    @FaultAssumption static Fault quiesce = Fault.on("db").mongo().command("insert").collection("orders")
        .errorLabels("RetryableWriteError").errorCode(91, "ShutdownInProgress", "The server is in quiesce mode");

    static MongoClient client;
    static MongoCollection<Document> orders;
    static int next;

    @BeforeAll
    static void connect(ChaosTopology topology) {
      ProxyEndpoint proxy = topology.proxy("db");
      client = MongoClients.create("mongodb://" + proxy.host() + ":" + proxy.port() + "/?serverSelectionTimeoutMS=5000");
      orders = client.getDatabase("shop").getCollection("orders");
    }

    @AfterAll
    static void close() {
      client.close();
      server.shutdownNow();
    }

    @Scenario
    Object insert() {
      return orders.insertOne(new Document("_id", ++next)).getInsertedId();
    }

    @FaultMatrix
    @Expect(scenario = "insert", fault = "quiesce", value = ERROR, within = "5s")
    void rules(Cell cell) {
      if (cell.name().equals("insert × quiesce")) {
        assertThat(cell.outcome().error()).isInstanceOfSatisfying(MongoCommandException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo(91);
          assertThat(e.getErrorCodeName()).isEqualTo("ShutdownInProgress");
          assertThat(e.hasErrorLabel("RetryableWriteError")).isTrue();
        });
        assertThat(cell.totalFirings()).isEqualTo(1);
      }
    }
  }
}
