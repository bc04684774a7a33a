package kelompok.audit;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import kelompok.accounts.Access;
import kelompok.accounts.Role;
import kelompok.system.Reply;

/** The audit log's only route: coordinators page and filter it. Nothing edits or deletes it. */
public final class AuditRoutes {

  private AuditRoutes() {}

  public static void install(Router router, Access access, Audit audit) {
    access.route(router, HttpMethod.GET, "/api/audit", Access.Rule.roles(Role.COORDINATOR),
        ctx -> Reply.json(ctx, 200, audit.page(AuditFilter.parse(ctx.queryParams()))));
  }
}
