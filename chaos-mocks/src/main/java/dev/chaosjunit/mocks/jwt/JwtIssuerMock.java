package dev.chaosjunit.mocks.jwt;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JWT issuer mock: an OpenID provider on an ephemeral loopback port that publishes
 * {@code /.well-known/openid-configuration} and {@code /.well-known/jwks.json} and signs RS256 tokens
 * with the claims a test asks for.
 *
 * <p>Key rotation: {@link #rotateKeys()} signs with a fresh key from then on and keeps publishing the
 * previous keys, as real identity providers do during a grace period, so tokens issued before the
 * rotation still verify. {@link #dropRetiredKeys()} ends the grace period: only the current key stays
 * in the JWKS and older tokens no longer verify.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class JwtIssuerMock implements AutoCloseable {

  /** How long a token lives when the test's claims do not say ({@code exp}). */
  public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

  private static final Logger LOG = LoggerFactory.getLogger(JwtIssuerMock.class);

  private final SigningKeys keys = new SigningKeys();
  private final Clock clock;
  private final HttpServer server;
  private final OidcEndpoints endpoints;

  private JwtIssuerMock(Clock clock, HttpServer server) {
    this.clock = clock;
    this.server = server;
    this.endpoints = new OidcEndpoints(keys, this::issuer);
    endpoints.register(server);
  }

  /** Starts an issuer on an ephemeral loopback port. */
  public static JwtIssuerMock start() {
    return start(Clock.systemUTC());
  }

  /** Starts an issuer whose {@code iat}/{@code exp} defaults come from {@code clock}. */
  public static JwtIssuerMock start(Clock clock) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      JwtIssuerMock mock = new JwtIssuerMock(clock, server);
      server.start();
      LOG.info("JwtIssuerMock serving {}", mock.jwksUri());
      return mock;
    } catch (IOException e) {
      throw new UncheckedIOException("JwtIssuerMock could not bind a loopback port", e);
    }
  }

  /**
   * A signed compact JWT carrying {@code claims}, signed with the current key (its {@code kid} in the
   * header). Unless given, {@code iss} is {@link #issuer()}, {@code iat} is now and {@code exp} is now
   * plus {@link #DEFAULT_LIFETIME}. Time claims may be {@link Instant}s, {@link Date}s or epoch seconds.
   */
  public String sign(Map<String, ?> claims) {
    RSAKey key = keys.current();
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
        .type(JOSEObjectType.JWT).build();
    SignedJWT jwt = new SignedJWT(header, withDefaults(claims));
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("Signing with key [" + key.getKeyID() + "] failed", e);
    }
    return jwt.serialize();
  }

  /** Signs with a fresh key from now on; previous keys stay published (grace period). */
  public void rotateKeys() {
    LOG.info("JwtIssuerMock rotated to key {}", keys.rotate().getKeyID());
  }

  /** Stops publishing every key but the current one: tokens signed before a rotation stop verifying. */
  public void dropRetiredKeys() {
    keys.dropRetired();
  }

  /** The ids ({@code kid}) of the keys the JWKS publishes now, oldest first; the last one signs. */
  public List<String> publishedKeyIds() {
    return keys.keyIds();
  }

  /** The issuer identifier, {@code http://127.0.0.1:<port>}. */
  public String issuer() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The JWKS URL. */
  public URI jwksUri() {
    return URI.create(issuer() + OidcEndpoints.JWKS_PATH);
  }

  /** The OpenID discovery document URL. */
  public URI discoveryUri() {
    return URI.create(issuer() + OidcEndpoints.DISCOVERY_PATH);
  }

  /** How many times the JWKS was fetched (e.g. to check a verifier caches it). */
  public int jwksFetches() {
    return endpoints.jwksFetches();
  }

  /** Stops the HTTP server. */
  @Override
  public void close() {
    server.stop(0);
  }

  private JWTClaimsSet withDefaults(Map<String, ?> claims) {
    Instant now = clock.instant();
    JWTClaimsSet.Builder builder = ClaimValues.toBuilder(claims);
    JWTClaimsSet given = builder.build();
    if (given.getIssuer() == null) {
      builder.issuer(issuer());
    }
    if (given.getIssueTime() == null) {
      builder.issueTime(Date.from(now));
    }
    if (given.getExpirationTime() == null) {
      builder.expirationTime(Date.from(now.plus(DEFAULT_LIFETIME)));
    }
    return builder.build();
  }
}
