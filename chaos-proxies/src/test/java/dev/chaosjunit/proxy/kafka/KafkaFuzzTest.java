package dev.chaosjunit.proxy.kafka;

import static dev.chaosjunit.proxy.kafka.KafkaFrames.header;
import static dev.chaosjunit.proxy.kafka.KafkaFrames.request;
import static dev.chaosjunit.proxy.kafka.KafkaFrames.response;
import static dev.chaosjunit.proxy.kafka.KafkaRequests.ORDERS_ID;
import static dev.chaosjunit.proxy.kafka.KafkaRequests.PROXY;
import static dev.chaosjunit.proxy.kafka.KafkaRequests.metadata;
import static dev.chaosjunit.proxy.kafka.KafkaRequests.produce;
import static dev.chaosjunit.proxy.kafka.KafkaRequests.produced;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.proxy.protocol.ConnectionInfo;
import dev.chaosjunit.proxy.testkit.FuzzInput;
import dev.chaosjunit.proxy.testkit.SeedCorpus;
import dev.chaosjunit.proxy.testkit.SessionFuzzer;
import dev.chaosjunit.proxy.testkit.SessionFuzzer.RelayCheck;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.requests.RequestHeader;
import org.junit.jupiter.api.Test;

/**
 * The Kafka session under any bytes, both ways, with and without a rule that fires (see {@link
 * SessionFuzzer}), on requests and on responses. With no rule it relays the client's bytes byte for byte, and the server's too unless the
 * client asked for a response the proxy rewrites by design (broker addresses in Metadata, FindCoordinator and
 * DescribeCluster, leader hints in Produce, Fetch, ShareFetch and ShareAcknowledge).
 */
class KafkaFuzzTest {

  private static final Set<Short> REWRITTEN = Set.of(ApiKeys.METADATA.id, ApiKeys.FIND_COORDINATOR.id,
      ApiKeys.DESCRIBE_CLUSTER.id, ApiKeys.PRODUCE.id, ApiKeys.FETCH.id, ApiKeys.SHARE_FETCH.id,
      ApiKeys.SHARE_ACKNOWLEDGE.id);

  private static final KafkaInspector INSPECTOR = new KafkaInspector();
  private static final SessionFuzzer FUZZER = SessionFuzzer.of(INSPECTOR,
          () -> INSPECTOR.open(new ConnectionInfo("fuzz", 1, null, null, PROXY)))
      .ruleSet(rule(Direction.UPSTREAM, Map.of("topic", "orders"), Action.Error.of("NOT_LEADER_OR_FOLLOWER", "")))
      .ruleSet(rule(Direction.UPSTREAM, Map.of("api", "Produce"), Action.Error.of("REQUEST_TIMED_OUT", "")),
          rule(Direction.UPSTREAM, Map.of("api", "*"), new Action.Delay(Duration.ofMillis(5))))
      .ruleSet(rule(Direction.UPSTREAM, Map.of("api", "Metadata"), new Action.Drop(DropMode.CLOSE)),
          rule(Direction.UPSTREAM, Map.of("topic", "**"), new Action.Drop(DropMode.RESET)))
      .ruleSet(rule(Direction.DOWNSTREAM, Map.of("topic", "orders"), Action.Error.of("NOT_LEADER_OR_FOLLOWER", "")),
          rule(Direction.DOWNSTREAM, Map.of("api", "Fetch"), new Action.Delay(Duration.ofMillis(5))))
      .relayCheck(KafkaFuzzTest::relaysAllButRewrittenResponses);

  private static Rule rule(Direction direction, Map<String, String> match, Action action) {
    return new Rule("r", "", direction, match, action, 1, 0, 0);
  }

  @FuzzTest
  void session(byte[] input) throws Exception {
    FUZZER.run(input);
  }

  private static void relaysAllButRewrittenResponses(byte[] fromClient, byte[] fromServer, byte[] toServer, byte[] toClient) {
    RelayCheck.assertRelayed(toServer, fromClient, "to the server");
    ByteBuffer requests = ByteBuffer.wrap(fromClient);
    while (requests.remaining() >= 6) {
      int size = requests.getInt(requests.position());
      if (REWRITTEN.contains(requests.getShort(requests.position() + 4))) {
        return;
      }
      if (size < 0 || size > requests.remaining() - 4) {
        break;
      }
      requests.position(requests.position() + 4 + size);
    }
    RelayCheck.assertRelayed(toClient, fromServer, "to the client (no response to rewrite)");
  }

  @Test
  void seedsAreInTheCorpus() throws Exception {
    RequestHeader metadataV12 = header(ApiKeys.METADATA, (short) 12, 1);
    RequestHeader produceV9 = header(ApiKeys.PRODUCE, (short) 9, 2);
    RequestHeader produceV13 = header(ApiKeys.PRODUCE, (short) 13, 3);
    byte[] metadataRequest = request(metadataV12, new MetadataRequestData().setTopics(null));
    byte[] metadataResponse = response(metadataV12, metadata("kafka", 9092));
    byte[] produce = request(produceV9, produce("orders", null, (short) 1));
    byte[] produced = response(produceV9, produced("orders", null, 42));
    byte[] produceById = request(produceV13, produce("orders", ORDERS_ID, (short) -1));
    byte[] producedById = response(produceV13, produced("orders", ORDERS_ID, 43));
    SeedCorpus.check(getClass(), "session", Map.of(
        "metadata", FuzzInput.seed(0).client(metadataRequest, 9).server(metadataResponse, 31).bytes(),
        "produce", FuzzInput.seed(0).client(produce).server(produced).bytes(),
        "produce-not-leader", FuzzInput.seed(1).client(metadataRequest).server(metadataResponse).client(produceById)
            .server(producedById).bytes(),
        "produce-timed-out", FuzzInput.seed(2).client(produce, 10).client(produceById).server(produced)
            .server(producedById).bytes(),
        "metadata-drop", FuzzInput.seed(3).client(produce).server(produced).client(metadataRequest).bytes(),
        "produce-response-not-leader", FuzzInput.seed(4).client(produce).client(produceById, 7).server(produced)
            .server(producedById, 11).bytes()));
  }
}
