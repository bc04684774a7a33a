package kelompok.notes;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import kelompok.accounts.Principal;
import kelompok.notes.Lane.Kind;
import kelompok.notes.Lane.Op;
import kelompok.notes.Lane.Work;

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
  /** Accepted ops each note keeps in memory, to rebase late pushes on and to answer pulls. */
  static final int RECENT = 512;
  /** Most updates one push may carry. */
  static final int MAX_UPDATES = 100;
  /** Lanes idle this long are dropped from memory. */
  static final long IDLE_MS = 10 * 60_000;
  /** Published cluster-wide after each commit with its ops, so other nodes bring their copy up to date. */
  static final String COMMITTED = "internal.notes.committed";

  /** The text of a note at a version, and whether it is locked. */
  record State(String text, long version, boolean locked) {}

  /** One update a client sends: the change and the client's id. */
  record Update(Object changes, String clientId) {}

  private final Vertx vertx;
  private final NoteRepository repo;
  private final OpLog log;
  private final boolean rebase;
  private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
  private final Snapshots snapshots;

  NoteEngine(Vertx vertx, NoteRepository repo, OpLog log, boolean rebase) {
    this.vertx = vertx;
    this.rebase = rebase;
    this.repo = repo;
    this.log = log;
    this.snapshots = new Snapshots(vertx, repo, id -> {
      Lane lane = lanes.get(id);
      return lane == null ? null : lane.state;
    });
    vertx.eventBus().<JsonObject>consumer(COMMITTED, msg -> heard(msg.body()));
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

  /**
   * Locks the note if it is still at {@code version} (what its signers signed): a lock takes a
   * version of its own, so no change based on an older one lands. Fails with {@link
   * TextChange.InvalidChange} when the note changed in the meantime.
   */
  Future<Long> lock(String noteId, Principal by, long version) {
    return submit(noteId, new Work(Kind.LOCK, by, version, List.of())).map(Long.class::cast);
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
          lanes.remove(noteId, lane);
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
        if (!s.locked() && s.version() != w.base) {
          w.answer.fail(new TextChange.InvalidChange("the note changed while it was being signed (version "
              + w.base + ", now " + s.version() + "): read it again and sign again"));
          continue;
        }
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
        State next = lane.accept(ops, s, w, rebase);
        if (next == null) {
          w.answer.complete(stale(s.version()));
          continue;
        }
        s = next;
        w.last = s.version();
        staged.add(w);
      } catch (TextChange.InvalidChange e) {
        w.answer.fail(e);
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "a push to note " + noteId + " could not be checked", e);
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
    List<JsonObject> documents = ops.stream().map(op -> op.document(noteId, at)).toList();
    log.append(documents).onComplete(result -> {
      try {
        stored(noteId, lane, ops, staged, target, result);
      } finally {
        lane.busy = false;
        drive(noteId, lane);
      }
    });
  }

  /** A batch was written (all of it, a first part, or nothing): announce and answer. */
  private void stored(String noteId, Lane lane, List<Op> ops, List<Work> staged, State target,
      io.vertx.core.AsyncResult<Integer> result) {
    int stored = result.succeeded() ? result.result() : 0;
    if (stored == ops.size()) {
      lane.state = target;
    } else {
      // another node took a version first, or the write failed: read the note again
      lane.state = null;
    }
    if (result.failed()) {
      LOG.log(Level.WARNING, "ops of note " + noteId + " could not be stored", result.cause());
    }
    if (stored > 0) {
      lane.remember(ops.subList(0, stored));
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

  /** Tells every editor of the note (on every node) about the new ops, in one event. */
  private void announce(String noteId, List<Op> ops) {
    long version = ops.get(ops.size() - 1).version();
    snapshots.schedule(noteId);
    JsonArray list = new JsonArray();
    ops.forEach(op -> list.add(op.toJson()));
    vertx.eventBus().publish(COMMITTED, new JsonObject().put("noteId", noteId).put("version", version).put("ops", list));
    vertx.eventBus().publish(Notes.ADDRESS_PREFIX + "." + noteId, new JsonObject().put("type", "ops").put("ops", list));
  }

  /**
   * Another node (or this one) committed ops to a note: a lane that is idle and just before them
   * takes them as they are; one that is further behind reads the note again before its next work.
   */
  private void heard(JsonObject committed) {
    Lane lane = lanes.get(committed.getString("noteId"));
    if (lane == null || lane.state == null || lane.state.version() >= committed.getLong("version")) {
      return;
    }
    JsonArray ops = committed.getJsonArray("ops");
    if (lane.busy || ops == null || ops.isEmpty()
        || ops.getJsonObject(0).getLong("version") != lane.state.version() + 1) {
      lane.reload = true;
      return;
    }
    State state = lane.state;
    List<Op> read = new ArrayList<>();
    for (Object o : ops) {
      JsonObject op = (JsonObject) o;
      state = applyOp(state, op);
      read.add(Op.of(op));
    }
    lane.state = state;
    lane.remember(read);
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
        read.add(Op.of(op));
      }
      lane.remember(read);
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
    List<JsonObject> found = lane == null ? null : lane.after(since, 1000);
    if (found != null) {
      return Future.succeededFuture(found);
    }
    return repo.ops(noteId, since, 1000).map(list -> list.stream().map(op -> new JsonObject()
        .put("version", op.getLong("version")).put("changes", op.getJsonArray("changes"))
        .put("clientID", op.getString("clientID")).put("lock", op.getBoolean("lock", false))
        .put("by", op.getJsonObject("by"))).toList());
  }

  /** Writes this node's stored state of the note as its snapshot now. */
  Future<Void> saveSnapshot(String noteId) {
    return snapshots.save(noteId);
  }

  /** Saves every pending snapshot (on shutdown). */
  Future<Void> flush() {
    return snapshots.flush();
  }

  private void dropIdle() {
    long before = System.currentTimeMillis() - IDLE_MS;
    lanes.entrySet().removeIf(e -> !e.getValue().busy && e.getValue().waiting.isEmpty()
        && e.getValue().usedAt < before && !snapshots.pending(e.getKey()));
  }
}
