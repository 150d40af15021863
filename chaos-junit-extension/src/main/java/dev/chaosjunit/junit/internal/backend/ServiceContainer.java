package dev.chaosjunit.junit.internal.backend;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import dev.chaosjunit.junit.internal.plan.ServiceImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.ContainerState;
import com.github.dockerjava.api.command.InspectContainerResponse;

/**
 * The container of one chaos service, as the primitives act on it through the Docker API: the same
 * container (same file system, same data) is killed and started again, paused, or its disk filled.
 */
final class ServiceContainer {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final String FILL_FILE = ".chaos-disk-full";
  private static final int FREEZE_ATTEMPTS = 5;
  private static final Duration FREEZE_BACKOFF = Duration.ofMillis(200);

  private final ContainerState container;
  private final int containerPort;
  private final Optional<ServiceImage> image;

  ServiceContainer(ContainerState container, int containerPort) {
    this.container = container;
    this.containerPort = containerPort;
    this.image = container instanceof Container<?> c ? ServiceImage.of(c.getDockerImageName()) : Optional.empty();
  }

  void kill() {
    docker().killContainerCmd(container.getContainerId()).withSignal("SIGKILL").exec();
  }

  /** Starts the killed container again and waits until it serves; returns its new {@code host:port}. */
  String start() throws InterruptedException {
    long readyBefore = image.map(i -> occurrences(i.readyLog())).orElse(0L);
    docker().startContainerCmd(container.getContainerId()).exec();
    InetSocketAddress address = new InetSocketAddress(container.getHost(), mappedPort());
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (!ready(readyBefore, address)) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("the container of " + this + " did not serve again within "
            + START_TIMEOUT.toSeconds() + " s after its start; its log ends with: " + tail());
      }
      Thread.sleep(100);
    }
    return address.getHostString() + ":" + address.getPort();
  }

  /** The container's addresses on its Docker networks: the source address of the connections it opens. */
  Set<String> addresses() {
    Set<String> addresses = new TreeSet<>();
    docker().inspectContainerCmd(container.getContainerId()).exec().getNetworkSettings().getNetworks().values()
        .stream().map(ContainerNetwork::getIpAddress).filter(ip -> ip != null && !ip.isEmpty()).forEach(addresses::add);
    if (addresses.isEmpty()) {
      throw new IllegalStateException("the container of " + this + " has no address on a Docker network: the"
          + " proxies cannot tell its connections from others'");
    }
    return addresses;
  }

  /**
   * Pauses the container; returns how it went when it took more than one attempt (else empty), for the
   * primitive's event.
   */
  String pause() throws InterruptedException {
    return retryFreeze(() -> docker().pauseContainerCmd(container.getContainerId()).exec(), FREEZE_ATTEMPTS,
        FREEZE_BACKOFF);
  }

  /**
   * Runs {@code pause}, again up to {@code attempts} times in all while the runtime answers that it could not
   * freeze the container's processes (runc's "unable to freeze": the cgroup freezer did not settle in time,
   * seen twice in 10,013 cells at load average 20; runc thaws the container again when it happens, so a new
   * attempt is safe). Any other error, or the last attempt's, is thrown.
   */
  static String retryFreeze(Runnable pause, int attempts, Duration backoff) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        pause.run();
        return attempt == 1 ? "" : "paused at attempt " + attempt + ": the runtime could not freeze it before";
      } catch (InternalServerErrorException e) {
        if (attempt >= attempts || e.getMessage() == null || !e.getMessage().contains("unable to freeze")) {
          throw e;
        }
        Thread.sleep(backoff.toMillis() * attempt);
      }
    }
  }

  void unpause() {
    docker().unpauseContainerCmd(container.getContainerId()).exec();
  }

  /** Writes zeros into the data directory until the file system is full. */
  void fill() throws IOException, InterruptedException {
    String dir = dataPath();
    shell("cat /dev/zero > " + dir + "/" + FILL_FILE + " 2>/dev/null; sync; test \"$(stat -f -c %a " + dir
        + ")\" = 0", "fill " + dir);
  }

  void free() throws IOException, InterruptedException {
    shell("rm -f " + dataPath() + "/" + FILL_FILE, "free " + dataPath());
  }

  /** How often the service logged that a write to its data directory failed for lack of room. */
  long diskFullReports() {
    return image.map(i -> i.diskFullLogs().stream().mapToLong(this::occurrences).sum()).orElse(0L);
  }

  /** How often the container's log (all its runs) holds {@code text}. */
  private long occurrences(String text) {
    String logs = container.getLogs();
    long count = 0;
    for (int at = logs.indexOf(text); at >= 0; at = logs.indexOf(text, at + text.length())) {
      count++;
    }
    return count;
  }

  /**
   * Whether the service logged that it is ready (when its image is known) and its published port holds a
   * connection: the log can come first (a PostgreSQL restarted after a kill logged its readiness while its
   * published port still refused connections for 0.7 s).
   */
  private boolean ready(long readyBefore, InetSocketAddress address) {
    return image.map(i -> occurrences(i.readyLog()) > readyBefore).orElse(true) && holdsConnection(address);
  }

  /**
   * Whether a connection to {@code address} is accepted and kept: Docker's port forwarder accepts
   * connections before the server listens, then closes them at once.
   */
  static boolean holdsConnection(InetSocketAddress address) {
    try (Socket socket = new Socket()) {
      socket.connect(address, 500);
      socket.setSoTimeout(200);
      try (InputStream in = socket.getInputStream()) {
        return in.read() >= 0;
      } catch (SocketTimeoutException silent) {
        return true;
      }
    } catch (IOException notYet) {
      return false;
    }
  }

  /**
   * Why the container of {@code service} does not serve behind its proxy, whose upstream is {@code upstream}:
   * it is not running, paused, or published elsewhere; empty when it does.
   */
  Optional<String> notServing(String service, String upstream) {
    InspectContainerResponse info = docker().inspectContainerCmd(container.getContainerId()).exec();
    InspectContainerResponse.ContainerState state = info.getState();
    if (!Boolean.TRUE.equals(state.getRunning())) {
      return Optional.of("the container of service " + service + " is not running (" + state.getStatus() + ")");
    }
    if (Boolean.TRUE.equals(state.getPaused())) {
      return Optional.of("the container of service " + service + " is still paused");
    }
    String address = container.getHost() + ":" + mappedPort(info);
    return address.equals(upstream) ? Optional.empty() : Optional.of("proxy " + service + " points at " + upstream
        + ", but its container serves at " + address);
  }

  private int mappedPort() {
    return mappedPort(docker().inspectContainerCmd(container.getContainerId()).exec());
  }

  private int mappedPort(InspectContainerResponse info) {
    Ports.Binding[] bindings = info.getNetworkSettings()
        .getPorts().getBindings().get(ExposedPort.tcp(containerPort));
    if (bindings == null || bindings.length == 0) {
      throw new IllegalStateException("the container of " + this + " publishes no host port for " + containerPort
          + " after its start");
    }
    return Integer.parseInt(bindings[0].getHostPortSpec());
  }

  private void shell(String command, String what) throws IOException, InterruptedException {
    Container.ExecResult result = container.execInContainer("sh", "-c", command);
    if (result.getExitCode() != 0) {
      throw new IllegalStateException("could not " + what + " in the container of " + this + " (exit "
          + result.getExitCode() + "): " + result.getStderr());
    }
  }

  private String dataPath() {
    return image.orElseThrow(() -> new IllegalStateException("no known data directory for " + this)).dataPath();
  }

  /** The last 300 characters of the container's log, on one line. */
  String tail() {
    String logs = container.getLogs().strip();
    return logs.substring(Math.max(0, logs.length() - 300)).replace('\n', ' ');
  }

  private DockerClient docker() {
    return container.getDockerClient();
  }

  @Override
  public String toString() {
    return "[" + container.getContainerId().substring(0, 12) + "]" + image.map(i -> " (" + i.repository() + ")")
        .orElse("");
  }
}
