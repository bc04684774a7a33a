package kelompok.groups;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import kelompok.accounts.Principal;
import kelompok.system.Problem;
import kelompok.system.Storage;

/**
 * The {@code groups} and {@code group_members} collections. Every update is conditional on the
 * record's version and bumps it, and keeps a short list of recent edits (who, when, which fields)
 * so a conflict can say what changed.
 */
final class GroupRepository {

  static final String GROUPS = "groups";
  static final String MEMBERS = "group_members";
  static final int EDITS_KEPT = 20;

  static final List<Storage.Index> INDEXES = List.of(
      new Storage.Index(GROUPS, new JsonObject().put("facilitatorIds", 1), false),
      new Storage.Index(GROUPS, new JsonObject().put("phase", 1), false),
      new Storage.Index(MEMBERS, new JsonObject().put("groupId", 1), false),
      new Storage.Index(MEMBERS, new JsonObject().put("userId", 1), false));

  private final MongoClient mongo;

  GroupRepository(MongoClient mongo) {
    this.mongo = mongo;
  }

  MongoClient mongo() {
    return mongo;
  }

  Future<JsonObject> group(String id) {
    return mongo.findOne(GROUPS, new JsonObject().put("_id", id), null);
  }

  Future<List<JsonObject>> groups(JsonObject query) {
    return mongo.findWithOptions(GROUPS, query,
        new FindOptions().setSort(new JsonObject().put("name", 1)).setLimit(1000));
  }

  Future<Void> insertGroup(JsonObject group) {
    return mongo.insert(GROUPS, group).mapEmpty();
  }

  Future<List<JsonObject>> members(String groupId) {
    return mongo.findWithOptions(MEMBERS, new JsonObject().put("groupId", groupId),
        new FindOptions().setSort(new JsonObject().put("createdAt", 1)));
  }

  Future<JsonObject> member(String groupId, String memberId) {
    return mongo.findOne(MEMBERS, new JsonObject().put("_id", memberId).put("groupId", groupId), null);
  }

  Future<List<JsonObject>> membershipsOf(String userId) {
    return mongo.find(MEMBERS, new JsonObject().put("userId", userId));
  }

  Future<Void> insertMember(JsonObject member) {
    return mongo.insert(MEMBERS, member).mapEmpty();
  }

  /**
   * Changes a record if its version is still {@code version}: {@code change} gets the record as it
   * is and answers the fields to set (it may throw to refuse). Otherwise fails with a 409 that
   * lists the edits made since, and the record as it is now. The write is conditional on the
   * version, so two nodes cannot both win.
   */
  Future<JsonObject> update(String collection, JsonObject match, long version,
      Function<JsonObject, Future<JsonObject>> change, Principal by, String what) {
    return mongo.findOne(collection, match, null).compose(current -> {
      if (current == null) {
        return Future.failedFuture(Problem.notFound("This record does not exist."));
      }
      if (current.getLong("version", 0L) != version) {
        return Future.failedFuture(conflict(current, version));
      }
      return change.apply(current).compose(set -> {
        JsonObject edit = new JsonObject().put("version", version + 1).put("by", by.toJson())
            .put("at", Instant.now().toString()).put("what", what)
            .put("fields", new JsonArray(set.fieldNames().stream().sorted().toList()));
        List<Object> edits = new ArrayList<>(current.getJsonArray("edits", new JsonArray()).getList());
        edits.add(edit);
        JsonObject update = new JsonObject().put("$set", set.copy()
            .put("updatedAt", Instant.now().toString()).put("version", version + 1)
            .put("edits", new JsonArray(edits.subList(Math.max(0, edits.size() - EDITS_KEPT), edits.size()))));
        return mongo.updateCollection(collection, match.copy().put("version", version), update)
            .compose(result -> result.getDocMatched() == 1 ? mongo.findOne(collection, match, null)
                : mongo.findOne(collection, match, null)
                    .compose(now -> Future.failedFuture(conflict(now, version))));
      });
    });
  }

  static Problem.HttpProblem conflict(JsonObject current, long version) {
    JsonArray since = new JsonArray(current.getJsonArray("edits", new JsonArray()).stream()
        .map(JsonObject.class::cast).filter(e -> e.getLong("version") > version).toList());
    String who = since.isEmpty() ? "someone" : since.stream().map(JsonObject.class::cast)
        .map(e -> e.getJsonObject("by").getString("name")).distinct().reduce((a, b) -> a + ", " + b).orElse("");
    return Problem.conflict("This record was changed by " + who + " since you opened it (your version "
        + version + ", now " + current.getLong("version") + "). Nothing of yours was saved; look at "
        + "the changes and try again.",
        new JsonObject().put("yourVersion", version).put("currentVersion", current.getLong("version"))
            .put("changes", since).put("current", Groups.clean(current)));
  }
}
