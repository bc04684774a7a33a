package kelompok.system;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import java.time.Instant;
import java.util.regex.Pattern;
import kelompok.accounts.Access;
import kelompok.accounts.Accounts;
import kelompok.audit.Audit;
import kelompok.audit.AuditRoutes;
import kelompok.groups.Groups;
import kelompok.sessions.Sessions;
import kelompok.notes.Notes;

/** Wires storage, the router, the event-bus bridge and every feature, then listens. */
final class MainVerticle extends VerticleBase {

  /** Source-tree files that must never be served even when the working folder holds webroot/. */
  private static final Pattern NOT_SERVED =
      Pattern.compile("^/(node_modules|src|tools)(/.*)?$|^/(package(-lock)?\\.json|build\\.mjs)$");

  private final Config config;
  private final BridgeAddresses addresses = new BridgeAddresses();
  private Storage storage;
  private Audit audit;
  private Accounts accounts;
  private Notes notes;
  private Router router;
  private final java.util.Map<io.vertx.ext.web.Route, String> baseRoutes = new java.util.LinkedHashMap<>();
  private HttpServer server;
  private long clock = -1;

  MainVerticle(Config config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    storage = new Storage(vertx, config);
    return storage.start()
        .compose(mongo -> {
          audit = new Audit(mongo);
          return storage.ensureIndexes(Audit.INDEXES);
        })
        .compose(v -> {
          router = Router.router(vertx);
          base(router);
          return Accounts.install(vertx, router, storage, config, audit);
        })
        .compose(acc -> {
          accounts = acc;
          baseRoutes.forEach((route, purpose) -> acc.access().infrastructure(route, purpose));
          acc.declareAddresses(addresses);
          AuditRoutes.install(router, acc.access(), audit);
          return Groups.install(vertx, router, storage, audit, acc, addresses);
        })
        .compose(groups -> Sessions.install(router, storage, groups.service(), accounts.access())
            .compose(sessions -> Notes.install(vertx, router, storage, audit, groups.service(),
                sessions.service(), accounts.access(), addresses, config.notesRebase())))
        .compose(n -> {
          notes = n;
          bridge(router, accounts);
          statics(router);
          clock = vertx.setPeriodic(1000, id -> publishTime());
          return vertx.createHttpServer()
              .requestHandler(router)
              .listen(config.httpPort(), config.httpHost());
        })
        .onSuccess(s -> server = s);
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(clock);
    Future<Void> closing = (server == null ? Future.<Void>succeededFuture() : server.close())
        .eventually(() -> notes == null ? Future.succeededFuture() : notes.flush());
    return closing.eventually(() -> storage == null ? Future.succeededFuture() : storage.close());
  }

  /** The port actually bound (the configured one, or the one picked for port 0). */
  int port() {
    return server.actualPort();
  }

  Storage storage() {
    return storage;
  }

  /** The routes every request passes: headers, errors, health, body limit. */
  private void base(Router router) {
    baseRoutes.put(router.route().handler(SecurityHeaders::handle), "security headers");
    baseRoutes.put(new HttpErrors(config.bodyLimitBytes()).install(router), "error mapping");
    baseRoutes.put(router.get("/health").handler(this::health), "health (public)");
    baseRoutes.put(router.route("/api/*")
        .handler(BodyHandler.create(false).setBodyLimit(config.bodyLimitBytes())), "body limit");
  }

  /** The SockJS event-bus bridge, behind the origin check and the guard. */
  private void bridge(Router router, Accounts accounts) {
    Access access = accounts.access();
    OriginCheck origins = new OriginCheck(config.allowedOrigins());
    access.infrastructure(router.route("/eventbus/*").handler(origins::handle), "origin-check");
    SockJSHandler sockJs = SockJSHandler.create(vertx, new SockJSHandlerOptions()
        .setRegisterWriteHandler(false)
        .setHeartbeatInterval(10_000));
    BridgeGuard guard = new BridgeGuard(vertx, addresses, accounts.service()::activePrincipal);
    access.infrastructure(router.route("/eventbus/*")
        .subRouter(sockJs.bridge(addresses.options(), guard::handle)), "event-bus bridge");
  }

  /** The pages: webroot/ from the jar, never the source tree's own files. */
  private void statics(Router router) {
    Access access = accounts.access();
    access.route(router, io.vertx.core.http.HttpMethod.GET, "/favicon.ico", Access.Rule.anyone(),
        ctx -> ctx.redirect("/favicon.svg"));
    access.infrastructure(router.route().handler(ctx -> {
      if (NOT_SERVED.matcher(ctx.normalizedPath()).find()) {
        ctx.fail(404);
        return;
      }
      ctx.response().putHeader("Cache-Control", "no-cache");
      ctx.next();
    }), "source files hidden");
    access.infrastructure(router.route().handler(StaticHandler.create("webroot")
        .setCachingEnabled(false)
        .setIndexPage("index.html")), "static pages (public)");
  }

  /** Every route with its authorization rule (or its infrastructure purpose). */
  java.util.List<Access.RouteRule> routes() {
    return accounts.access().describe(router);
  }

  Accounts accounts() {
    return accounts;
  }

  private void health(RoutingContext ctx) {
    storage.ping()
        .timeout(config.mongoTimeoutMs(), java.util.concurrent.TimeUnit.MILLISECONDS)
        .onComplete(ping -> {
          JsonObject body = new JsonObject()
              .put("status", ping.succeeded() ? "up" : "down")
              .put("database", ping.succeeded() ? "up" : "down")
              .put("embeddedDatabase", storage.isEmbedded());
          if (ping.failed()) {
            body.put("detail", "The database does not answer: " + Config.oneLine(ping.cause()));
          }
          ctx.response()
              .setStatusCode(ping.succeeded() ? 200 : 503)
              .putHeader("Content-Type", "application/json")
              .putHeader("Cache-Control", "no-store")
              .end(body.encode());
        });
  }

  private void publishTime() {
    vertx.eventBus().publish(BridgeAddresses.SERVER_TIME,
        new JsonObject().put("time", Instant.now().toString()),
        new DeliveryOptions().setLocalOnly(true));
  }
}
