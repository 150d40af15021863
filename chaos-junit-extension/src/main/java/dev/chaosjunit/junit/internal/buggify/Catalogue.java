package dev.chaosjunit.junit.internal.buggify;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * The assertions and buggify sites of an application, found in its compiled classes before the run.
 *
 * @param scope what was scanned, for messages (e.g. {@code package dev.acme.orders})
 * @param assertions every assertion, one per message, in class and line order
 * @param sites every buggify site name, sorted
 */
@API(status = INTERNAL, since = "0.1")
public record Catalogue(String scope, List<CataloguedAssertion> assertions, Set<String> sites) {

  public Catalogue {
    assertions = List.copyOf(assertions);
    sites = Collections.unmodifiableSortedSet(new TreeSet<>(sites));
  }
}
