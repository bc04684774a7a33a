package kelompok.groups;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.PATCH;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import kelompok.accounts.Access;
import kelompok.accounts.Access.Rule;
import kelompok.accounts.Principal;
import kelompok.accounts.Role;
import kelompok.system.Reply;

/** HTTP routes of groups: parse, authorize (by rule; the service checks the group), call, reply. */
final class GroupRoutes {

  private final GroupService groups;
  private final MemberService members;
  private final GroupRecords records;
  private final Access access;

  GroupRoutes(GroupService groups, MemberService members, GroupRecords records, Access access) {
    this.groups = groups;
    this.members = members;
    this.records = records;
    this.access = access;
  }

  void install(Router router) {
    Rule coordinator = Rule.roles(Role.COORDINATOR);
    Rule staff = Rule.roles(Role.COORDINATOR, Role.FACILITATOR);
    access.route(router, POST, "/api/groups", coordinator, ctx -> Reply.json(ctx, 201,
        groups.create(me(ctx), Reply.body(ctx), Access.address(ctx))));
    access.route(router, GET, "/api/groups", staff, ctx -> Reply.json(ctx, 200,
        groups.list(me(ctx), ctx.queryParams().get("q"), ctx.queryParams().get("phase"),
            ctx.queryParams().get("stage"), ctx.queryParams().get("facilitator"),
            "true".equals(ctx.queryParams().get("archived")))));
    access.route(router, GET, "/api/groups/:id", staff, ctx -> Reply.json(ctx, 200,
        groups.detail(me(ctx), id(ctx))));
    access.route(router, PATCH, "/api/groups/:id", staff, ctx -> Reply.json(ctx, 200,
        groups.update(me(ctx), id(ctx), Reply.body(ctx), Access.address(ctx))));
    access.route(router, POST, "/api/groups/:id/archive", coordinator, ctx -> Reply.json(ctx, 200,
        groups.archive(me(ctx), id(ctx), Reply.body(ctx), Access.address(ctx))));
    access.route(router, GET, "/api/groups/:id/gate", staff, ctx -> Reply.json(ctx, 200,
        groups.gate(me(ctx), id(ctx))));
    access.route(router, POST, "/api/groups/:id/phase", staff, ctx -> Reply.json(ctx, 200,
        groups.movePhase(me(ctx), id(ctx), Reply.body(ctx), Access.address(ctx))));
    access.route(router, PUT, "/api/groups/:id/assessment", staff, ctx -> Reply.json(ctx, 200,
        records.assessment(me(ctx), id(ctx), Reply.body(ctx), Access.address(ctx))));
    access.route(router, POST, "/api/groups/:id/evaluations", staff, ctx -> Reply.json(ctx, 201,
        records.ongoingEvaluation(me(ctx), id(ctx), Reply.body(ctx), Access.address(ctx))));
    access.route(router, PUT, "/api/groups/:id/evaluation", staff, ctx -> Reply.json(ctx, 200,
        records.finalEvaluation(me(ctx), id(ctx), Reply.body(ctx), Access.address(ctx))));
    access.route(router, PUT, "/api/groups/:id/termination", staff, ctx -> Reply.json(ctx, 200,
        records.termination(me(ctx), id(ctx), Reply.body(ctx), Access.address(ctx))));
    access.route(router, POST, "/api/groups/:id/stages", staff, ctx -> Reply.json(ctx, 201,
        records.stage(me(ctx), id(ctx), Reply.body(ctx), Access.address(ctx))));
    access.route(router, POST, "/api/groups/:id/signs", staff, ctx -> Reply.json(ctx, 201,
        records.addSign(me(ctx), id(ctx), Reply.body(ctx), Access.address(ctx))));
    access.route(router, POST, "/api/groups/:id/members", staff, ctx -> Reply.json(ctx, 201,
        members.add(me(ctx), id(ctx), Reply.body(ctx), Access.address(ctx))));
    access.route(router, PATCH, "/api/groups/:id/members/:memberId", staff, ctx -> Reply.json(ctx, 200,
        members.update(me(ctx), id(ctx), ctx.pathParam("memberId"), Reply.body(ctx), Access.address(ctx))));
  }

  private static Principal me(RoutingContext ctx) {
    return Access.principal(ctx);
  }

  private static String id(RoutingContext ctx) {
    return ctx.pathParam("id");
  }

}
