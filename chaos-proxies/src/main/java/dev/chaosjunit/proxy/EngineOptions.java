package dev.chaosjunit.proxy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.apiguardian.api.API;

/**
 * How a {@link ProxyEngine} runs.
 *
 * @param seed the run seed every random decision (toxicity, rule probability, jitter) derives from
 * @param bindHost the host proxies listen on when their spec names none
 * @param ioThreads event-loop threads, 0 = Netty's default (2 x cores)
 * @param connectTimeout how long a proxy waits for its upstream before closing the client connection
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record EngineOptions(long seed, String bindHost, int ioThreads, Duration connectTimeout) {

  public EngineOptions {
    if (bindHost == null || bindHost.isBlank()) {
      throw new IllegalArgumentException("bindHost must not be blank; use 127.0.0.1 for loopback");
    }
    if (ioThreads < 0) {
      throw new IllegalArgumentException("ioThreads must be >= 0 (0 = default), was [" + ioThreads + "]");
    }
    if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("connectTimeout must be positive, was [" + connectTimeout + "]");
    }
  }

  /** Loopback, a random seed, default threads, 5 s connect timeout. */
  public static EngineOptions defaults() {
    return new EngineOptions(ThreadLocalRandom.current().nextLong(), "127.0.0.1", 0, Duration.ofSeconds(5));
  }

  /** The same options with another seed. */
  public EngineOptions withSeed(long newSeed) {
    return new EngineOptions(newSeed, bindHost, ioThreads, connectTimeout);
  }

  /** The same options with another default bind host. */
  public EngineOptions withBindHost(String host) {
    return new EngineOptions(seed, host, ioThreads, connectTimeout);
  }

  /** The same options with another number of event-loop threads. */
  public EngineOptions withIoThreads(int threads) {
    return new EngineOptions(seed, bindHost, threads, connectTimeout);
  }

  /** The same options with another upstream connect timeout. */
  public EngineOptions withConnectTimeout(Duration timeout) {
    return new EngineOptions(seed, bindHost, ioThreads, timeout);
  }
}
