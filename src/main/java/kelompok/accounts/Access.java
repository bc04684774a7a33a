package kelompok.accounts;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import kelompok.audit.Audit;
import kelompok.system.Problem;

/**
 * The one place HTTP routes get their authorization rule. Every API route is made through {@link
 * #route}, which checks the rule before the handler runs; a test walks the router and fails on any
 * route without a rule. Rules about a particular record (is this facilitator assigned to this
 * group?) are checked by the feature's service with the {@link Principal} this class provides.
 */
public final class Access {

  static final String PRINCIPAL = "kelompok.principal";

  /** Who may call a route. */
  public record Rule(boolean open, Set<Role> roles) {
    public static Rule anyone() {
      return new Rule(true, Set.of());
    }

    public static Rule signedIn() {
      return new Rule(false, EnumSet.allOf(Role.class));
    }

    public static Rule roles(Role first, Role... rest) {
      return new Rule(false, EnumSet.of(first, rest));
    }

    public String describe() {
      return open ? "anyone" : roles.size() == Role.values().length ? "signed-in"
          : roles.stream().map(Role::code).sorted().collect(Collectors.joining("+"));
    }
  }

  /** A route and its rule, as the route-walking test and the docs see it. */
  public record RouteRule(String method, String path, String rule) {}

  private final Map<Route, Rule> rules = Collections.synchronizedMap(new IdentityHashMap<>());
  private final Map<Route, String> infrastructure = Collections.synchronizedMap(new IdentityHashMap<>());
  private final Audit audit;

  Access(Audit audit) {
    this.audit = audit;
  }

  /** Makes a route that runs {@code handler} only for callers the rule allows. */
  public Route route(Router router, HttpMethod method, String path, Rule rule,
      Handler<RoutingContext> handler) {
    Route route = router.route(method, path).handler(ctx -> {
      if (allowed(ctx, rule)) {
        handler.handle(ctx);
      }
    });
    rules.put(route, rule);
    return route;
  }

  /** Marks a route as infrastructure (body limits, sessions): it handles no request itself. */
  public Route infrastructure(Route route, String purpose) {
    infrastructure.put(route, purpose);
    return route;
  }

  /** The signed-in principal of this request; the route's rule guarantees there is one. */
  public static Principal principal(RoutingContext ctx) {
    Principal principal = ctx.get(PRINCIPAL);
    if (principal == null) {
      throw new Problem.HttpProblem(401, "Sign-in needed", "Sign in to do this.");
    }
    return principal;
  }

  /** The client's network address, as the audit log records it. */
  public static String address(RoutingContext ctx) {
    return ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().hostAddress();
  }

  /** The principal, or null when nobody is signed in. */
  public static Principal principalOrNull(RoutingContext ctx) {
    return ctx.get(PRINCIPAL);
  }

  /** Every route of {@code router} with its rule; routes with neither rule nor purpose say so. */
  public List<RouteRule> describe(Router router) {
    List<RouteRule> out = new ArrayList<>();
    for (Route route : router.getRoutes()) {
      Rule rule = rules.get(route);
      String methods = route.methods() == null || route.methods().isEmpty() ? "*"
          : route.methods().stream().map(HttpMethod::name).sorted().collect(Collectors.joining(","));
      String path = route.getPath() != null ? route.getPath() : String.valueOf(route.getName());
      String what = rule != null ? rule.describe()
          : infrastructure.containsKey(route) ? "infrastructure:" + infrastructure.get(route)
          : "NO RULE";
      out.add(new RouteRule(methods, path, what));
    }
    return out;
  }

  /** Records a refused access in the audit log and answers 401 or 403. */
  public void deny(RoutingContext ctx, Principal principal, String detail) {
    audit.record(principal == null ? null : principal.toJson(), "access.denied", null,
        new JsonObject().put("method", ctx.request().method().name())
            .put("path", ctx.request().path()).put("reason", detail),
        address(ctx));
    if (principal == null) {
      Problem.send(ctx, 401, "Sign-in needed", "Sign in to do this.", null);
    } else {
      Problem.send(ctx, 403, "Forbidden", detail, null);
    }
  }

  private boolean allowed(RoutingContext ctx, Rule rule) {
    if (rule.open()) {
      return true;
    }
    Principal principal = principalOrNull(ctx);
    if (principal == null) {
      deny(ctx, null, "not signed in");
      return false;
    }
    if (!rule.roles().contains(principal.role())) {
      deny(ctx, principal, "A " + principal.role().code() + " may not do this.");
      return false;
    }
    return true;
  }
}
