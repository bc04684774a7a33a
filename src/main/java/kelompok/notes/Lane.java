package kelompok.notes;

import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import kelompok.accounts.Principal;

/**
 * A note in use on this node, as {@link NoteEngine} keeps it: its stored state, its most recent
 * ops (to rebase late pushes on and to answer pulls) and the work waiting for its next batch.
 * Used from the engine's event loop only.
 */
final class Lane {

  /** One accepted op, as kept in memory. */
  record Op(long version, List<?> changes, String clientId, JsonObject by, boolean lock) {

    /** An op as read from the op log or heard from another node. */
    static Op of(JsonObject op) {
      boolean lock = op.getBoolean("lock", false);
      return new Op(op.getLong("version"), lock ? List.of() : (List<?>) NoteEngine.plain(op.getValue("changes")),
          op.getString("clientID"), op.getJsonObject("by"), lock);
    }

    /** As announced to editors and answered to pulls. */
    JsonObject toJson() {
      return new JsonObject().put("version", version).put("changes", new JsonArray(new ArrayList<>(changes)))
          .put("clientID", clientId).put("lock", lock).put("by", by);
    }

    /**
     * As stored in the op log. Ids are time-ordered, so new ops are appended at the end of the
     * store's tree; the unique (note, version) index is what decides who commits a version.
     */
    JsonObject document(String noteId, String at) {
      JsonObject document = new JsonObject().put("_id", new org.bson.types.ObjectId().toHexString())
          .put("note", noteId).put("version", version).put("by", by).put("at", at);
      return lock ? document.put("lock", true)
          : document.put("changes", new JsonArray(new ArrayList<>(changes))).put("clientID", clientId);
    }
  }

  enum Kind { PUSH, LOCK, READ }

  /** Work waiting on a note: a push (or a lock) based on a version, or a fresh read. */
  static final class Work {
    final Kind kind;
    final Principal by;
    final long base;
    final List<NoteEngine.Update> updates;
    final Promise<Object> answer = Promise.promise();
    boolean checkedFresh;
    long last;

    Work(Kind kind, Principal by, long base, List<NoteEngine.Update> updates) {
      this.kind = kind;
      this.by = by;
      this.base = base;
      this.updates = updates;
    }
  }

  NoteEngine.State state;
  boolean reload;
  boolean busy;
  long usedAt;
  final ArrayDeque<Op> recent = new ArrayDeque<>();
  final ArrayDeque<Work> waiting = new ArrayDeque<>();

  void remember(List<Op> ops) {
    recent.addAll(ops);
    while (recent.size() > NoteEngine.RECENT) {
      recent.poll();
    }
  }

  /** The ops after {@code base} (stored, then staged), or null when some are no longer in memory. */
  List<Op> since(List<Op> staged, long base) {
    List<Op> over = new ArrayList<>();
    for (Op op : recent) {
      if (op.version() > base) {
        over.add(op);
      }
    }
    for (Op op : staged) {
      if (op.version() > base) {
        over.add(op);
      }
    }
    return over.isEmpty() || over.get(0).version() != base + 1 ? null : over;
  }

  /** Up to {@code limit} stored ops after {@code since}, or null when memory cannot answer. */
  List<JsonObject> after(long since, int limit) {
    if (state == null || reload || since > state.version()) {
      return null;
    }
    List<JsonObject> found = new ArrayList<>();
    for (Op op : recent) {
      if (op.version() > since && op.version() <= state.version() && found.size() < limit) {
        found.add(op.toJson());
      }
    }
    long first = found.isEmpty() ? state.version() + 1 : found.get(0).getLong("version");
    return first == since + 1 ? found : null;
  }

  /**
   * Checks one push against the state it will apply to (with {@code rebase}, rebasing it first
   * when it was made on an older version); answers the state after it, or null when it must be
   * answered stale.
   */
  NoteEngine.State accept(List<Op> staged, NoteEngine.State s, Work w, boolean rebase) {
    if (w.base > s.version()) {
      throw new TextChange.InvalidChange("version " + w.base + " is ahead of the note (now " + s.version()
          + "); reload the note");
    }
    if (s.locked()) {
      throw new TextChange.InvalidChange("the note is signed and locked; write an addendum instead");
    }
    List<Rebase.Update> updates = new ArrayList<>();
    for (NoteEngine.Update u : w.updates) {
      if (!(NoteEngine.plain(u.changes()) instanceof List<?> changes)) {
        throw new TextChange.InvalidChange("a change must be a list (CodeMirror's ChangeSet.toJSON())");
      }
      updates.add(new Rebase.Update(changes, u.clientId() == null ? null : w.by.id() + "|" + u.clientId()));
    }
    if (w.base < s.version()) {
      List<Op> over = rebase ? since(staged, w.base) : null;
      if (over == null) {
        return null;
      }
      // the push must fit the version it was made on before it can be mapped over what came after
      int length = TextChange.lengthBefore(over.get(0).changes());
      for (Rebase.Update u : updates) {
        length = TextChange.parse(u.changes(), length).lengthAfter();
      }
      // an update counts as already accepted only when the same person sent it from the same client
      updates = Rebase.rebase(updates, over.stream().map(op -> new Rebase.Update(op.changes(),
          op.clientId() == null ? null : op.by().getString("id") + "|" + op.clientId())).toList());
    }
    List<Op> mine = new ArrayList<>();
    NoteEngine.State next = s;
    for (Rebase.Update u : updates) {
      TextChange change = TextChange.parse(u.changes(), next.text().length());
      change.checkCharacters(next.text());
      String clientId = u.clientId() == null ? null : u.clientId().substring(u.clientId().indexOf('|') + 1);
      Op op = new Op(next.version() + 1, u.changes(), clientId, w.by.toJson(), false);
      next = new NoteEngine.State(change.apply(next.text()), op.version(), false);
      mine.add(op);
    }
    staged.addAll(mine);
    return next;
  }
}
