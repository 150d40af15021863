package dev.chaosjunit.junit.internal.buggify;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.chaosjunit.buggify.AssertType;
import org.apiguardian.api.API;

/**
 * One {@code Assert} call found in the compiled classes.
 *
 * @param type its kind
 * @param message its message, the assertion's name
 * @param className the class calling it
 * @param method the calling method
 * @param file the source file, empty when not compiled in
 * @param line the source line, 0 when not compiled in
 */
@API(status = INTERNAL, since = "0.1")
public record CataloguedAssertion(AssertType type, String message, String className, String method, String file,
    int line) {

  /** {@code sometimes("an order was created") at OrdersRepository.java:42}. */
  public String describe() {
    return type.method() + "(\"" + message + "\")" + (className.isEmpty() ? " (not catalogued)" : " at " + location());
  }

  /** {@code OrdersRepository.java:42}, or {@code not catalogued} when met only at run time. */
  public String location() {
    return className.isEmpty() ? "not catalogued" : (file.isEmpty() ? className : file) + ":" + line;
  }
}
