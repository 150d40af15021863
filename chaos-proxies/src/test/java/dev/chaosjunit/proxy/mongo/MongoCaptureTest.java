package dev.chaosjunit.proxy.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.chaosjunit.proxy.testkit.CapturedSeeds;
import dev.chaosjunit.proxy.testkit.TrafficRecorder;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Captures mongodb-driver-sync's traffic (the handshake, monitoring, inserts, an update, a query, a delete) with
 * mongo-java-server, an in-JVM server speaking the wire protocol (no MongoDB server can be installed here), as
 * seeds of {@link MongoFuzzTest} (see {@link CapturedSeeds}).
 */
@Tag("capture")
class MongoCaptureTest {

  @Test
  void driverSync() throws Exception {
    MongoServer server = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
    InetSocketAddress address = server.bind();
    try (TrafficRecorder recorder = TrafficRecorder.to(address)) {
      try (MongoClient client = MongoClients.create(MongoClientAcceptanceTest.settings(recorder.port(), b -> { }))) {
        MongoCollection<Document> orders = client.getDatabase("shop").getCollection("orders");
        orders.insertMany(List.of(new Document("_id", 1).append("n", 1), new Document("_id", 2).append("n", 2)));
        orders.updateOne(new Document("_id", 1), new Document("$inc", new Document("n", 5)));
        assertThat(orders.find(new Document("n", new Document("$gt", 1))).into(new ArrayList<>())).hasSize(2);
        orders.deleteOne(new Document("_id", 2));
        assertThat(orders.countDocuments()).isEqualTo(1);
      }
      assertThat(CapturedSeeds.save(MongoFuzzTest.class, "session", "driver-sync", recorder, new MongoFuzzTest()::session))
          .isPositive();
    } finally {
      server.shutdownNow();
    }
  }
}
