package kelompok.notes;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import kelompok.accounts.Principal;
import kelompok.system.Storage;

/**
 * The central authority for live note text, as CodeMirror's collab and Etherpad do it: a change is
 * accepted only when it is based on the note's current version. Changes to one note are handled
 * one at a time on this node; across nodes the op log's unique (note, version) index decides.
 * An accepted change is in the op log and on disk before it is announced or acknowledged.
 */
final class NoteEngine {

  private static final Logger LOG = Logger.getLogger(NoteEngine.class.getName());
  static final long SNAPSHOT_DELAY_MS = 2000;

  /** The text of a note at a version, and whether it is locked. */
  record State(String text, long version, boolean locked) {}

  private final Vertx vertx;
  private final NoteRepository repo;
  private final Storage storage;
  private final Map<String, State> cache = new ConcurrentHashMap<>();
  private final Map<String, Future<?>> queues = new ConcurrentHashMap<>();
  private final Map<String, Long> snapshotTimers = new ConcurrentHashMap<>();

  /** Published cluster-wide after each commit, so other nodes drop their older cached text. */
  static final String COMMITTED = "internal.notes.committed";

  NoteEngine(Vertx vertx, NoteRepository repo, Storage storage) {
    this.vertx = vertx;
    this.repo = repo;
    this.storage = storage;
    vertx.eventBus().<JsonObject>consumer(COMMITTED, msg -> {
      State cached = cache.get(msg.body().getString("noteId"));
      if (cached != null && cached.version() < msg.body().getLong("version")) {
        cache.remove(msg.body().getString("noteId"));
      }
    });
  }

  /** The note's state read afresh from the database (for reading, signing and history). */
  Future<State> fresh(String noteId) {
    return queued(noteId, () -> load(noteId));
  }

  /** Runs {@code work} after every earlier piece of work on the same note (on this node). */
  private <T> Future<T> queued(String noteId, java.util.function.Supplier<Future<T>> work) {
    Future<?> tail = queues.getOrDefault(noteId, Future.succeededFuture());
    Future<T> next = tail.transform(x -> work.get());
    queues.put(noteId, next);
    next.onComplete(x -> queues.remove(noteId, next));
    return next;
  }

  /** The note's current state (from this node's cache, or rebuilt from snapshot and op log). */
  Future<State> state(String noteId) {
    State cached = cache.get(noteId);
    return cached != null ? Future.succeededFuture(cached) : load(noteId);
  }

  private Future<State> load(String noteId) {
    return repo.note(noteId).compose(note -> {
      if (note == null) {
        return Future.failedFuture(new TextChange.InvalidChange("there is no note " + noteId));
      }
      return replay(noteId, new State(note.getString("text", ""), note.getLong("version", 0L),
          note.getBoolean("locked", false)));
    }).onSuccess(s -> cache.put(noteId, s));
  }

  /** Applies the op log after {@code from} to reach the newest version. */
  private Future<State> replay(String noteId, State from) {
    return repo.ops(noteId, from.version(), 5000).compose(ops -> {
      State state = from;
      for (JsonObject op : ops) {
        state = applyOp(state, op);
      }
      return ops.size() == 5000 ? replay(noteId, state) : Future.succeededFuture(state);
    });
  }

  static State applyOp(State state, JsonObject op) {
    if (op.getBoolean("lock", false)) {
      return new State(state.text(), op.getLong("version"), true);
    }
    String text = TextChange.parse(plain(op.getValue("changes")), state.text().length()).apply(state.text());
    return new State(text, op.getLong("version"), state.locked());
  }

  /** Turns Vert.x JSON values into plain lists and maps, as {@link TextChange} reads them. */
  static Object plain(Object value) {
    if (value instanceof JsonArray array) {
      return array.stream().map(NoteEngine::plain).toList();
    }
    if (value instanceof List<?> list) {
      return list.stream().map(NoteEngine::plain).toList();
    }
    if (value instanceof JsonObject object) {
      return object.getMap();
    }
    return value;
  }

  /** Most updates one push may carry. */
  static final int MAX_UPDATES = 100;

  /** One update a client sends: the change and the client's id. */
  record Update(Object changes, String clientId) {}

  /**
   * Offers updates based on {@code base}, applied in order (versions base+1, base+2, ...). Answers
   * {@code {accepted: true, version}} or {@code {stale: true, version}} (pull what you missed,
   * rebase, resend); fails with {@link TextChange.InvalidChange} when an update is wrong or the
   * note is locked; then nothing of the push is stored. One disk commit covers the whole push.
   */
  Future<JsonObject> push(Principal by, String noteId, long base, List<Update> updates) {
    if (updates.isEmpty() || updates.size() > MAX_UPDATES) {
      return Future.failedFuture(new TextChange.InvalidChange("a push carries 1 to " + MAX_UPDATES + " updates"));
    }
    return queued(noteId, () -> state(noteId)
        .compose(s -> base > s.version() ? load(noteId) : Future.succeededFuture(s))
        .compose(s -> accept(by, noteId, base, updates, s))
        .recover(e -> e instanceof TextChange.InvalidChange && cache.containsKey(noteId)
            // this node's copy may be behind another node's commit: check once against the database
            ? load(noteId).compose(s -> accept(by, noteId, base, updates, s))
            : Future.failedFuture(e)));
  }

  private Future<JsonObject> accept(Principal by, String noteId, long base, List<Update> updates, State s) {
          if (base > s.version()) {
            throw new TextChange.InvalidChange("version " + base + " is ahead of the note (now "
                + s.version() + "); reload the note");
          }
          if (s.locked()) {
            throw new TextChange.InvalidChange("the note is signed and locked; write an addendum instead");
          }
          if (base < s.version()) {
            return Future.succeededFuture(stale(s));
          }
          List<JsonObject> ops = new java.util.ArrayList<>();
          State next = s;
          for (Update update : updates) {
            Object plainChanges = plain(update.changes());
            TextChange change = TextChange.parse(plainChanges, next.text().length());
            change.checkCharacters(next.text());
            long version = next.version() + 1;
            ops.add(new JsonObject().put("_id", noteId + ":" + version).put("note", noteId)
                .put("version", version).put("changes", new JsonArray((List<?>) plainChanges))
                .put("clientID", update.clientId()).put("by", by.toJson()).put("at", Instant.now().toString()));
            next = new State(change.apply(next.text()), version, false);
          }
          State last = next;
          return commit(noteId, ops, last)
              .map(committed -> committed ? new JsonObject().put("accepted", true).put("version", last.version())
                  : stale(cache.get(noteId)));
  }

  /** Locks the note: a lock takes a version of its own, so no change based on an older one lands. */
  Future<Long> lock(String noteId, Principal by) {
    return queued(noteId, () -> lockNow(noteId, by));
  }

  private Future<Long> lockNow(String noteId, Principal by) {
    return state(noteId).compose(s -> {
      if (s.locked()) {
        return Future.succeededFuture(s.version());
      }
      long version = s.version() + 1;
      JsonObject op = new JsonObject().put("_id", noteId + ":" + version).put("note", noteId)
          .put("version", version).put("lock", true).put("by", by.toJson()).put("at", Instant.now().toString());
      return commit(noteId, List.of(op), new State(s.text(), version, true))
          .compose(done -> done ? Future.succeededFuture(version) : lockNow(noteId, by));
    });
  }

  /** Ops after {@code since}, for a client that missed some. */
  Future<List<JsonObject>> ops(String noteId, long since) {
    return repo.ops(noteId, since, 1000).map(list -> list.stream().map(op -> new JsonObject()
        .put("version", op.getLong("version")).put("changes", op.getJsonArray("changes"))
        .put("clientID", op.getString("clientID")).put("lock", op.getBoolean("lock", false))
        .put("by", op.getJsonObject("by"))).toList());
  }

  /**
   * Inserts the ops in order (each insert that wins is a commit), makes them durable, then
   * announces them. False when another editor won the first version; when another wins a later
   * one, the ops before it stand and the rest is dropped (the client pulls and rebases).
   */
  private Future<Boolean> commit(String noteId, List<JsonObject> ops, State last) {
    return insertAll(ops, 0).compose(inserted -> {
      if (inserted == 0) {
        cache.remove(noteId);
        return load(noteId).map(s -> false);
      }
      return storage.commitToDisk().compose(v -> {
        if (inserted == ops.size()) {
          cache.put(noteId, last);
        } else {
          cache.remove(noteId);
        }
        scheduleSnapshot(noteId);
        vertx.eventBus().publish(COMMITTED, new JsonObject().put("noteId", noteId)
            .put("version", ops.get(inserted - 1).getLong("version")));
        for (JsonObject op : ops.subList(0, inserted)) {
          vertx.eventBus().publish(Notes.ADDRESS_PREFIX + "." + noteId, new JsonObject()
              .put("type", op.getBoolean("lock", false) ? "locked" : "change")
              .put("version", op.getLong("version")).put("changes", op.getJsonArray("changes"))
              .put("clientID", op.getString("clientID")).put("by", op.getJsonObject("by")));
        }
        return inserted == ops.size() ? Future.succeededFuture(true)
            : load(noteId).map(s -> false);
      });
    });
  }

  /** Inserts ops from {@code index} on; answers how many were inserted before a duplicate. */
  private Future<Integer> insertAll(List<JsonObject> ops, int index) {
    if (index == ops.size()) {
      return Future.succeededFuture(index);
    }
    return repo.insertOp(ops.get(index)).compose(v -> insertAll(ops, index + 1),
        e -> NoteRepository.isDuplicate(e) ? Future.succeededFuture(index) : Future.failedFuture(e));
  }

  private JsonObject stale(State s) {
    return new JsonObject().put("stale", true).put("version", s.version());
  }

  /**
   * Writes the snapshot at most every {@link #SNAPSHOT_DELAY_MS} while a note changes, so a burst
   * of typing costs one write (the op log, already on disk, is what makes changes durable).
   */
  private void scheduleSnapshot(String noteId) {
    if (snapshotTimers.containsKey(noteId)) {
      return;
    }
    snapshotTimers.put(noteId, vertx.setTimer(SNAPSHOT_DELAY_MS, id -> {
      snapshotTimers.remove(noteId);
      saveSnapshot(noteId);
    }));
  }

  /** Writes the cached state as the note's snapshot now. */
  Future<Void> saveSnapshot(String noteId) {
    State s = cache.get(noteId);
    if (s == null) {
      return Future.succeededFuture();
    }
    // "locked" is only ever set, never cleared, so an older copy cannot unlock the note's record
    return repo.saveSnapshot(noteId, s.version(), s.text(), s.locked() ? new JsonObject().put("locked", true) : null)
        .onFailure(e -> LOG.log(Level.WARNING, "snapshot of note " + noteId + " failed; the op log still has it", e));
  }

  /** Saves every pending snapshot (on shutdown). */
  Future<Void> flush() {
    List<String> pending = List.copyOf(snapshotTimers.keySet());
    pending.forEach(id -> vertx.cancelTimer(snapshotTimers.remove(id)));
    return Future.all(pending.stream().map(this::saveSnapshot).toList()).mapEmpty();
  }
}
