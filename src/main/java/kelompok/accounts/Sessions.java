package kelompok.accounts;

import io.vertx.core.Vertx;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import io.vertx.ext.web.handler.CSRFHandler;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.sstore.ClusteredSessionStore;
import io.vertx.ext.web.sstore.LocalSessionStore;
import io.vertx.ext.web.sstore.SessionStore;
import java.util.concurrent.TimeUnit;
import kelompok.system.Config;

/**
 * Sign-in sessions: a cookie that is HttpOnly, SameSite=Strict and (over TLS) Secure, held in a
 * local store or, when clustered, in the cluster's store; CSRF double-submit tokens on every
 * state-changing API request; and the principal loaded from the store on every request, so a
 * deactivated account stops at once.
 */
final class Sessions {

  static final String USER_ID = "userId";
  static final String COOKIE = "kelompok.sid";

  private Sessions() {}

  static void install(Vertx vertx, Router router, Config config, Access access,
      AccountService service, String csrfSecret) {
    SessionStore store = config.clustered() ? ClusteredSessionStore.create(vertx)
        : LocalSessionStore.create(vertx);
    SessionHandler sessions = SessionHandler.create(store)
        .setSessionCookieName(COOKIE)
        .setSessionTimeout(TimeUnit.MINUTES.toMillis(config.sessionIdleMinutes()))
        .setCookieHttpOnlyFlag(true)
        .setCookieSecureFlag(config.secureCookies())
        .setCookieSameSite(CookieSameSite.STRICT)
        .setMinLength(32)
        .setLazySession(true);
    access.infrastructure(router.route("/api/*").handler(ctx -> {
      ctx.put(kelompok.system.Reply.SESSION_FLUSH, (java.util.function.Function<io.vertx.ext.web.RoutingContext,
          io.vertx.core.Future<Void>>) c -> sessions.flush(c, true));
      sessions.handle(ctx);
    }), "session");
    access.infrastructure(router.route("/eventbus/*").handler(sessions), "session");
    CSRFHandler csrf = CSRFHandler.create(vertx, csrfSecret)
        .setCookieHttpOnly(false)
        .setCookieSecure(config.secureCookies())
        .setNagHttps(false)
        .setTimeout(TimeUnit.MINUTES.toMillis(config.sessionIdleMinutes()));
    access.infrastructure(router.route("/api/*").handler(csrf), "csrf");
    access.infrastructure(router.route("/api/*").handler(ctx -> loadPrincipal(ctx, service)),
        "principal");
  }

  private static void loadPrincipal(RoutingContext ctx, AccountService service) {
    Session session = ctx.session();
    String userId = session == null ? null : session.get(USER_ID);
    if (userId == null) {
      ctx.next();
      return;
    }
    service.activePrincipal(userId).onComplete(r -> {
      if (r.succeeded() && r.result() != null) {
        ctx.put(Access.PRINCIPAL, r.result());
      } else if (r.succeeded()) {
        session.destroy();
      }
      ctx.next();
    });
  }
}
