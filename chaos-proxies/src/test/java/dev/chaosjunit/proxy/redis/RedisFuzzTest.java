package dev.chaosjunit.proxy.redis;

import static dev.chaosjunit.proxy.redis.RedisSessionTest.cmd;
import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.fault.Rule;
import dev.chaosjunit.proxy.testkit.FuzzInput;
import dev.chaosjunit.proxy.testkit.SeedCorpus;
import dev.chaosjunit.proxy.testkit.SessionFuzzer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Redis session under any bytes, both ways, with and without a rule that fires (see {@link SessionFuzzer}). */
class RedisFuzzTest {

  private static final SessionFuzzer FUZZER = SessionFuzzer.of(new RedisInspector())
      .ruleSet(rule("*", Action.Error.of("READONLY", "You can't write against a read only replica.")))
      .ruleSet(rule("GET", new Action.Respond(Map.of("value", "nil"))), rule("*", new Action.Delay(Duration.ofMillis(5))))
      .ruleSet(rule("SET", new Action.Drop(DropMode.CLOSE)), rule("*", Action.Error.of("MOVED", "3999 127.0.0.1:6381")));

  private static Rule rule(String command, Action action) {
    return new Rule("r-" + command, "", Direction.UPSTREAM, Map.of("command", command), action, 1, 0, 0);
  }

  @FuzzTest
  void session(byte[] input) throws Exception {
    FUZZER.run(input);
  }

  @Test
  void seedsAreInTheCorpus() throws Exception {
    byte[] pipeline = bytes(cmd("SET", "k", "v") + cmd("GET", "k") + cmd("MGET", "a", "b") + "PING\r\n");
    byte[] replies = bytes("+OK\r\n$1\r\nv\r\n*2\r\n$1\r\n1\r\n$-1\r\n+PONG\r\n");
    byte[] transaction = bytes(cmd("MULTI") + cmd("INCR", "n") + cmd("EXEC"));
    byte[] queued = bytes("+OK\r\n+QUEUED\r\n*1\r\n:1\r\n");
    byte[] subscribe = bytes(cmd("HELLO", "3") + cmd("SUBSCRIBE", "news"));
    byte[] pushes = bytes("%1\r\n$6\r\nserver\r\n$5\r\nredis\r\n>3\r\n$9\r\nsubscribe\r\n$4\r\nnews\r\n:1\r\n"
        + ">3\r\n$7\r\nmessage\r\n$4\r\nnews\r\n$2\r\nhi\r\n");
    SeedCorpus.check(getClass(), "session", Map.of(
        "pipeline", FuzzInput.seed(0).client(pipeline).server(replies).bytes(),
        "pipeline-fragments", FuzzInput.seed(0).client(pipeline, 3).server(replies, 2).bytes(),
        "pipeline-readonly", FuzzInput.seed(1).client(pipeline).server(replies).bytes(),
        "pipeline-respond", FuzzInput.seed(2).client(pipeline, 5).server(replies).bytes(),
        "transaction-moved", FuzzInput.seed(3).client(transaction).server(queued).bytes(),
        "transaction", FuzzInput.seed(0).client(transaction).server(queued, 1).bytes(),
        "resp3-push", FuzzInput.seed(0).client(subscribe).server(pushes).bytes(),
        "inline", FuzzInput.seed(1).client(bytes("PING\r\nGET k\r\n")).server(bytes("+PONG\r\n$-1\r\n")).bytes()));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(ISO_8859_1);
  }
}
