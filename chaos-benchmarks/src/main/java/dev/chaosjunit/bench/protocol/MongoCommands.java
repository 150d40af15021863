package dev.chaosjunit.bench.protocol;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.chaosjunit.bench.Figure;
import dev.chaosjunit.bench.Workload;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;
import org.bson.Document;

/**
 * MongoDB commands per second: {@code threads} threads sharing one mongodb-driver-sync client, each inserting
 * a small document and reading it back by {@code _id} until the duration ends, against mongo-java-server in
 * this JVM (no mongod runs on the build machines). The figure counts commands (an insert and a find per loop).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class MongoCommands implements Workload {

  private final int threads;
  private final Duration duration;

  public MongoCommands(int threads, Duration duration) {
    this.threads = threads;
    this.duration = duration;
  }

  @Override
  public String protocol() {
    return "mongodb";
  }

  /** mongo-java-server with its memory backend, reporting MongoDB 5.0. */
  @Override
  public Server startServer() {
    MongoServer server = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
    return new InJvmServer(server, server.bind());
  }

  /** mongo-java-server listening on {@code address}; closing shuts it down. */
  private record InJvmServer(MongoServer server, InetSocketAddress address) implements Server {
    @Override
    public void close() {
      server.shutdownNow();
    }
  }

  @Override
  public List<Figure> run(InetSocketAddress address) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
      MongoCollection<Document> orders = client.getDatabase("bench").getCollection("orders");
      orders.deleteMany(new Document());
      AtomicLong ids = new AtomicLong();
      long start = System.nanoTime();
      long end = start + duration.toNanos();
      List<Future<Long>> loops = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        loops.add(pool.submit(() -> {
          long commands = 0;
          while (System.nanoTime() < end) {
            long id = ids.incrementAndGet();
            orders.insertOne(new Document("_id", id).append("item", "book"));
            orders.find(new Document("_id", id)).first();
            commands += 2;
          }
          return commands;
        }));
      }
      long commands = 0;
      for (Future<Long> loop : loops) {
        commands += loop.get();
      }
      return List.of(Figure.rate("MongoDB insert + find", "commands/s", commands, System.nanoTime() - start));
    } finally {
      pool.shutdownNow();
    }
  }
}
