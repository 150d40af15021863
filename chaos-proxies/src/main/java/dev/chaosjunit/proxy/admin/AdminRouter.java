package dev.chaosjunit.proxy.admin;

import dev.chaosjunit.proxy.NameConflictException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps method and path to an endpoint, like Toxiproxy's router: {@code {}} in a pattern matches any one
 * segment; a known path with another method is a 405, an unknown path a 404.
 */
final class AdminRouter {

  private static final Logger LOG = LoggerFactory.getLogger(AdminRouter.class);

  private record Route(Set<String> methods, List<String> pattern, Function<AdminRequest, AdminResponse> endpoint) {

    boolean matchesPath(List<String> segments) {
      if (segments.size() != pattern.size()) {
        return false;
      }
      for (int i = 0; i < pattern.size(); i++) {
        if (!pattern.get(i).equals("{}") && !pattern.get(i).equals(segments.get(i))) {
          return false;
        }
      }
      return true;
    }
  }

  private final List<Route> routes = new ArrayList<>();

  /** Adds a route; {@code path} like {@code "/proxies/{}/toxics"}, methods like {@code "POST,PATCH"}. */
  AdminRouter route(String methods, String path, Function<AdminRequest, AdminResponse> endpoint) {
    List<String> pattern = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    routes.add(new Route(Set.of(methods.split(",")), pattern, endpoint));
    return this;
  }

  /** Answers a request, turning {@link ApiException}s into Toxiproxy's error bodies. */
  AdminResponse handle(AdminRequest request) {
    boolean pathKnown = false;
    for (Route route : routes) {
      if (route.matchesPath(request.segments())) {
        pathKnown = true;
        if (route.methods().contains(request.method())) {
          return invoke(route, request);
        }
      }
    }
    String where = request.method() + " /" + String.join("/", request.segments());
    return pathKnown
        ? AdminResponse.error(405, "method not allowed: " + where)
        : AdminResponse.error(404, "no such endpoint: " + where + " (see GET /proxies, GET /version)");
  }

  private static AdminResponse invoke(Route route, AdminRequest request) {
    try {
      return route.endpoint().apply(request);
    } catch (ApiException e) {
      return AdminResponse.error(e.status(), e.getMessage());
    } catch (NameConflictException e) {
      return AdminResponse.error(409, e.getMessage());
    } catch (NoSuchElementException e) {
      return AdminResponse.error(404, e.getMessage());
    } catch (IllegalArgumentException e) {
      return AdminResponse.error(400, e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("admin request {} /{} failed", request.method(), String.join("/", request.segments()), e);
      return AdminResponse.error(500, String.valueOf(e.getMessage()));
    }
  }
}
