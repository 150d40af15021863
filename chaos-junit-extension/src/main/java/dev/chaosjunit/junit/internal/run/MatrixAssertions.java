package dev.chaosjunit.junit.internal.run;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.chaosjunit.junit.internal.ChaosConfig;
import dev.chaosjunit.junit.internal.buggify.AntithesisJsonl;
import dev.chaosjunit.junit.internal.buggify.Catalogue;
import dev.chaosjunit.junit.internal.buggify.Ledger;
import dev.chaosjunit.junit.internal.plan.MatrixPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The assertions of one matrix over its cells: a ledger started from the matrix's coverage catalogue, kept in
 * the template method's store. When JUnit closes it after the matrix, it writes
 * {@code <Class>.<method>.assertions.jsonl} (Antithesis' local format) if the matrix judges coverage or any
 * assertion was evaluated.
 */
// JUnit closes a Store value that is AutoCloseable from 5.13 on, and one that is a CloseableResource on 5.12 too.
@SuppressWarnings("deprecation")
@API(status = INTERNAL, since = "0.1")
public final class MatrixAssertions implements AutoCloseable, ExtensionContext.Store.CloseableResource {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MatrixAssertions.class);

  private final Ledger ledger;
  private final Path file;
  private final boolean judged;
  private boolean closed;

  private MatrixAssertions(Ledger ledger, Path file, boolean judged) {
    this.ledger = ledger;
    this.file = file;
    this.judged = judged;
  }

  /** Opens the assertions of {@code matrix} in its template method's store. */
  public static void open(ExtensionContext templateContext, MatrixPlan matrix) {
    Catalogue catalogue = matrix.coverage().orElse(new Catalogue("no catalogue", List.of(), Set.of()));
    Path file = ChaosConfig.reportsDir(templateContext)
        .resolve(matrix.testClass().getSimpleName() + "." + matrix.methodName() + ".assertions.jsonl");
    templateContext.getStore(NAMESPACE).put(MatrixAssertions.class,
        new MatrixAssertions(new Ledger(catalogue), file, matrix.coverage().isPresent()));
  }

  /** The assertions of the matrix whose cell or template {@code context} is. */
  public static Ledger ledger(ExtensionContext context) {
    for (ExtensionContext at = context; at != null; at = at.getParent().orElse(null)) {
      MatrixAssertions found = at.getStore(NAMESPACE).get(MatrixAssertions.class, MatrixAssertions.class);
      if (found != null) {
        return found.ledger;
      }
    }
    throw new IllegalStateException("no matrix assertions above " + context.getUniqueId());
  }

  @Override
  public synchronized void close() {
    if (!closed && (judged || ledger.tallies().stream().anyMatch(t -> t.reached()))) {
      AntithesisJsonl.write(ledger, file);
    }
    closed = true;
  }
}
