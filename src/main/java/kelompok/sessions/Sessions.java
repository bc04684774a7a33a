package kelompok.sessions;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.PATCH;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import kelompok.accounts.Access;
import kelompok.accounts.Access.Rule;
import kelompok.accounts.Role;
import kelompok.groups.GroupService;
import kelompok.system.Reply;
import kelompok.system.Storage;

/** The sessions feature: its routes, and a member's own schedule. */
public final class Sessions {

  static final List<Storage.Index> INDEXES = List.of(
      new Storage.Index(SessionService.SESSIONS, new JsonObject().put("groupId", 1).put("start", 1), false));

  private final SessionService service;

  private Sessions(SessionService service) {
    this.service = service;
  }

  public SessionService service() {
    return service;
  }

  /** Creates indexes, installs routes, and feeds session counts to the groups' phase gates. */
  public static Future<Sessions> install(Router router, Storage storage, GroupService groups, Access access) {
    SessionService service = new SessionService(storage.client(), groups);
    groups.addFacts(service::facts);
    Rule staff = Rule.roles(Role.COORDINATOR, Role.FACILITATOR);
    access.route(router, GET, "/api/groups/:id/sessions", staff, ctx -> Reply.json(ctx, 200,
        service.listFor(Access.principal(ctx), ctx.pathParam("id"))));
    access.route(router, POST, "/api/groups/:id/sessions", staff, ctx -> Reply.json(ctx, 201,
        service.schedule(Access.principal(ctx), ctx.pathParam("id"), Reply.body(ctx), Access.address(ctx))));
    access.route(router, PATCH, "/api/groups/:id/sessions/:sessionId", staff, ctx -> Reply.json(ctx, 200,
        service.update(Access.principal(ctx), ctx.pathParam("id"), ctx.pathParam("sessionId"),
            Reply.body(ctx), Access.address(ctx))));
    access.route(router, PUT, "/api/groups/:id/sessions/:sessionId/attendance", staff, ctx -> Reply.json(ctx, 200,
        service.attendance(Access.principal(ctx), ctx.pathParam("id"), ctx.pathParam("sessionId"),
            Reply.body(ctx), Access.address(ctx))));
    access.route(router, GET, "/api/groups/:id/attendance", staff, ctx -> Reply.json(ctx, 200,
        service.rates(Access.principal(ctx), ctx.pathParam("id"))));
    access.route(router, GET, "/api/my/schedule", Rule.roles(Role.MEMBER), ctx -> Reply.json(ctx, 200,
        groups.groupsOfMember(Access.principal(ctx).id()).compose(ids -> Future.all(ids.stream()
                .map(service::list).toList())
            .map(all -> {
              JsonArray out = new JsonArray();
              for (int i = 0; i < ids.size(); i++) {
                for (JsonObject s : all.<List<JsonObject>>resultAt(i)) {
                  out.add(new JsonObject().put("groupId", ids.get(i)).put("id", s.getString("id"))
                      .put("start", s.getString("start")).put("end", s.getString("end"))
                      .put("topic", s.getString("topic")).put("status", s.getString("status")));
                }
              }
              return out;
            }))));
    return storage.ensureIndexes(INDEXES).map(v -> new Sessions(service));
  }

}
