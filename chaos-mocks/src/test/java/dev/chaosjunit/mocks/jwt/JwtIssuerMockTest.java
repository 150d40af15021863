package dev.chaosjunit.mocks.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tokens are verified the way services do it: nimbus fetching the JWKS from the served URL. */
class JwtIssuerMockTest {

  final JwtIssuerMock issuer = JwtIssuerMock.start();

  @AfterEach
  void close() {
    issuer.close();
  }

  /** A fresh verifier each time, so that no JWKS cache hides a rotation. */
  JWTClaimsSet verify(String token) throws Exception {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
        JWKSourceBuilder.create(issuer.jwksUri().toURL()).retrying(false).build()));
    processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
        new JWTClaimsSet.Builder().issuer(issuer.issuer()).build(), Set.of("sub", "exp")));
    return processor.process(token, null);
  }

  @Test
  void signsTheRequestedClaimsVerifiableAgainstTheServedJwks() throws Exception {
    String token = issuer.sign(Map.of("sub", "user-1", "scope", "orders:write"));

    JWTClaimsSet claims = verify(token);

    assertThat(claims.getSubject()).isEqualTo("user-1");
    assertThat(claims.getStringClaim("scope")).isEqualTo("orders:write");
    assertThat(claims.getExpirationTime()).isAfter(claims.getIssueTime());
    assertThat(issuer.jwksFetches()).isEqualTo(1);
  }

  @Test
  void anExpiredTokenIsRejectedByTheVerifier() {
    String token = issuer.sign(Map.of("sub", "user-1", "exp", Instant.now().minusSeconds(600)));

    assertThatThrownBy(() -> verify(token)).isInstanceOf(BadJOSEException.class)
        .hasMessageContaining("Expired");
  }

  @Test
  void afterARotationOldTokensVerifyDuringTheGracePeriodAndNotAfterTheOldKeyIsDropped()
      throws Exception {
    String before = issuer.sign(Map.of("sub", "old"));
    issuer.rotateKeys();
    String after = issuer.sign(Map.of("sub", "new"));

    assertThat(issuer.publishedKeyIds()).containsExactly("chaos-key-1", "chaos-key-2");
    assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo("chaos-key-2");
    assertThat(verify(before).getSubject()).isEqualTo("old");
    assertThat(verify(after).getSubject()).isEqualTo("new");

    issuer.dropRetiredKeys();

    assertThatThrownBy(() -> verify(before)).isInstanceOf(BadJOSEException.class);
    assertThat(verify(after).getSubject()).isEqualTo("new");
  }

  @Test
  void servesAnOpenIdDiscoveryDocumentPointingAtTheJwks() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(issuer.discoveryUri()).build(), HttpResponse.BodyHandlers.ofString());

    Map<String, Object> document = JSONObjectUtils.parse(response.body());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(document).containsEntry("issuer", issuer.issuer())
        .containsEntry("jwks_uri", issuer.jwksUri().toString());
  }

  @Test
  void aTimeClaimOfTheWrongTypeIsNamed() {
    assertThatThrownBy(() -> issuer.sign(Map.of("exp", "tomorrow")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Claim [exp] must be an Instant, a Date or epoch seconds");
  }
}
