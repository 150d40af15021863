package dev.chaosjunit.samples.orders;

import dev.chaosjunit.mocks.grpc.GrpcMock;
import dev.chaosjunit.mocks.jwt.JwtIssuerMock;
import dev.chaosjunit.samples.upstream.balance.BalanceProto;
import dev.chaosjunit.samples.upstream.geo.GeoProto;
import dev.chaosjunit.samples.upstream.users.UsersProto;
import java.util.Map;

/**
 * The orders service's upstreams as chaos-junit mocks: geo-config, user-service and balance-api
 * from the service's own .proto descriptors, and a JWT issuer.
 */
final class UpstreamMocks implements AutoCloseable {

  static final String GET_REGION = "chaosjunit.samples.geo.GeoConfig/GetRegion";
  static final String GET_USER = "chaosjunit.samples.users.UserService/GetUser";
  static final String RESERVE = "chaosjunit.samples.balance.BalanceApi/Reserve";

  final GrpcMock geo = GrpcMock.of(GeoProto.getDescriptor())
      .respond(GET_REGION, "{\"code\": \"eu-west\", \"currency\": \"EUR\", \"taxRatePercent\": 20}")
      .start();
  final GrpcMock users = GrpcMock.of(UsersProto.getDescriptor())
      .respond(GET_USER, "{\"id\": \"ada\", \"name\": \"Ada Lovelace\", \"active\": true,"
          + " \"roles\": [\"customer\"]}")
      .start();
  final GrpcMock balance = GrpcMock.of(BalanceProto.getDescriptor())
      .respond(RESERVE, "{\"reservationId\": \"r-1\", \"approved\": true}")
      .start();
  final JwtIssuerMock issuer = JwtIssuerMock.start();

  /** A valid token for {@code user}. */
  String token(String user) {
    return issuer.sign(Map.of("sub", user, "scope", "orders"));
  }

  @Override
  public void close() throws InterruptedException {
    issuer.close();
    balance.close();
    users.close();
    geo.close();
  }
}
