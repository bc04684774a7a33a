package kelompok.accounts;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import kelompok.audit.Audit;
import kelompok.system.InvalidInput;
import kelompok.system.InvalidInput.FieldProblem;
import kelompok.system.Problem;
import kelompok.system.Problem.HttpProblem;

/** Accounts: first coordinator, sign-in with throttling, invitations, roles, deactivation. */
public final class AccountService {

  /** Published (cluster-wide) when sessions must end: {@code {userId}} or {@code {sessionId}}. */
  public static final String ENDED = "internal.accounts.ended";
  /** Published locally when a member accepts an invitation made for a group. */
  public static final String MEMBER_JOINED = "internal.accounts.member-joined";

  static final int MAX_NAME = 120;
  private static final Pattern LOGIN = Pattern.compile("[a-z0-9._%+@-]{3,120}");
  private static final Pattern EMAIL = Pattern.compile("[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}");
  private static final String WRONG = "The email or user name, or the password, is not right.";

  private final Vertx vertx;
  private final AccountRepository repo;
  private final Passwords passwords;
  private final Audit audit;
  private final MongoClient mongo;

  AccountService(Vertx vertx, MongoClient mongo, Audit audit) {
    this.vertx = vertx;
    this.mongo = mongo;
    this.repo = new AccountRepository(mongo);
    this.passwords = new Passwords(vertx);
    this.audit = audit;
  }

  AccountRepository repository() {
    return repo;
  }

  Passwords passwords() {
    return passwords;
  }

  Vertx vertx() {
    return vertx;
  }

  Audit audit() {
    return audit;
  }

  Future<Boolean> setupNeeded() {
    return repo.countUsers().map(n -> n == 0);
  }

  /** Creates the first coordinator; refused once any account exists. */
  Future<Principal> createFirstCoordinator(JsonObject body, String address) {
    String login = login(body.getString("login"), true, "login");
    String name = name(body.getString("name"), "name");
    String password = body.getString("password");
    Secrets.checkNewSecret(password, false, "password");
    HttpProblem done = new HttpProblem(409, "Conflict", "Kelompok is already set up; sign in instead.");
    return setupNeeded()
        .compose(needed -> needed ? mongo.insert("meta", new JsonObject().put("_id", "first-coordinator"))
            .recover(e -> Future.failedFuture(done)) : Future.failedFuture(done))
        .compose(v -> passwords.hash(password))
        .compose(hash -> insertAccount(login, name, Role.COORDINATOR, hash, null))
        .compose(account -> audit.record(account.principal().toJson(), "account.setup",
            Audit.target("account", account.id()), null, address).map(account.principal()));
  }

  /** Signs in, slowing down and locking out repeated failures per account and per address. */
  Future<Account> signIn(JsonObject body, String address) {
    String login = body.getString("login") == null ? "" : body.getString("login").trim().toLowerCase();
    String password = body.getString("password") == null ? "" : body.getString("password");
    List<FieldProblem> missing = new ArrayList<>();
    if (login.isEmpty()) {
      missing.add(new FieldProblem("login", "required", "enter your email or user name"));
    }
    if (password.isEmpty()) {
      missing.add(new FieldProblem("password", "required", "enter your password or PIN"));
    }
    if (!missing.isEmpty() || login.length() > 200 || password.length() > Secrets.MAX_PASSWORD) {
      return Future.failedFuture(missing.isEmpty()
          ? new HttpProblem(401, "Sign-in failed", WRONG) : new InvalidInput(missing));
    }
    String loginKey = "login:" + login;
    String addressKey = "address:" + address;
    Instant now = Instant.now();
    return Future.all(repo.throttle(loginKey), repo.throttle(addressKey)).compose(states -> {
      SignInThrottle.State byLogin = states.resultAt(0);
      SignInThrottle.State byAddress = states.resultAt(1);
      if (byLogin.lockedAt(now) || byAddress.lockedAt(now)) {
        Instant until = byLogin.lockedAt(now) ? byLogin.lockedUntil() : byAddress.lockedUntil();
        return audit.record(null, "account.sign-in-locked", null,
                new JsonObject().put("login", login), address)
            .compose(v -> Future.failedFuture(new HttpProblem(429, "Too many failed sign-ins",
                "Too many failed sign-ins: signing in is locked until " + until
                    + ". A coordinator can lift the lock.", new JsonObject().put("lockedUntil", until.toString()))));
      }
      long delay = Math.max(SignInThrottle.delayFor(byLogin, SignInThrottle.ACCOUNT, now).toMillis(),
          SignInThrottle.delayFor(byAddress, SignInThrottle.ADDRESS, now).toMillis());
      Future<Void> wait = delay == 0 ? Future.succeededFuture() : vertx.timer(delay).mapEmpty();
      return wait.compose(v -> repo.byLogin(login)).compose(account -> {
        String hash = account == null || !account.active() ? null : account.passwordHash();
        return passwords.verify(hash, password).compose(ok -> ok
            ? repo.clearThrottle(loginKey)
                .compose(x -> audit.record(account.principal().toJson(), "account.sign-in",
                    Audit.target("account", account.id()), null, address))
                .map(account)
            : Future.all(
                    repo.saveThrottle(loginKey, SignInThrottle.afterFailure(byLogin, SignInThrottle.ACCOUNT, now)),
                    repo.saveThrottle(addressKey, SignInThrottle.afterFailure(byAddress, SignInThrottle.ADDRESS, now)))
                .compose(x -> audit.record(null, "account.sign-in-failed",
                    account == null ? null : Audit.target("account", account.id()),
                    new JsonObject().put("login", login), address))
                .compose(x -> Future.failedFuture(new HttpProblem(401, "Sign-in failed", WRONG))));
      });
    });
  }

  /** Changes role and/or active state of an account (coordinators only, checked by the route). */
  Future<JsonObject> update(Principal actor, String id, JsonObject body, String address) {
    Long version = body.getLong("version");
    if (version == null) {
      throw InvalidInput.of("version", "required", "send the version of the account you changed");
    }
    JsonObject set = new JsonObject();
    if (body.containsKey("role")) {
      set.put("role", Role.fromCode(body.getString("role"), "role").code());
    }
    if (body.containsKey("active")) {
      if (!(body.getValue("active") instanceof Boolean active)) {
        throw InvalidInput.of("active", "not-boolean", "active must be true or false");
      }
      if (!active && actor.id().equals(id)) {
        throw InvalidInput.of("active", "self", "you cannot deactivate your own account");
      }
      set.put("active", active);
    }
    if (set.isEmpty()) {
      throw InvalidInput.of("body", "nothing", "send role and/or active to change");
    }
    return repo.byId(id).compose(before -> {
      if (before == null) {
        return Future.failedFuture(Problem.notFound("There is no account " + id + "."));
      }
      return repo.update(id, version, set).compose(ok -> {
        if (!ok) {
          return Future.failedFuture(Problem.conflict("Someone changed this account since you loaded it.",
              new JsonObject().put("current", before.toPublicJson())));
        }
        vertx.eventBus().publish(ENDED, new JsonObject().put("userId", id));
        return audit.record(actor.toJson(), "account.update", Audit.target("account", id),
                new JsonObject().put("before", new JsonObject().put("role", before.role().code())
                    .put("active", before.active())).put("after", set), address)
            .compose(v -> repo.byId(id)).map(Account::toPublicJson);
      });
    });
  }

  /** Changes one's own password after checking the current one. */
  Future<Void> changePassword(Principal actor, JsonObject body, String address) {
    String current = body.getString("current", "");
    String next = body.getString("password");
    return repo.byId(actor.id()).compose(account -> {
      Secrets.checkNewSecret(next, account.role() == Role.MEMBER, "password");
      return passwords.verify(account.passwordHash(), current).compose(ok -> ok
          ? passwords.hash(next).compose(hash -> repo.update(account.id(), account.version(),
              new JsonObject().put("passwordHash", hash)))
          : Future.failedFuture(InvalidInput.of("current", "wrong", "the current password is not right")))
          .compose(v -> audit.record(actor.toJson(), "account.password-change",
              Audit.target("account", actor.id()), null, address));
    });
  }

  /** Lifts a sign-in lock (a {@code login:} or {@code address:} key). */
  Future<Void> unlock(Principal actor, String key, String address) {
    return repo.clearThrottle(key).compose(v -> audit.record(actor.toJson(), "account.unlock", null,
        new JsonObject().put("key", key), address));
  }

  /** The accounts, without secrets, and the sign-in locks in force. */
  Future<JsonObject> overview() {
    return Future.all(repo.list(), repo.locks(Instant.now())).map(all -> new JsonObject()
        .put("accounts", all.<List<Account>>resultAt(0).stream().map(Account::toPublicJson).toList())
        .put("locks", all.<List<JsonObject>>resultAt(1).stream().map(l -> new JsonObject()
            .put("key", l.getString("_id")).put("failures", l.getInteger("failures"))
            .put("lockedUntil", l.getString("lockedUntil"))).toList()));
  }

  /** The active account with this id, or null. */
  public Future<Principal> activePrincipal(String id) {
    return repo.byId(id).map(a -> a == null || !a.active() ? null : a.principal());
  }

  Future<Account> insertAccount(String login, String name, Role role, String hash,
      String invitationId) {
    String id = UUID.randomUUID().toString();
    JsonObject doc = new JsonObject().put("_id", id).put("login", login).put("name", name)
        .put("role", role.code()).put("active", true).put("passwordHash", hash)
        .put("invitation", invitationId).put("createdAt", Instant.now().toString()).put("version", 0L);
    return repo.insert(doc)
        .recover(e -> Future.failedFuture(String.valueOf(e.getMessage()).contains("E11000")
            ? InvalidInput.of("login", "taken", "an account with this email or user name exists already")
            : e))
        .map(v -> Account.fromJson(doc));
  }

  static String login(String raw, boolean emailRequired, String field) {
    String login = raw == null ? "" : raw.trim().toLowerCase();
    if (login.isEmpty()) {
      throw InvalidInput.of(field, "required", emailRequired ? "an email address is required"
          : "an email address or user name is required");
    }
    if (!LOGIN.matcher(login).matches()) {
      throw InvalidInput.of(field, "invalid",
          "use 3 to 120 letters, digits and . _ % + - @ (no spaces)");
    }
    if (emailRequired && !EMAIL.matcher(login).matches()) {
      throw InvalidInput.of(field, "not-email", "this is not an email address");
    }
    return login;
  }

  static String name(String raw, String field) {
    String name = raw == null ? "" : raw.strip();
    if (name.isEmpty()) {
      throw InvalidInput.of(field, "required", "a name is required");
    }
    if (name.length() > MAX_NAME) {
      throw InvalidInput.of(field, "too-long", "a name may have at most " + MAX_NAME + " characters");
    }
    return name;
  }
}
