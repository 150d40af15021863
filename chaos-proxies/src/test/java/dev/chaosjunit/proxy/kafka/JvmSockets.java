package dev.chaosjunit.proxy.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP connections this JVM holds, read from Linux's {@code /proc}: the sockets among this process's
 * file descriptors, matched against the kernel's connection tables. Lets a test see every connection to
 * a port, whoever in the JVM opened it (client library or proxy).
 */
final class JvmSockets {

  private static final String ESTABLISHED = "01";

  private JvmSockets() {}

  /** How many established connections of this JVM go to one of {@code remotePorts}. */
  static long connectedTo(Set<Integer> remotePorts) throws IOException {
    Set<String> mine = socketInodes();
    long count = 0;
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      List<String> lines = Files.readAllLines(Path.of(table));
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.trim().split("\\s+");
        int remotePort = Integer.parseInt(f[2].substring(f[2].indexOf(':') + 1), 16);
        if (f[3].equals(ESTABLISHED) && remotePorts.contains(remotePort) && mine.contains(f[9])) {
          count++;
        }
      }
    }
    return count;
  }

  private static Set<String> socketInodes() throws IOException {
    Set<String> inodes = new HashSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      for (Path fd : (Iterable<Path>) fds::iterator) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            inodes.add(target.substring(8, target.length() - 1));
          }
        } catch (IOException e) {
          // the descriptor was closed while listing: not a connection any more
        }
      }
    }
    return inodes;
  }
}
