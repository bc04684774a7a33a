package kelompok.notes;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes each note's text snapshot about every {@link #DELAY_MS} while it changes, so a burst of
 * typing costs one write; the op log, already on disk, is what makes changes durable, and reading
 * a note replays the ops after its snapshot.
 */
final class Snapshots {

  private static final Logger LOG = Logger.getLogger(Snapshots.class.getName());
  static final long DELAY_MS = 10_000;

  private final Vertx vertx;
  private final NoteRepository repo;
  private final Function<String, NoteEngine.State> current;
  private final Map<String, Long> timers = new ConcurrentHashMap<>();

  Snapshots(Vertx vertx, NoteRepository repo, Function<String, NoteEngine.State> current) {
    this.vertx = vertx;
    this.repo = repo;
    this.current = current;
  }

  /** Plans a snapshot of the note, unless one is planned already. */
  void schedule(String noteId) {
    if (timers.containsKey(noteId)) {
      return;
    }
    // spread over time, so notes opened together do not all write their snapshots at once
    long delay = DELAY_MS / 2 + ThreadLocalRandom.current().nextLong(DELAY_MS);
    timers.put(noteId, vertx.setTimer(delay, id -> {
      timers.remove(noteId);
      save(noteId);
    }));
  }

  boolean pending(String noteId) {
    return timers.containsKey(noteId);
  }

  /** Writes this node's stored state of the note as its snapshot now. */
  Future<Void> save(String noteId) {
    NoteEngine.State s = current.apply(noteId);
    if (s == null) {
      return Future.succeededFuture();
    }
    // "locked" is only ever set, never cleared, so an older copy cannot unlock the note's record
    return repo.saveSnapshot(noteId, s.version(), s.text(), s.locked() ? new JsonObject().put("locked", true) : null)
        .onFailure(e -> LOG.log(Level.WARNING, "snapshot of note " + noteId + " failed; the op log still has it", e));
  }

  /** Saves every planned snapshot now (on shutdown). */
  Future<Void> flush() {
    List<String> planned = List.copyOf(timers.keySet());
    planned.forEach(id -> vertx.cancelTimer(timers.remove(id)));
    return Future.all(planned.stream().map(this::save).toList()).mapEmpty();
  }
}
