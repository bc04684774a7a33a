package kelompok.notes;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.WriteOption;
import java.util.List;
import kelompok.system.Storage;

/**
 * Notes and their op log. The op log's unique index on (note, version) decides who commits a
 * version: the insert that wins is the commit; a duplicate key means another editor (on this node
 * or another) committed that version first.
 */
final class NoteRepository {

  static final String NOTES = "notes";
  static final String OPS = "note_ops";

  static final List<Storage.Index> INDEXES = List.of(
      new Storage.Index(OPS, new JsonObject().put("note", 1).put("version", 1), true),
      new Storage.Index(NOTES, new JsonObject().put("sessionId", 1), true),
      new Storage.Index(NOTES, new JsonObject().put("groupId", 1), false));

  private final MongoClient mongo;
  private final WriteOption durable;

  NoteRepository(MongoClient mongo, boolean embedded) {
    this.mongo = mongo;
    this.durable = embedded ? WriteOption.ACKNOWLEDGED : WriteOption.MAJORITY;
  }

  Future<JsonObject> note(String id) {
    return mongo.findOne(NOTES, new JsonObject().put("_id", id), null);
  }

  /** The id of the group a note belongs to, or null when there is no such note. */
  Future<String> groupOf(String id) {
    return mongo.findOne(NOTES, new JsonObject().put("_id", id), new JsonObject().put("groupId", 1))
        .map(note -> note == null ? null : note.getString("groupId"));
  }

  Future<List<JsonObject>> notesOfGroup(String groupId) {
    return mongo.findWithOptions(NOTES, new JsonObject().put("groupId", groupId),
        new FindOptions().setFields(new JsonObject().put("text", 0).put("initialText", 0))
            .setSort(new JsonObject().put("createdAt", 1)));
  }

  Future<Void> insertNote(JsonObject note) {
    return mongo.insertWithOptions(NOTES, note, durable).mapEmpty();
  }

  /** Ops after {@code since}, in order, at most {@code limit}. */
  Future<List<JsonObject>> ops(String noteId, long since, int limit) {
    return mongo.findWithOptions(OPS, new JsonObject().put("note", noteId)
            .put("version", new JsonObject().put("$gt", since)),
        new FindOptions().setSort(new JsonObject().put("version", 1)).setLimit(limit));
  }

  /**
   * Writes the text at {@code version} as the note's snapshot. Matched by id alone (the embedded
   * store scans the collection for any other condition); a node whose copy is older may write an
   * older snapshot, which costs nothing in correctness: reading replays the op log after it.
   */
  Future<Void> saveSnapshot(String noteId, long version, String text, JsonObject extra) {
    JsonObject set = new JsonObject().put("text", text).put("version", version);
    if (extra != null) {
      set.mergeIn(extra);
    }
    return mongo.updateCollectionWithOptions(NOTES, new JsonObject().put("_id", noteId),
        new JsonObject().put("$set", set), new io.vertx.ext.mongo.UpdateOptions().setWriteOption(durable)).mapEmpty();
  }

  Future<Void> update(String noteId, JsonObject update) {
    return mongo.updateCollectionWithOptions(NOTES, new JsonObject().put("_id", noteId), update,
        new io.vertx.ext.mongo.UpdateOptions().setWriteOption(durable)).mapEmpty();
  }

  static boolean isDuplicate(Throwable e) {
    String message = String.valueOf(e.getMessage());
    return message.contains("E11000") || message.contains("duplicate key");
  }
}
