package dev.chaosjunit.samples.orders;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.Set;

/**
 * Validates RS256 bearer tokens against the issuer's JWKS (cached by nimbus, refetched when an
 * unknown key id shows up, fetched with 2 s connect and read timeouts): signature, issuer,
 * expiry, and a subject.
 */
final class TokenVerifier {

  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  TokenVerifier(URI jwksUri, String issuer) {
    try {
      processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
          JWKSourceBuilder.create(jwksUri.toURL(), new DefaultResourceRetriever(2000, 2000)).build()));
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("JWKS URL [" + jwksUri + "] is not a URL", e);
    }
    processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
        new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp")));
  }

  /** The subject of a valid token, from an {@code Authorization} header value. */
  String subject(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      throw new Unauthorized("Missing bearer token: send Authorization: Bearer <jwt>", null);
    }
    try {
      return processor.process(authorization.substring("Bearer ".length()), null).getSubject();
    } catch (ParseException | BadJOSEException e) {
      throw new Unauthorized("Invalid token: " + e.getMessage(), e);
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new DependencyFailure("jwks", "cannot verify the token: " + e.getMessage(), e);
    }
  }
}
