package dev.chaosjunit.junit.internal.plan;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * What the extension knows about a service image: where it keeps its data (for disk full) and the log
 * line it prints when it is ready (to wait for after a start).
 *
 * @param repository the image's repository name without its namespace, e.g. {@code postgres}
 * @param dataPath the data directory
 * @param readyLog a line the server logs each time it is ready for clients
 * @param diskFullLogs what the server logs when a write to its data directory fails for lack of room
 */
@API(status = INTERNAL, since = "0.1")
public record ServiceImage(String repository, String dataPath, String readyLog, List<String> diskFullLogs) {

  private static final String NO_SPACE = "No space left on device";
  private static final List<ServiceImage> KNOWN = List.of(
      new ServiceImage("postgres", "/var/lib/postgresql/data", "database system is ready to accept connections",
          List.of(NO_SPACE)),
      // a write that fills the last page of the file comes back short, logged without the error's name
      new ServiceImage("redis", "/data", "Ready to accept connections",
          List.of(NO_SPACE, "Short write while writing to the AOF file")));

  /** The known image of {@code imageName} (e.g. {@code postgres:15}, {@code chaos-local/redis:7.0}), if any. */
  public static Optional<ServiceImage> of(String imageName) {
    String withoutTag = imageName.replaceFirst("[:@][^/]*$", "");
    String repository = withoutTag.substring(withoutTag.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    return KNOWN.stream().filter(image -> image.repository.equals(repository)).findFirst();
  }

  /** The known images with their data directories, e.g. {@code postgres (/var/lib/postgresql/data)}. */
  public static String known() {
    return KNOWN.stream().map(i -> i.repository + " (" + i.dataPath + ")").collect(Collectors.joining(", "));
  }
}
