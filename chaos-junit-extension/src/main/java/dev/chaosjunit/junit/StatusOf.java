package dev.chaosjunit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks a method of the test class (or a superclass) that reads the HTTP status of a scenario's value,
 * for types the judge does not know: it takes one parameter, the type it reads, and returns
 * {@code int}. Static or not. It is used for every value that is an instance of its parameter type,
 * before the built-in readers ({@code java.net.http.HttpResponse}, Spring's {@code ResponseEntity},
 * {@code HttpStatusCode} and {@code WebTestClient} results, OkHttp's {@code Response}, ...).
 *
 * <pre>{@code
 * @StatusOf
 * static int status(ApiResult result) { return result.httpCode(); }
 * }</pre>
 *
 * <p>A status of 400 or more is an error outcome ({@code ERROR} holds, {@code SUCCESS} fails); below 400
 * a success.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface StatusOf {}
