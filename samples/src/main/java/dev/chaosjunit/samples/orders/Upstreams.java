package dev.chaosjunit.samples.orders;

import dev.chaosjunit.samples.upstream.balance.BalanceApiGrpc;
import dev.chaosjunit.samples.upstream.balance.BalanceApiGrpc.BalanceApiBlockingStub;
import dev.chaosjunit.samples.upstream.balance.ReserveRequest;
import dev.chaosjunit.samples.upstream.geo.GeoConfigGrpc;
import dev.chaosjunit.samples.upstream.geo.GeoConfigGrpc.GeoConfigBlockingStub;
import dev.chaosjunit.samples.upstream.geo.Region;
import dev.chaosjunit.samples.upstream.geo.RegionRequest;
import dev.chaosjunit.samples.upstream.users.GetUserRequest;
import dev.chaosjunit.samples.upstream.users.User;
import dev.chaosjunit.samples.upstream.users.UserServiceGrpc;
import dev.chaosjunit.samples.upstream.users.UserServiceGrpc.UserServiceBlockingStub;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;

/** The three gRPC upstreams of the orders service: geo-config, user-service and balance-api. */
final class Upstreams implements AutoCloseable {

  private final Upstream<GeoConfigBlockingStub> geo;
  private final Upstream<UserServiceBlockingStub> users;
  private final Upstream<BalanceApiBlockingStub> balance;

  Upstreams(OrdersConfig config) {
    boolean dropWedged = config.resilience().dropWedgedConnections();
    this.geo = new Upstream<>("geo-config", channel(config.geoTarget()), GeoConfigGrpc::newBlockingStub, dropWedged);
    this.users = new Upstream<>("user-service", channel(config.userTarget()),
        UserServiceGrpc::newBlockingStub, dropWedged);
    this.balance = new Upstream<>("balance-api", channel(config.balanceTarget()),
        BalanceApiGrpc::newBlockingStub, dropWedged);
  }

  Region region(String country) {
    return geo.call(stub -> stub.getRegion(RegionRequest.newBuilder().setCountry(country).build()));
  }

  User user(String userId) {
    return users.call(stub -> stub.getUser(GetUserRequest.newBuilder().setUserId(userId).build()));
  }

  String reserve(String userId, long amountCents, String currency) {
    var reservation = balance.call(stub -> stub.reserve(ReserveRequest.newBuilder().setUserId(userId)
        .setAmountCents(amountCents).setCurrency(currency).build()));
    if (!reservation.getApproved()) {
      throw new BadRequest("balance-api declined reserving [" + amountCents + "] " + currency);
    }
    return reservation.getReservationId();
  }

  @Override
  public void close() throws InterruptedException {
    geo.close();
    users.close();
    balance.close();
  }

  /** A channel that starts connecting now, so the first request does not pay for it. */
  private static ManagedChannel channel(String target) {
    ManagedChannel channel = NettyChannelBuilder.forTarget(target).usePlaintext().build();
    channel.getState(true);
    return channel;
  }
}
