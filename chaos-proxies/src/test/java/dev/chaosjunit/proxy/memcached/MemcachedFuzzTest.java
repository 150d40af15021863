package dev.chaosjunit.proxy.memcached;

import static dev.chaosjunit.proxy.memcached.MemcachedSessionTest.MISS;
import static dev.chaosjunit.proxy.memcached.MemcachedSessionTest.NOT_STORED;
import static dev.chaosjunit.proxy.memcached.MemcachedSessionTest.OUT_OF_MEMORY;
import static dev.chaosjunit.proxy.memcached.MemcachedSessionTest.rule;
import static dev.chaosjunit.proxy.memcached.MemcachedSessionTest.set;
import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.chaosjunit.fault.Action;
import dev.chaosjunit.fault.DropMode;
import dev.chaosjunit.proxy.testkit.FuzzInput;
import dev.chaosjunit.proxy.testkit.SeedCorpus;
import dev.chaosjunit.proxy.testkit.SessionFuzzer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Memcached session under any bytes, both ways, with and without rules that answer, miss, delay or
 * close (see {@link SessionFuzzer}). With no rule it relays byte for byte.
 */
class MemcachedFuzzTest {

  private static final SessionFuzzer FUZZER = SessionFuzzer.of(new MemcachedInspector())
      .ruleSet(rule(null, "session:*", OUT_OF_MEMORY))
      .ruleSet(rule("g*", "session:*", MISS), rule("mg", null, MISS), rule("set", null, new Action.Delay(Duration.ofMillis(5))))
      .ruleSet(rule("add", null, NOT_STORED), rule("ms", "k*", NOT_STORED), rule("delete", null, new Action.Drop(DropMode.CLOSE)));

  @FuzzTest
  void session(byte[] input) throws Exception {
    FUZZER.run(input);
  }

  @Test
  void seedsAreInTheCorpus() throws Exception {
    byte[] client = bytes(set("set", "session:1", "a\r\nMN\r\n") + set("add", "user:1", "b", "noreply") + "get user:1 session:1\r\n"
        + "gats 10 session:2 x\r\n" + "mg session:1 v k O9 q\r\n" + "ms k1 2 T0 q\r\nhi\r\n" + "md k1\r\n" + "incr n 2\r\n"
        + "delete user:1 noreply\r\n" + "mn\r\n" + "version\r\n");
    byte[] server = bytes("STORED\r\n" + "VALUE user:1 0 1\r\nb\r\nEND\r\n" + "VALUE x 0 2 9\r\nMN\r\nEND\r\n" + "VA 1 ksession:1 O9\r\na\r\n"
        + "HD\r\n" + "NF\r\n" + "3\r\n" + "MN\r\n" + "MN\r\n" + "VERSION 1.6.18\r\n");
    SeedCorpus.check(getClass(), "session", Map.of(
        "pipeline", FuzzInput.seed(0).client(client, 11).server(server, 7).bytes(),
        "server-errors", FuzzInput.seed(1).client(client).server(server).bytes(),
        "misses-and-delays", FuzzInput.seed(2).client(client, 5).server(server).bytes(),
        "not-stored-and-close", FuzzInput.seed(3).client(client).server(server, 3).bytes()));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(ISO_8859_1);
  }
}
