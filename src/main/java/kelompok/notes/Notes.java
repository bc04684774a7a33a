package kelompok.notes;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kelompok.accounts.Access;
import kelompok.accounts.Access.Rule;
import kelompok.accounts.Principal;
import kelompok.accounts.Role;
import kelompok.audit.Audit;
import kelompok.groups.GroupService;
import kelompok.sessions.SessionService;
import kelompok.system.BridgeAddresses;
import kelompok.system.Reply;
import kelompok.system.Storage;

/**
 * The notes feature. Live editing runs over the event bus: browsers hear {@code note.<id>}
 * (changes, locks, presence) and send to {@code notes.push}, {@code notes.pull} and {@code
 * notes.presence} with the note's id in the body; the same protocol is on HTTP for clients
 * without a socket.
 */
public final class Notes {

  public static final String ADDRESS_PREFIX = "note";
  public static final String PUSH = "notes.push";
  public static final String PULL = "notes.pull";
  public static final String PRESENCE = "notes.presence";
  static final long ACCESS_TTL_MS = 5000;

  private final NoteEngine engine;

  private Notes(NoteEngine engine) {
    this.engine = engine;
  }

  /** Saves pending snapshots (the op log is already durable). */
  public Future<Void> flush() {
    return engine.flush();
  }

  public static Future<Notes> install(Vertx vertx, Router router, Storage storage, Audit audit,
      GroupService groups, SessionService sessions, Access access, BridgeAddresses addresses, boolean rebase) {
    NoteRepository repo = new NoteRepository(storage.client(), storage.isEmbedded());
    NoteEngine engine = new NoteEngine(vertx, repo, new OpLog(vertx, storage.client(), storage), rebase);
    NoteService service = new NoteService(repo, engine, groups, sessions, audit);
    groups.addFacts(service::facts);
    Map<String, Long> granted = new ConcurrentHashMap<>();
    vertx.setPeriodic(60_000, t -> granted.values().removeIf(until -> until < System.currentTimeMillis()));
    BridgeAddresses.Rule read = (p, type, id, body) -> allowed(granted, service, p, id, false);
    addresses.declare(ADDRESS_PREFIX, Set.of(BridgeEventType.REGISTER), read);
    addresses.declareExact(PUSH, Set.of(BridgeEventType.SEND), (p, type, id, body) ->
        allowed(granted, service, p, body == null ? null : body.getString("noteId"), true));
    addresses.declareExact(PULL, Set.of(BridgeEventType.SEND), (p, type, id, body) ->
        allowed(granted, service, p, body == null ? null : body.getString("noteId"), false));
    addresses.declareExact(PRESENCE, Set.of(BridgeEventType.SEND), (p, type, id, body) ->
        allowed(granted, service, p, body == null ? null : body.getString("noteId"), false));

    vertx.eventBus().<JsonObject>localConsumer(PUSH, msg -> {
      JsonObject b = msg.body();
      Future.succeededFuture(b).compose(x -> engine.push(sender(msg), b.getString("noteId"), b.getLong("version", -1L),
              updates(b)))
          .onSuccess(msg::reply)
          .onFailure(e -> msg.fail(400, e instanceof TextChange.InvalidChange ? e.getMessage() : "the change could not be saved"));
    });
    vertx.eventBus().<JsonObject>localConsumer(PULL, msg -> engine.ops(msg.body().getString("noteId"),
            msg.body().getLong("since", 0L))
        .onSuccess(ops -> msg.reply(new JsonObject().put("ops", ops)))
        .onFailure(e -> msg.fail(400, e.getMessage())));
    vertx.eventBus().<JsonObject>localConsumer(PRESENCE, msg -> {
      Principal p = sender(msg);
      JsonObject b = msg.body();
      vertx.eventBus().publish(ADDRESS_PREFIX + "." + b.getString("noteId"), new JsonObject()
          .put("type", "presence").put("userId", p.id()).put("name", p.name())
          .put("clientID", b.getString("clientID")).put("from", b.getInteger("from"))
          .put("to", b.getInteger("to")).put("leaving", b.getBoolean("leaving", false)));
    });

    Rule staff = Rule.roles(Role.COORDINATOR, Role.FACILITATOR);
    access.route(router, POST, "/api/groups/:id/sessions/:sessionId/note", staff, ctx -> Reply.json(ctx, 201,
        service.create(Access.principal(ctx), ctx.pathParam("id"), ctx.pathParam("sessionId"),
            bodyOrEmpty(ctx), Access.address(ctx))));
    access.route(router, GET, "/api/groups/:id/notes", staff, ctx -> Reply.json(ctx, 200,
        service.list(Access.principal(ctx), ctx.pathParam("id"))));
    access.route(router, GET, "/api/notes/:id", staff, ctx -> Reply.json(ctx, 200,
        service.open(Access.principal(ctx), ctx.pathParam("id"), Access.address(ctx))));
    access.route(router, GET, "/api/notes/:id/ops", staff, ctx -> Reply.json(ctx, 200,
        service.readable(Access.principal(ctx), ctx.pathParam("id")).compose(p -> engine.ops(ctx.pathParam("id"),
            parseLong(ctx.queryParams().get("since"))))));
    access.route(router, POST, "/api/notes/:id/changes", staff, ctx -> {
      JsonObject b = Reply.body(ctx);
      Reply.json(ctx, 200, service.editable(Access.principal(ctx), ctx.pathParam("id"))
          .compose(p -> engine.push(Access.principal(ctx), ctx.pathParam("id"), b.getLong("version", -1L),
              updates(b)))
          .recover(e -> Future.failedFuture(e instanceof TextChange.InvalidChange
              ? kelompok.system.InvalidInput.of("changes", "invalid", e.getMessage()) : e)));
    });
    access.route(router, POST, "/api/notes/:id/sign", staff, ctx -> Reply.json(ctx, 200,
        service.sign(Access.principal(ctx), ctx.pathParam("id"), Reply.body(ctx), Access.address(ctx))));
    access.route(router, POST, "/api/notes/:id/addenda", staff, ctx -> Reply.json(ctx, 201,
        service.addendum(Access.principal(ctx), ctx.pathParam("id"), Reply.body(ctx), Access.address(ctx))));
    access.route(router, GET, "/api/notes/:id/history", staff, ctx -> Reply.json(ctx, 200,
        service.history(Access.principal(ctx), ctx.pathParam("id"), parseLong(ctx.queryParams().get("version")),
            Access.address(ctx))));
    access.route(router, GET, "/api/notes/:id/export.md", staff, ctx -> service.markdown(Access.principal(ctx),
            ctx.pathParam("id"), Access.address(ctx), "markdown")
        .onSuccess(md -> ctx.response().putHeader("Content-Type", "text/markdown; charset=utf-8")
            .putHeader("Content-Disposition", "attachment; filename=\"note-" + ctx.pathParam("id") + ".md\"")
            .end(md))
        .onFailure(ctx::fail));
    access.route(router, GET, "/api/notes/:id/export.pdf", staff, ctx -> service.markdown(Access.principal(ctx),
            ctx.pathParam("id"), Access.address(ctx), "pdf")
        .compose(md -> ctx.vertx().executeBlocking(() -> NotePdf.render("Session note", md), false))
        .onSuccess(pdf -> ctx.response().putHeader("Content-Type", "application/pdf")
            .putHeader("Content-Disposition", "attachment; filename=\"note-" + ctx.pathParam("id") + ".pdf\"")
            .end(io.vertx.core.buffer.Buffer.buffer(pdf)))
        .onFailure(ctx::fail));
    return storage.ensureIndexes(NoteRepository.INDEXES).map(v -> new Notes(engine));
  }

  /** Bridge access, remembered for a few seconds per person and note so typing stays cheap. */
  private static Future<Boolean> allowed(Map<String, Long> granted, NoteService service, Principal p,
      String noteId, boolean edit) {
    if (noteId == null || noteId.length() > 64) {
      return Future.succeededFuture(false);
    }
    String key = p.id() + "|" + noteId + "|" + edit;
    Long until = granted.get(key);
    if (until != null && until > System.currentTimeMillis()) {
      return Future.succeededFuture(true);
    }
    return service.mayUse(p, noteId, edit).onSuccess(yes -> {
      if (yes) {
        granted.put(key, System.currentTimeMillis() + ACCESS_TTL_MS);
      }
    }).otherwise(false);
  }

  /** Who sent a bridge message: the guard stamped it into the headers from the socket's session. */
  private static Principal sender(Message<?> msg) {
    return new Principal(msg.headers().get("userId"), msg.headers().get("name"), null,
        Role.fromCode(msg.headers().get("role"), "role"));
  }

  /** The updates of a push: {@code updates: [{changes, clientID}]}, or one {@code changes}. */
  private static java.util.List<NoteEngine.Update> updates(JsonObject body) {
    Object updates = body.getValue("updates");
    if (updates == null) {
      return java.util.List.of(new NoteEngine.Update(body.getValue("changes"), body.getString("clientID")));
    }
    if (!(updates instanceof io.vertx.core.json.JsonArray list)) {
      throw new TextChange.InvalidChange("updates must be a list of {changes, clientID}");
    }
    return list.stream().map(u -> {
      if (!(u instanceof JsonObject o)) {
        throw new TextChange.InvalidChange("each update must be an object {changes, clientID}");
      }
      return new NoteEngine.Update(o.getValue("changes"), o.getString("clientID"));
    }).toList();
  }

  private static JsonObject bodyOrEmpty(RoutingContext ctx) {
    return ctx.body() == null || ctx.body().length() == 0 ? new JsonObject() : Reply.body(ctx);
  }

  private static long parseLong(String value) {
    try {
      return value == null ? 0 : Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw kelompok.system.InvalidInput.of("version", "not-integer", "must be a whole number");
    }
  }

}
