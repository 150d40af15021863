package dev.chaosjunit.proxy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apiguardian.api.API;

/** A proxy could not listen on its address, e.g. the port is in use (Toxiproxy answers 500). */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ProxyListenException extends UncheckedIOException {
  private static final long serialVersionUID = 1L;

  public ProxyListenException(String message, IOException cause) {
    super(message, cause);
  }
}
