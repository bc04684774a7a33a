package kelompok.audit;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kelompok.system.Storage;

/**
 * The append-only record of who did what to which record and when. The application only ever
 * inserts into the {@code audit} collection and reads it: nothing here updates or deletes.
 */
public final class Audit {

  static final String COLLECTION = "audit";

  /** Indexes the audit log needs for its filters. */
  public static final List<Storage.Index> INDEXES = List.of(
      new Storage.Index(COLLECTION, new JsonObject().put("at", -1), false),
      new Storage.Index(COLLECTION, new JsonObject().put("actor.id", 1).put("at", -1), false),
      new Storage.Index(COLLECTION, new JsonObject().put("action", 1).put("at", -1), false));

  private final MongoClient mongo;

  public Audit(MongoClient mongo) {
    this.mongo = mongo;
  }

  /**
   * Records one entry.
   *
   * @param actor who acted ({@code {id, name, role}}), or null when nobody is signed in
   * @param action what was done, for example {@code account.sign-in} or {@code group.update}
   * @param target the record acted on ({@code {type, id}}), or null
   * @param details anything that helps a reader, never a secret
   * @param address the client's network address, or null
   */
  public Future<Void> record(JsonObject actor, String action, JsonObject target, JsonObject details,
      String address) {
    JsonObject entry = new JsonObject()
        .put("_id", UUID.randomUUID().toString())
        .put("at", Instant.now().toString())
        .put("actor", actor)
        .put("action", action)
        .put("target", target)
        .put("details", details == null ? new JsonObject() : details)
        .put("address", address);
    return mongo.insert(COLLECTION, entry).mapEmpty();
  }

  /** A target reference. */
  public static JsonObject target(String type, String id) {
    return new JsonObject().put("type", type).put("id", id);
  }

  /** One page of entries, newest first, matching the filter. */
  Future<JsonObject> page(AuditFilter filter) {
    JsonObject query = filter.query();
    return mongo.count(COLLECTION, query).compose(total -> mongo.findWithOptions(COLLECTION, query,
            new FindOptions().setSort(new JsonObject().put("at", -1).put("_id", -1))
                .setSkip(filter.page() * filter.size()).setLimit(filter.size()))
        .map(entries -> new JsonObject()
            .put("total", total).put("page", filter.page()).put("size", filter.size())
            .put("entries", entries.stream().map(e -> {
              e.put("id", e.remove("_id"));
              return e;
            }).toList())));
  }
}
