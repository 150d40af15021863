package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** A gRPC rule: match keys {@code method}, {@code metadata.<key>}; errors carry a status name {@code code} and {@code message}. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class GrpcRule extends RuleBuilder<GrpcRule> {

  GrpcRule(String service) {
    super(service, "grpc");
  }

  /** Matches calls by full method name, e.g. {@code orders.OrderService/Create}. */
  public GrpcRule method(String methodGlob) {
    return match("method", methodGlob);
  }

  /** Matches calls carrying metadata whose value matches. */
  public GrpcRule metadata(String key, String valueGlob) {
    return match("metadata." + key, valueGlob);
  }

  /** Answers trailers-only with {@code grpc-status} (a status name, e.g. {@code UNAVAILABLE}) and {@code grpc-message}. */
  public Fault error(String status, String message) {
    return build(Action.Error.of(Checks.name(status, "gRPC status"), message));
  }
}
