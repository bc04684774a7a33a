package kelompok.system;

import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.List;

/**
 * Refuses cross-site use of the event bus (cross-site WebSocket hijacking): a request that carries
 * an Origin must come from this server's own origin or one configured in KELOMPOK_ALLOWED_ORIGINS.
 * Requests without an Origin (not from a browser page) carry no ambient browser credentials of
 * another site and pass on to the sign-in checks.
 */
final class OriginCheck {

  private final List<String> allowed;

  OriginCheck(List<String> allowed) {
    this.allowed = allowed;
  }

  void handle(RoutingContext ctx) {
    String origin = ctx.request().getHeader("Origin");
    if (origin == null || isAllowed(origin, ctx.request().authority() == null ? null
        : ctx.request().authority().toString())) {
      ctx.next();
      return;
    }
    Problem.send(ctx, 403, "Forbidden",
        "Origin " + origin + " may not open Kelompok's event bus.", null);
  }

  boolean isAllowed(String origin, String hostHeader) {
    if (allowed.contains(origin)) {
      return true;
    }
    try {
      URI uri = URI.create(origin);
      String authority = uri.getRawAuthority();
      return hostHeader != null && authority != null && authority.equalsIgnoreCase(hostHeader)
          && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
