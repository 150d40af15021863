package dev.chaosjunit.proxy.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * Values as indented JSON files and back, with the Jackson that this jar carries relocated: the
 * extension writes its reports through here, so that no chaos-junit jar puts Jackson on a user's
 * class path.
 */
@API(status = INTERNAL, since = "0.1")
public final class JsonFiles {

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonFiles() {}

  /** Writes {@code value} (records, beans, collections) to {@code file}, replacing it. */
  public static void write(Object value, Path file) throws IOException {
    MAPPER.writeValue(file.toFile(), value);
  }

  /** Reads a {@code type} back from {@code file}. */
  public static <T> T read(Path file, Class<T> type) throws IOException {
    return MAPPER.readValue(file.toFile(), type);
  }
}
