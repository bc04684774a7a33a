package kelompok.accounts;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import kelompok.audit.Audit;
import kelompok.system.Config;
import kelompok.system.Storage;

/** The accounts feature: sessions, CSRF, the route rules, and the account routes. */
public final class Accounts {

  private final AccountService service;
  private final Access access;

  private Accounts(AccountService service, Access access) {
    this.service = service;
    this.access = access;
  }

  /**
   * Creates indexes, loads (or makes, once) the CSRF secret shared by every node, and installs
   * sessions, CSRF and the account routes on {@code router}.
   */
  public static Future<Accounts> install(Vertx vertx, Router router, Storage storage, Config config,
      Audit audit) {
    AccountService service = new AccountService(vertx, storage.client(), audit);
    Access access = new Access(audit);
    return storage.ensureIndexes(AccountRepository.INDEXES)
        .compose(v -> secret(storage))
        .map(secret -> {
          Sessions.install(vertx, router, config, access, service, secret);
          new AccountRoutes(service, access).install(router);
          return new Accounts(service, access);
        });
  }

  /** Personal notices: {@code user.<id>}, heard only by that person. */
  public static final String USER_PREFIX = "user";

  /** Declares this feature's bridge addresses: each person may hear their own address only. */
  public void declareAddresses(kelompok.system.BridgeAddresses addresses) {
    addresses.declare(USER_PREFIX, java.util.Set.of(io.vertx.ext.bridge.BridgeEventType.REGISTER),
        (principal, type, id, body) -> Future.succeededFuture(principal.id().equals(id)));
  }

  public Access access() {
    return access;
  }

  public AccountService service() {
    return service;
  }

  /** Whether no account exists yet (the first coordinator must be created). */
  public Future<Boolean> setupNeeded() {
    return service.setupNeeded();
  }

  private static Future<String> secret(Storage storage) {
    JsonObject doc = new JsonObject().put("_id", "csrf-secret").put("value", Passwords.newToken());
    return storage.client().insert("meta", doc)
        .recover(e -> Future.succeededFuture(null))
        .compose(v -> storage.client().findOne("meta", new JsonObject().put("_id", "csrf-secret"), null))
        .map(found -> found.getString("value"));
  }
}
