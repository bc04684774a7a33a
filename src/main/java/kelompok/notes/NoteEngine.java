package kelompok.notes;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import kelompok.accounts.Principal;

/**
 * The central authority for live note text, as CodeMirror's collab and Etherpad do it. Each note
 * has a lane on this node: the pushes that arrive while the note's previous batch is being stored
 * wait, and then go together, each based on the note's current version. A push based on an older
 * version is rebased here over the ops it missed, exactly as {@code @codemirror/collab}'s
 * {@code rebaseUpdates} does it (when those ops are still in memory; otherwise it is answered
 * stale and the client pulls and rebases). Across nodes, the op log's unique (note, version)
 * index decides who commits a version. Accepted ops are in the op log and on disk before they are
 * announced or acknowledged.
 */
final class NoteEngine {

  private static final Logger LOG = Logger.getLogger(NoteEngine.class.getName());
  static final long SNAPSHOT_DELAY_MS = 10_000;
  /** Accepted ops each note keeps in memory, to rebase late pushes on and to answer pulls. */
  static final int RECENT = 512;
  /** Most updates one push may carry. */
  static final int MAX_UPDATES = 100;
  /** Lanes idle this long are dropped from memory. */
  static final long IDLE_MS = 10 * 60_000;
  /** Published cluster-wide after each commit, so other nodes drop their older copy. */
  static final String COMMITTED = "internal.notes.committed";

  /** The text of a note at a version, and whether it is locked. */
  record State(String text, long version, boolean locked) {}

  /** One update a client sends: the change and the client's id. */
  record Update(Object changes, String clientId) {}

  /** One accepted op, as kept in memory. */
  private record Op(long version, List<?> changes, String clientId, JsonObject by, boolean lock) {
    JsonObject toJson() {
      return new JsonObject().put("version", version).put("changes", new JsonArray(new ArrayList<>(changes)))
          .put("clientID", clientId).put("lock", lock).put("by", by);
    }
  }

  private enum Kind { PUSH, LOCK, READ }

  /** Work waiting on a note: a push, a lock or a fresh read. */
  private static final class Work {
    final Kind kind;
    final Principal by;
    final long base;
    final List<Update> updates;
    final Promise<Object> answer = Promise.promise();
    boolean checkedFresh;
    long last;

    Work(Kind kind, Principal by, long base, List<Update> updates) {
      this.kind = kind;
      this.by = by;
      this.base = base;
      this.updates = updates;
    }
  }

  /** A note in use on this node: its stored state, its recent ops and the work waiting for it. */
  private static final class Lane {
    State state;
    boolean reload;
    boolean busy;
    long usedAt;
    final ArrayDeque<Op> recent = new ArrayDeque<>();
    final ArrayDeque<Work> waiting = new ArrayDeque<>();
  }

  private final Vertx vertx;
  private final NoteRepository repo;
  private final OpLog log;
  private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
  private final Map<String, Long> snapshotTimers = new ConcurrentHashMap<>();

  NoteEngine(Vertx vertx, NoteRepository repo, OpLog log) {
    this.vertx = vertx;
    this.repo = repo;
    this.log = log;
    vertx.eventBus().<JsonObject>consumer(COMMITTED, msg -> {
      Lane lane = lanes.get(msg.body().getString("noteId"));
      if (lane != null && lane.state != null && lane.state.version() < msg.body().getLong("version")) {
        lane.reload = true;
      }
    });
    vertx.setPeriodic(60_000, t -> dropIdle());
  }

  /**
   * Offers updates based on {@code base}, applied in order. Answers {@code {accepted: true,
   * version}} or {@code {stale: true, version}} (pull what you missed, rebase, resend); fails with
   * {@link TextChange.InvalidChange} when an update is wrong or the note is locked, and then
   * nothing of the push is stored.
   */
  Future<JsonObject> push(Principal by, String noteId, long base, List<Update> updates) {
    if (updates.isEmpty() || updates.size() > MAX_UPDATES) {
      return Future.failedFuture(new TextChange.InvalidChange("a push carries 1 to " + MAX_UPDATES + " updates"));
    }
    return submit(noteId, new Work(Kind.PUSH, by, base, updates)).map(JsonObject.class::cast);
  }

  /** Locks the note: a lock takes a version of its own, so no change based on an older one lands. */
  Future<Long> lock(String noteId, Principal by) {
    return submit(noteId, new Work(Kind.LOCK, by, 0, List.of())).map(Long.class::cast);
  }

  /** The note's state read afresh from the database, after the work already waiting on it. */
  Future<State> fresh(String noteId) {
    return submit(noteId, new Work(Kind.READ, null, 0, List.of())).map(State.class::cast);
  }

  private Future<Object> submit(String noteId, Work work) {
    Lane lane = lanes.computeIfAbsent(noteId, id -> new Lane());
    lane.waiting.add(work);
    drive(noteId, lane);
    return work.answer.future();
  }

  private void drive(String noteId, Lane lane) {
    if (lane.busy || lane.waiting.isEmpty()) {
      return;
    }
    lane.busy = true;
    lane.usedAt = System.currentTimeMillis();
    if (lane.state == null || lane.reload || lane.waiting.peek().kind == Kind.READ) {
      lane.reload = false;
      load(noteId, lane).onComplete(loaded -> {
        lane.busy = false;
        if (loaded.failed()) {
          lane.state = null;
          lane.waiting.forEach(w -> w.answer.fail(loaded.cause()));
          lane.waiting.clear();
          return;
        }
        lane.waiting.forEach(w -> w.checkedFresh = true);
        while (!lane.waiting.isEmpty() && lane.waiting.peek().kind == Kind.READ) {
          lane.waiting.poll().answer.complete(lane.state);
        }
        drive(noteId, lane);
      });
      return;
    }
    stage(noteId, lane);
  }

  /** Takes the waiting work, checks and rebases it in order, and stores its ops as one batch. */
  private void stage(String noteId, Lane lane) {
    State s = lane.state;
    List<Op> ops = new ArrayList<>();
    List<Work> staged = new ArrayList<>();
    while (!lane.waiting.isEmpty() && lane.waiting.peek().kind != Kind.READ && !lane.reload) {
      Work w = lane.waiting.poll();
      if (w.kind == Kind.LOCK) {
        if (!s.locked()) {
          ops.add(new Op(s.version() + 1, List.of(), null, w.by.toJson(), true));
          s = new State(s.text(), s.version() + 1, true);
        }
        w.last = s.version();
        staged.add(w);
        continue;
      }
      if (w.base > s.version() && !w.checkedFresh) {
        // this node's copy may be behind another node's commit: read it again first
        lane.waiting.addFirst(w);
        lane.reload = true;
        break;
      }
      try {
        State next = accept(lane, ops, s, w);
        if (next == null) {
          w.answer.complete(stale(s.version()));
          continue;
        }
        s = next;
        w.last = s.version();
        staged.add(w);
      } catch (TextChange.InvalidChange e) {
        w.answer.fail(e);
      }
    }
    if (ops.isEmpty()) {
      staged.forEach(w -> answer(w, true));
      lane.busy = false;
      drive(noteId, lane);
      return;
    }
    State target = s;
    String at = Instant.now().toString();
    List<JsonObject> documents = ops.stream().map(op -> document(noteId, op, at)).toList();
    log.append(documents).onComplete(result -> {
      int stored = result.succeeded() ? result.result() : 0;
      if (stored == ops.size()) {
        lane.state = target;
      } else {
        // another node took a version first, or the write failed: read the note again
        lane.state = null;
      }
      if (stored > 0) {
        remember(lane, ops.subList(0, stored));
        announce(noteId, ops.subList(0, stored));
      }
      long storedUpTo = stored > 0 ? ops.get(stored - 1).version() : -1;
      for (Work w : staged) {
        if (w.last <= storedUpTo) {
          answer(w, true);
        } else if (result.failed()) {
          w.answer.fail(result.cause());
        } else if (w.kind == Kind.LOCK) {
          lane.waiting.addFirst(w);
        } else {
          w.answer.complete(stale(storedUpTo));
        }
      }
      lane.busy = false;
      drive(noteId, lane);
    });
  }

  /**
   * Checks one push against the state it will apply to (rebasing it first when it was made on an
   * older version); answers the state after it, or null when it must be answered stale.
   */
  private State accept(Lane lane, List<Op> staged, State s, Work w) {
    if (w.base > s.version()) {
      throw new TextChange.InvalidChange("version " + w.base + " is ahead of the note (now " + s.version()
          + "); reload the note");
    }
    if (s.locked()) {
      throw new TextChange.InvalidChange("the note is signed and locked; write an addendum instead");
    }
    List<Rebase.Update> updates = new ArrayList<>();
    for (Update u : w.updates) {
      if (!(plain(u.changes()) instanceof List<?> changes)) {
        throw new TextChange.InvalidChange("a change must be a list (CodeMirror's ChangeSet.toJSON())");
      }
      updates.add(new Rebase.Update(changes, u.clientId() == null ? null : w.by.id() + "|" + u.clientId()));
    }
    if (w.base < s.version()) {
      List<Op> over = since(lane, staged, w.base);
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
    State next = s;
    for (Rebase.Update u : updates) {
      TextChange change = TextChange.parse(u.changes(), next.text().length());
      change.checkCharacters(next.text());
      String clientId = u.clientId() == null ? null : u.clientId().substring(u.clientId().indexOf('|') + 1);
      Op op = new Op(next.version() + 1, u.changes(), clientId, w.by.toJson(), false);
      next = new State(change.apply(next.text()), op.version(), false);
      mine.add(op);
    }
    staged.addAll(mine);
    return next;
  }

  /** The ops after {@code base} (stored and staged), or null when some are no longer in memory. */
  private static List<Op> since(Lane lane, List<Op> staged, long base) {
    List<Op> over = new ArrayList<>();
    for (Op op : lane.recent) {
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

  private void answer(Work w, boolean accepted) {
    if (w.kind == Kind.LOCK) {
      w.answer.complete(w.last);
    } else {
      w.answer.complete(new JsonObject().put("accepted", accepted).put("version", w.last));
    }
  }

  private static JsonObject stale(long version) {
    return new JsonObject().put("stale", true).put("version", version);
  }

  private static JsonObject document(String noteId, Op op, String at) {
    JsonObject document = new JsonObject().put("_id", new org.bson.types.ObjectId().toHexString())
        .put("note", noteId).put("version", op.version()).put("by", op.by()).put("at", at);
    // ids are time-ordered, so new ops are appended at the end of the store's tree
    return op.lock() ? document.put("lock", true)
        : document.put("changes", new JsonArray(new ArrayList<>(op.changes()))).put("clientID", op.clientId());
  }

  private static void remember(Lane lane, List<Op> ops) {
    lane.recent.addAll(ops);
    while (lane.recent.size() > RECENT) {
      lane.recent.poll();
    }
  }

  /** Tells every editor of the note (on every node) about the new ops, in one event. */
  private void announce(String noteId, List<Op> ops) {
    long version = ops.get(ops.size() - 1).version();
    scheduleSnapshot(noteId);
    vertx.eventBus().publish(COMMITTED, new JsonObject().put("noteId", noteId).put("version", version));
    JsonArray list = new JsonArray();
    ops.forEach(op -> list.add(op.toJson()));
    vertx.eventBus().publish(Notes.ADDRESS_PREFIX + "." + noteId, new JsonObject().put("type", "ops").put("ops", list));
  }

  /** Reads the note: its snapshot, then the op log after it (also kept as the recent ops). */
  private Future<State> load(String noteId, Lane lane) {
    return repo.note(noteId).compose(note -> {
      if (note == null) {
        return Future.failedFuture(new TextChange.InvalidChange("there is no note " + noteId));
      }
      lane.recent.clear();
      return replay(noteId, lane, new State(note.getString("text", ""), note.getLong("version", 0L),
          note.getBoolean("locked", false)));
    }).onSuccess(s -> lane.state = s);
  }

  private Future<State> replay(String noteId, Lane lane, State from) {
    return repo.ops(noteId, from.version(), 5000).compose(ops -> {
      State state = from;
      List<Op> read = new ArrayList<>();
      for (JsonObject op : ops) {
        state = applyOp(state, op);
        read.add(new Op(op.getLong("version"), op.getBoolean("lock", false) ? List.of() : (List<?>) plain(op.getValue("changes")),
            op.getString("clientID"), op.getJsonObject("by"), op.getBoolean("lock", false)));
      }
      remember(lane, read);
      return ops.size() == 5000 ? replay(noteId, lane, state) : Future.succeededFuture(state);
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

  /** Ops after {@code since}, for a client that missed some: from memory when they are there. */
  Future<List<JsonObject>> ops(String noteId, long since) {
    Lane lane = lanes.get(noteId);
    if (lane != null && lane.state != null && !lane.reload && since <= lane.state.version()) {
      List<JsonObject> found = new ArrayList<>();
      for (Op op : lane.recent) {
        if (op.version() > since && op.version() <= lane.state.version() && found.size() < 1000) {
          found.add(op.toJson());
        }
      }
      long first = found.isEmpty() ? lane.state.version() + 1 : found.get(0).getLong("version");
      if (first == since + 1) {
        return Future.succeededFuture(found);
      }
    }
    return repo.ops(noteId, since, 1000).map(list -> list.stream().map(op -> new JsonObject()
        .put("version", op.getLong("version")).put("changes", op.getJsonArray("changes"))
        .put("clientID", op.getString("clientID")).put("lock", op.getBoolean("lock", false))
        .put("by", op.getJsonObject("by"))).toList());
  }

  /**
   * Writes the snapshot about every {@link #SNAPSHOT_DELAY_MS} while a note changes, so a burst
   * of typing costs one write (the op log, already on disk, is what makes changes durable).
   */
  private void scheduleSnapshot(String noteId) {
    if (snapshotTimers.containsKey(noteId)) {
      return;
    }
    // spread over time, so notes opened together do not all write their snapshots at once
    long delay = SNAPSHOT_DELAY_MS / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(SNAPSHOT_DELAY_MS);
    snapshotTimers.put(noteId, vertx.setTimer(delay, id -> {
      snapshotTimers.remove(noteId);
      saveSnapshot(noteId);
    }));
  }

  /** Writes this node's stored state of the note as its snapshot now. */
  Future<Void> saveSnapshot(String noteId) {
    Lane lane = lanes.get(noteId);
    State s = lane == null ? null : lane.state;
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

  private void dropIdle() {
    long before = System.currentTimeMillis() - IDLE_MS;
    lanes.entrySet().removeIf(e -> !e.getValue().busy && e.getValue().waiting.isEmpty()
        && e.getValue().usedAt < before && !snapshotTimers.containsKey(e.getKey()));
  }
}
