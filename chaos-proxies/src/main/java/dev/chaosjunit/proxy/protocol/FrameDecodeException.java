package dev.chaosjunit.proxy.protocol;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Traffic that does not follow the protocol: thrown by a {@link FramedSession}'s decoder, it makes the
 * session give up decoding and relay plain bytes from then on.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class FrameDecodeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Says what in the traffic is not the protocol, e.g. {@code "frame size [-3] is negative"}. */
  public FrameDecodeException(String message) {
    super(message);
  }

  /** Like {@link #FrameDecodeException(String)}, for a failure of a library decoder. */
  public FrameDecodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
