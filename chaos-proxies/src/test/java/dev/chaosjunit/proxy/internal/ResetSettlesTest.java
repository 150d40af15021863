package dev.chaosjunit.proxy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.fault.Direction;
import dev.chaosjunit.fault.Toxic;
import dev.chaosjunit.fault.ToxicType;
import dev.chaosjunit.proxy.EngineOptions;
import dev.chaosjunit.proxy.Proxy;
import dev.chaosjunit.proxy.ProxyEngine;
import dev.chaosjunit.proxy.ProxyEvent;
import dev.chaosjunit.proxy.ProxySpec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code reset(seed)} lets the event loops handle what they already received first: a client's last bytes,
 * sent before the reset while its event loop was busy, pass before the next faults and draw nothing.
 */
class ResetSettlesTest {

  @Test
  void aBusyLoopsPendingBytesPassBeforeTheNextFaults() throws Exception {
    try (ServerSocket sink = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        ProxyEngine engine = ProxyEngine.start(EngineOptions.defaults().withSeed(1).withIoThreads(1))) {
      daemon(() -> drain(sink));
      Proxy proxy = engine.create(ProxySpec.of("sink", "127.0.0.1:" + sink.getLocalPort()));
      List<ProxyEvent> drawn = new CopyOnWriteArrayList<>();
      engine.events().subscribe(e -> {
        if (e instanceof ProxyEvent.FaultDrew) {
          drawn.add(e);
        }
      });
      for (int round = 0; round < 3; round++) {
        Socket client = new Socket(proxy.listenAddress().getAddress(), proxy.listenAddress().getPort());
        OutputStream out = client.getOutputStream();
        out.write("hello\n".getBytes(StandardCharsets.UTF_8));
        Thread.sleep(100);
        CountDownLatch release = new CountDownLatch(1);
        ((DefaultProxyEngine) engine).group().next().execute(() -> await(release));
        out.write("last words\n".getBytes(StandardCharsets.UTF_8));
        client.close();
        daemon(() -> {
          sleep(150);
          release.countDown();
        });
        engine.reset(round);
        proxy.addToxic(Toxic.of(ToxicType.LATENCY, Direction.UPSTREAM, Map.of("latency", 0L, "jitter", 1L))
            .named("next"));
        Thread.sleep(300);
        proxy.removeToxic("next");
      }
      assertThat(drawn).as("a closed client's last bytes met the faults added after the reset").isEmpty();
    }
  }

  private static void drain(ServerSocket sink) {
    try {
      while (true) {
        Socket s = sink.accept();
        daemon(() -> {
          try (s) {
            s.getInputStream().transferTo(OutputStream.nullOutputStream());
          } catch (IOException e) {
            // the connection ended
          }
        });
      }
    } catch (IOException e) {
      // the sink closed
    }
  }

  private static void daemon(Runnable task) {
    Thread thread = new Thread(task);
    thread.setDaemon(true);
    thread.start();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
