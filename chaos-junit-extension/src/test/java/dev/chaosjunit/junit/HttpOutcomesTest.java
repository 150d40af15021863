package dev.chaosjunit.junit;

import static dev.chaosjunit.junit.Expectation.ERROR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chaosjunit.junit.support.EchoFixture;
import dev.chaosjunit.junit.support.Fixtures;
import dev.chaosjunit.junit.support.TestFixture;
import java.io.IOException;
import java.util.Map;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The judge reads the HTTP status of the results Spring, OkHttp and user types return, and says what it judged. */
class HttpOutcomesTest {

  @Test
  void judgesSpringResponseEntitiesByTheirStatus() {
    Map<String, String> failures = Fixtures.failures(Fixtures.run(SpringResults.class));

    assertThat(failures).containsOnlyKeys("unavailable × no fault", "notFound × no fault", "status × no fault");
    assertThat(failures.get("unavailable × no fault"))
        .startsWith("expected SUCCESS, but the scenario returned [<503")
        .contains("; judged by: HTTP status 503 (ResponseEntity.getStatusCode())", "verdict   = failed");
    assertThat(failures.get("notFound × no fault"))
        .contains("judged by: HTTP status 404 (ResponseEntity.getStatusCode())");
    assertThat(failures.get("status × no fault")).contains("judged by: HTTP status 500 (HttpStatusCode.value())");
  }

  @Test
  void aWanted503IsAnError() {
    EngineExecutionResults results = Fixtures.run(SpringWantedError.class);

    results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
  }

  @Test
  void judgesOkHttpWebTestClientAndStatusOfTypesByTheirStatus() {
    Map<String, String> failures = Fixtures.failures(Fixtures.run(OtherResults.class));

    assertThat(failures).containsOnlyKeys("okHttp × no fault", "webTestClient × no fault", "hooked × no fault",
        "unreadable × no fault");
    assertThat(failures.get("okHttp × no fault")).contains("judged by: HTTP status 503 (Response.code())");
    assertThat(failures.get("webTestClient × no fault"))
        .contains("judged by: HTTP status 503 (ExchangeResult.getStatus())");
    assertThat(failures.get("hooked × no fault")).contains("judged by: HTTP status 502 (@StatusOf status())");
  }

  @Test
  void errorsOnAnHttpLikeValueItCannotRead() {
    String failure = Fixtures.failures(Fixtures.run(OtherResults.class)).get("unreadable × no fault");

    assertThat(failure).startsWith("cannot judge SUCCESS: the scenario returned [" + Opaque.class.getName()
        + "], which looks like an HTTP response, but Opaque.getStatusCode() returned [java.lang.String], which is"
        + " no HTTP status the judge can read; declare a @StatusOf method").contains("verdict   = errored");
  }

  @Test
  void failsAtDiscoveryForAStatusOfMethodOfTheWrongShape() {
    Throwable thrown = Fixtures.onlyFailure(Fixtures.run(BadStatusOf.class));

    assertThat(thrown).isInstanceOf(ExtensionConfigurationException.class).hasMessage("@StatusOf on"
        + " [BadStatusOf.status()]: a status reader takes one parameter and returns int; declare it as int"
        + " status(YourResponseType value)");
  }

  @TestFixture
  static class SpringResults extends EchoFixture {
    @Scenario
    ResponseEntity<String> ok(ChaosTopology topology) throws IOException {
      ping(topology);
      return ResponseEntity.ok("fine");
    }

    @Scenario
    ResponseEntity<String> unavailable(ChaosTopology topology) throws IOException {
      ping(topology);
      return ResponseEntity.status(503).body("down");
    }

    @Scenario
    ResponseEntity<String> notFound() {
      return ResponseEntity.status(404).body("no such order");
    }

    @Scenario
    HttpStatusCode status() {
      return HttpStatusCode.valueOf(500);
    }

    @FaultMatrix(scenarios = {"ok", "unavailable", "notFound", "status"})
    void results() {}
  }

  @TestFixture
  static class SpringWantedError extends EchoFixture {
    @Scenario
    ResponseEntity<String> unavailable(ChaosTopology topology) throws IOException {
      ping(topology);
      return ResponseEntity.status(503).body("down");
    }

    @FaultScenario(scenario = "unavailable", fault = FaultMatrix.NO_FAULT, expect = ERROR, within = "3s")
    void wanted() {}
  }

  /** A user's own result type, read by a {@code @StatusOf} method. */
  record ApiResult(int httpCode) {}

  /** Looks like an HTTP response, but its status is text the judge cannot read. */
  public static final class Opaque {
    public String getStatusCode() {
      return "SERVICE_UNAVAILABLE";
    }
  }

  @TestFixture
  static class OtherResults extends EchoFixture {
    @Scenario
    Response okHttp(ChaosTopology topology) throws IOException {
      ping(topology);
      return new Response.Builder().request(new Request.Builder().url("http://localhost/orders").build())
          .protocol(Protocol.HTTP_1_1).code(503).message("Service Unavailable").build();
    }

    @Scenario
    EntityExchangeResult<String> webTestClient() {
      WebTestClient client = WebTestClient.bindToRouterFunction(RouterFunctions.route(RequestPredicates.GET("/health"),
          request -> ServerResponse.status(503).bodyValue("down"))).build();
      return client.get().uri("/health").exchange().expectBody(String.class).returnResult();
    }

    @Scenario
    ApiResult hooked() {
      return new ApiResult(502);
    }

    @Scenario
    Opaque unreadable() {
      return new Opaque();
    }

    @Scenario
    String plain() {
      return "not HTTP";
    }

    // tag::status-of[]
    @StatusOf
    static int status(ApiResult result) {
      return result.httpCode();
    }
    // end::status-of[]

    @FaultMatrix(scenarios = {"okHttp", "webTestClient", "hooked", "unreadable", "plain"})
    void results() {}
  }

  @TestFixture
  static class BadStatusOf extends EchoFixture {
    @StatusOf
    static String status(ApiResult result) {
      return "502";
    }

    @FaultMatrix
    void results() {}
  }
}
