package kelompok.accounts;

import static io.vertx.core.http.HttpMethod.DELETE;
import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.PATCH;
import static io.vertx.core.http.HttpMethod.POST;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import kelompok.accounts.Access.Rule;
import kelompok.system.Reply;

/** HTTP routes of accounts: thin handlers that parse, authorize (by rule), call and reply. */
final class AccountRoutes {

  private final AccountService service;
  private final InvitationService invitations;
  private final Access access;

  AccountRoutes(AccountService service, Access access) {
    this.service = service;
    this.invitations = new InvitationService(service, service.audit());
    this.access = access;
  }

  void install(Router router) {
    Rule anyone = Rule.anyone();
    Rule signedIn = Rule.signedIn();
    Rule coordinator = Rule.roles(Role.COORDINATOR);
    Rule staff = Rule.roles(Role.COORDINATOR, Role.FACILITATOR);

    access.route(router, GET, "/api/me", signedIn, ctx -> Reply.json(ctx, 200,
        io.vertx.core.Future.succeededFuture(Access.principal(ctx).toJson()
            .put("email", Access.principal(ctx).email()))));
    access.route(router, GET, "/api/session", anyone, ctx -> {
      Principal p = Access.principalOrNull(ctx);
      Reply.json(ctx, 200, io.vertx.core.Future.succeededFuture(new JsonObject()
          .put("user", p == null ? null : p.toJson().put("email", p.email()))));
    });
    access.route(router, GET, "/setup.html", anyone, ctx -> service.setupNeeded().onComplete(r -> {
      if (r.succeeded() && !r.result()) {
        ctx.redirect("/signin.html");
      } else {
        ctx.next();
      }
    }));
    access.route(router, GET, "/api/setup", anyone, ctx -> Reply.json(ctx, 200,
        service.setupNeeded().map(needed -> new JsonObject().put("needed", needed))));
    access.route(router, POST, "/api/setup", anyone, ctx -> Reply.json(ctx, 201,
        service.createFirstCoordinator(Reply.body(ctx), Access.address(ctx))
            .map(p -> startSession(ctx, p))));
    access.route(router, POST, "/api/session", anyone, ctx -> Reply.json(ctx, 200,
        service.signIn(Reply.body(ctx), Access.address(ctx)).map(a -> startSession(ctx, a.principal()))));
    access.route(router, DELETE, "/api/session", signedIn, this::signOut);
    access.route(router, POST, "/api/me/password", signedIn, ctx -> Reply.json(ctx, 204,
        service.changePassword(Access.principal(ctx), Reply.body(ctx), Access.address(ctx))));

    access.route(router, GET, "/api/accounts", coordinator, ctx -> Reply.json(ctx, 200,
        service.overview()));
    access.route(router, PATCH, "/api/accounts/:id", coordinator, ctx -> Reply.json(ctx, 200,
        service.update(Access.principal(ctx), ctx.pathParam("id"), Reply.body(ctx), Access.address(ctx))));
    access.route(router, DELETE, "/api/locks/:key", coordinator, ctx -> Reply.json(ctx, 204,
        service.unlock(Access.principal(ctx), ctx.pathParam("key"), Access.address(ctx))));

    access.route(router, GET, "/api/invitations", staff, ctx -> Reply.json(ctx, 200,
        invitations.openInvitations(Access.principal(ctx))));
    access.route(router, POST, "/api/invitations", staff, ctx -> Reply.json(ctx, 201,
        invitations.invite(Access.principal(ctx), Reply.body(ctx), Access.address(ctx))));
    access.route(router, DELETE, "/api/invitations/:id", staff, ctx -> Reply.json(ctx, 200,
        invitations.revoke(Access.principal(ctx), ctx.pathParam("id"), false, Access.address(ctx))));
    access.route(router, POST, "/api/invitations/:id/reissue", staff, ctx -> Reply.json(ctx, 201,
        invitations.revoke(Access.principal(ctx), ctx.pathParam("id"), true, Access.address(ctx))));
    access.route(router, POST, "/api/invitations/lookup", anyone, ctx -> Reply.json(ctx, 200,
        invitations.invitation(Reply.body(ctx).getString("token"))));
    access.route(router, POST, "/api/invitations/accept", anyone, ctx -> Reply.json(ctx, 201,
        invitations.accept(Reply.body(ctx), Access.address(ctx)).map(a -> startSession(ctx, a.principal()))));
  }

  /** A fresh session id at sign-in (no fixation), holding only the account id. */
  private JsonObject startSession(RoutingContext ctx, Principal principal) {
    Session session = ctx.session();
    session.regenerateId();
    session.put(Sessions.USER_ID, principal.id());
    ctx.put(Access.PRINCIPAL, principal);
    return principal.toJson().put("email", principal.email());
  }

  private void signOut(RoutingContext ctx) {
    Principal principal = Access.principal(ctx);
    String sessionId = ctx.session().id();
    ctx.session().destroy();
    ctx.vertx().eventBus().publish(AccountService.ENDED, new JsonObject().put("sessionId", sessionId));
    Reply.json(ctx, 204, service.audit().record(principal.toJson(), "account.sign-out",
        kelompok.audit.Audit.target("account", principal.id()), null, Access.address(ctx)));
  }

}
