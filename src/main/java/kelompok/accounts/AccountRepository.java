package kelompok.accounts;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.List;
import kelompok.system.Storage;

/** The users, invitations and sign-in throttle collections. */
final class AccountRepository {

  static final String USERS = "users";
  static final String INVITATIONS = "invitations";
  static final String THROTTLE = "signin_throttle";

  static final List<Storage.Index> INDEXES = List.of(
      new Storage.Index(USERS, new JsonObject().put("login", 1), true),
      new Storage.Index(INVITATIONS, new JsonObject().put("tokenDigest", 1), true));

  private final MongoClient mongo;

  AccountRepository(MongoClient mongo) {
    this.mongo = mongo;
  }

  MongoClient mongo() {
    return mongo;
  }

  Future<Long> countUsers() {
    return mongo.count(USERS, new JsonObject());
  }

  Future<Account> byId(String id) {
    return mongo.findOne(USERS, new JsonObject().put("_id", id), null)
        .map(json -> json == null ? null : Account.fromJson(json));
  }

  Future<Account> byLogin(String login) {
    return mongo.findOne(USERS, new JsonObject().put("login", login), null)
        .map(json -> json == null ? null : Account.fromJson(json));
  }

  Future<List<Account>> list() {
    return mongo.findWithOptions(USERS, new JsonObject(),
            new FindOptions().setSort(new JsonObject().put("role", 1).put("name", 1)))
        .map(list -> list.stream().map(Account::fromJson).toList());
  }

  /** Inserts; fails with a duplicate-key error when the login is taken. */
  Future<Void> insert(JsonObject user) {
    return mongo.insert(USERS, user).mapEmpty();
  }

  /** Applies {@code set} when the stored version is {@code version}; answers whether it did. */
  Future<Boolean> update(String id, long version, JsonObject set) {
    JsonObject query = new JsonObject().put("_id", id).put("version", version);
    JsonObject update = new JsonObject().put("$set", set.copy().put("updatedAt", Instant.now().toString()))
        .put("$inc", new JsonObject().put("version", 1));
    return mongo.updateCollection(USERS, query, update).map(r -> r.getDocMatched() == 1);
  }

  Future<Void> insertInvitation(JsonObject invitation) {
    return mongo.insert(INVITATIONS, invitation).mapEmpty();
  }

  Future<JsonObject> invitationByDigest(String digest) {
    return mongo.findOne(INVITATIONS, new JsonObject().put("tokenDigest", digest), null);
  }

  Future<List<JsonObject>> openInvitations() {
    return mongo.findWithOptions(INVITATIONS, new JsonObject().put("state", "open"),
        new FindOptions().setSort(new JsonObject().put("createdAt", -1)).setLimit(500));
  }

  /** Moves an invitation from open to {@code state} once; answers whether this call did it. */
  Future<Boolean> closeInvitation(String id, String state, JsonObject extra) {
    return mongo.updateCollection(INVITATIONS,
            new JsonObject().put("_id", id).put("state", "open"),
            new JsonObject().put("$set", extra.copy().put("state", state)
                .put("closedAt", Instant.now().toString())))
        .map(r -> r.getDocModified() == 1);
  }

  Future<SignInThrottle.State> throttle(String key) {
    return mongo.findOne(THROTTLE, new JsonObject().put("_id", key), null).map(json -> json == null
        ? SignInThrottle.State.CLEAN
        : new SignInThrottle.State(json.getInteger("failures", 0), instant(json, "windowStart"),
            instant(json, "lockedUntil")));
  }

  Future<Void> saveThrottle(String key, SignInThrottle.State state) {
    JsonObject doc = new JsonObject().put("failures", state.failures())
        .put("windowStart", state.windowStart() == null ? null : state.windowStart().toString())
        .put("lockedUntil", state.lockedUntil() == null ? null : state.lockedUntil().toString());
    return mongo.updateCollectionWithOptions(THROTTLE, new JsonObject().put("_id", key),
        new JsonObject().put("$set", doc), new UpdateOptions().setUpsert(true)).mapEmpty();
  }

  Future<Void> clearThrottle(String key) {
    return mongo.removeDocument(THROTTLE, new JsonObject().put("_id", key)).mapEmpty();
  }

  /** Keys locked now, for the coordinator's view. */
  Future<List<JsonObject>> locks(Instant now) {
    return mongo.find(THROTTLE, new JsonObject().put("lockedUntil",
        new JsonObject().put("$gt", now.toString())));
  }

  Future<List<JsonObject>> usersByIds(JsonArray ids) {
    return mongo.find(USERS, new JsonObject().put("_id", new JsonObject().put("$in", ids)));
  }

  private static Instant instant(JsonObject json, String key) {
    String value = json.getString(key);
    return value == null ? null : Instant.parse(value);
  }
}
