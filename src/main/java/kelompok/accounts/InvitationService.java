package kelompok.accounts;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kelompok.audit.Audit;
import kelompok.system.InvalidInput;
import kelompok.system.Problem;
import kelompok.system.Problem.HttpProblem;

/**
 * Invitations: a single-use, expiring, unguessable link (only its SHA-256 is stored) that lets a
 * person set a password or, for members, a PIN. Staff invite by email; facilitators invite
 * members only and manage their own invitations.
 */
final class InvitationService {

  static final Duration INVITATION_LIFETIME = Duration.ofDays(7);

  private final AccountService service;
  private final AccountRepository repo;
  private final Audit audit;

  InvitationService(AccountService service, Audit audit) {
    this.service = service;
    this.repo = service.repository();
    this.audit = audit;
  }

  /** Makes an invitation; a facilitator may invite members only. Answers the one-time token. */
  Future<JsonObject> invite(Principal actor, JsonObject body, String address) {
    Role role = Role.fromCode(body.getString("role"), "role");
    if (actor.is(Role.FACILITATOR) && role != Role.MEMBER) {
      return Future.failedFuture(Problem.forbidden("A facilitator may invite members only."));
    }
    String name = AccountService.name(body.getString("name"), "name");
    String login = body.getString("login") == null || body.getString("login").isBlank() ? null
        : AccountService.login(body.getString("login"), role != Role.MEMBER, "login");
    if (login == null && role != Role.MEMBER) {
      throw InvalidInput.of("login", "required", "staff are invited by email address");
    }
    String groupId = body.getString("groupId");
    return newInvitation(actor, role, name, login, groupId, address);
  }

  private Future<JsonObject> newInvitation(Principal actor, Role role, String name, String login,
      String groupId, String address) {
    String token = Passwords.newToken();
    String id = UUID.randomUUID().toString();
    Instant expires = Instant.now().plus(INVITATION_LIFETIME);
    JsonObject invitation = new JsonObject().put("_id", id).put("tokenDigest", Secrets.digest(token))
        .put("role", role.code()).put("name", name).put("login", login).put("groupId", groupId)
        .put("state", "open").put("createdBy", actor.toJson()).put("createdAt", Instant.now().toString())
        .put("expiresAt", expires.toString());
    return repo.insertInvitation(invitation)
        .compose(v -> audit.record(actor.toJson(), "invitation.create", Audit.target("invitation", id),
            new JsonObject().put("role", role.code()).put("name", name), address))
        .map(v -> new JsonObject().put("id", id).put("token", token).put("role", role.code())
            .put("name", name).put("expiresAt", expires.toString())
            .put("link", "/accept.html#" + token));
  }

  /** What an invitation link leads to, if it is still good. */
  Future<JsonObject> invitation(String token) {
    return openInvitation(token).map(inv -> new JsonObject().put("name", inv.getString("name"))
        .put("role", inv.getString("role")).put("login", inv.getString("login"))
        .put("expiresAt", inv.getString("expiresAt")));
  }

  /** Accepts an invitation: the account is made and the link is used up. */
  Future<Account> accept(JsonObject body, String address) {
    String token = body.getString("token");
    String password = body.getString("password");
    return openInvitation(token).compose(inv -> {
      Role role = Role.fromCode(inv.getString("role"), "role");
      String login = inv.getString("login") != null ? inv.getString("login")
          : AccountService.login(body.getString("login"), false, "login");
      Secrets.checkNewSecret(password, role == Role.MEMBER, "password");
      return repo.closeInvitation(inv.getString("_id"), "used", new JsonObject())
          .compose(first -> first ? service.passwords().hash(password) : Future.failedFuture(usedUp()))
          .compose(hash -> service.insertAccount(login, inv.getString("name"), role, hash, inv.getString("_id")))
          .compose(account -> audit.record(account.principal().toJson(), "invitation.accept",
                  Audit.target("invitation", inv.getString("_id")),
                  new JsonObject().put("account", account.id()), address)
              .map(account))
          .onSuccess(account -> {
            if (inv.getString("groupId") != null) {
              service.vertx().eventBus().publish(AccountService.MEMBER_JOINED, new JsonObject().put("userId", account.id())
                  .put("name", account.name())
                  .put("groupId", inv.getString("groupId")).put("by", inv.getJsonObject("createdBy")));
            }
          });
    });
  }

  /** Revokes an open invitation; with {@code reissue}, makes a new one for the same person. */
  Future<JsonObject> revoke(Principal actor, String id, boolean reissue, String address) {
    return repo.mongo().findOne(AccountRepository.INVITATIONS, new JsonObject().put("_id", id), null)
        .compose(inv -> {
          if (inv == null || !mayManage(actor, inv)) {
            return Future.failedFuture(Problem.notFound("There is no invitation " + id + " you manage."));
          }
          return repo.closeInvitation(id, "revoked", new JsonObject().put("revokedBy", actor.toJson()))
              .compose(done -> done || reissue ? audit.record(actor.toJson(), "invitation.revoke",
                  Audit.target("invitation", id), null, address)
                  : Future.failedFuture(new HttpProblem(409, "Conflict", "That invitation is no longer open.")))
              .compose(v -> reissue ? newInvitation(actor, Role.fromCode(inv.getString("role"), "role"),
                  inv.getString("name"), inv.getString("login"), inv.getString("groupId"), address)
                  : Future.succeededFuture(new JsonObject().put("id", id).put("state", "revoked")));
        });
  }

  Future<List<JsonObject>> openInvitations(Principal actor) {
    return repo.openInvitations().map(list -> list.stream().filter(inv -> mayManage(actor, inv))
        .map(inv -> new JsonObject().put("id", inv.getString("_id")).put("name", inv.getString("name"))
            .put("role", inv.getString("role")).put("login", inv.getString("login"))
            .put("groupId", inv.getString("groupId")).put("expiresAt", inv.getString("expiresAt"))
            .put("createdBy", inv.getJsonObject("createdBy")))
        .toList());
  }

  private boolean mayManage(Principal actor, JsonObject invitation) {
    return actor.is(Role.COORDINATOR) || actor.id().equals(
        invitation.getJsonObject("createdBy", new JsonObject()).getString("id"));
  }

  private Future<JsonObject> openInvitation(String token) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return Future.failedFuture(InvalidInput.of("token", "required", "the invitation link is incomplete"));
    }
    return repo.invitationByDigest(Secrets.digest(token)).compose(inv -> {
      if (inv == null) {
        return Future.failedFuture(new HttpProblem(404, "Invitation not found",
            "This invitation link is not known. Ask for a new one."));
      }
      if (!"open".equals(inv.getString("state"))) {
        return Future.failedFuture(usedUp());
      }
      if (Instant.parse(inv.getString("expiresAt")).isBefore(Instant.now())) {
        return Future.failedFuture(new HttpProblem(410, "Invitation expired",
            "This invitation link has expired. Ask for a new one."));
      }
      return Future.succeededFuture(inv);
    });
  }

  private static HttpProblem usedUp() {
    return new HttpProblem(410, "Invitation used",
        "This invitation link has already been used or was withdrawn. Ask for a new one.");
  }

}
