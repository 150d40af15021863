package dev.chaosjunit.mocks.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.ArrayList;
import java.util.List;

/** The current RS256 signing key and the retired ones still published; key ids count up. */
final class SigningKeys {

  private final List<RSAKey> published = new ArrayList<>();
  private int generation;

  SigningKeys() {
    published.add(generate());
  }

  synchronized RSAKey current() {
    return published.get(published.size() - 1);
  }

  synchronized RSAKey rotate() {
    published.add(generate());
    return current();
  }

  synchronized void dropRetired() {
    RSAKey current = current();
    published.clear();
    published.add(current);
  }

  synchronized JWKSet publicSet() {
    return new JWKSet(published.stream().map(key -> (com.nimbusds.jose.jwk.JWK) key.toPublicJWK())
        .toList());
  }

  private RSAKey generate() {
    generation++;
    try {
      return new RSAKeyGenerator(2048).keyID("chaos-key-" + generation).keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("This JVM cannot generate a 2048-bit RSA key", e);
    }
  }

  /** The published key ids, oldest first. */
  synchronized List<String> keyIds() {
    return published.stream().map(RSAKey::getKeyID).toList();
  }
}
