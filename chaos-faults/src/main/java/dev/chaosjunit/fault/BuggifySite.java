package dev.chaosjunit.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A buggify site of the application forced on for a cell: {@code Buggify.hit(site)} returns {@code true} at
 * every reach, in code running in the test's JVM. Built by {@link Fault#buggify(String)}; carried out by the
 * test framework, not by a proxy, and counted like a proxy's firings.
 *
 * @param site the site's name, as the application's {@code Buggify} call writes it
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record BuggifySite(String site) implements Effect {

  /** The service name under which a fault carries its buggify sites: the application in the test JVM. */
  public static final String SERVICE = "buggify";

  public BuggifySite {
    Checks.name(site, "buggify site");
  }

  @Override
  public String describe() {
    return "site " + site + " forced on";
  }

  @Override
  public String name() {
    return site;
  }

  @Override
  public BuggifySite named(String name) {
    return this;
  }
}
