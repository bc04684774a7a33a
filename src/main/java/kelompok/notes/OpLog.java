package kelompok.notes;

import com.mongodb.MongoBulkWriteException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.BulkWriteOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.WriteOption;
import java.util.ArrayList;
import java.util.List;
import kelompok.system.Storage;

/**
 * Writes op documents for every note of this node in shared batches: while one batch is being
 * written, the ops that arrive wait and go together in the next, so the cost of a write and a disk
 * commit is shared by all notes typed in at that moment; a batch is made durable (and answered)
 * while the next one is already being written. A batch is written in
 * order and stops at the first version another node took first (a duplicate key): what came before
 * stands, the rest of that note's ops are refused, and other notes' ops are written in the next
 * batch.
 */
final class OpLog {

  /** A note's consecutive ops, and how many of them were stored (a prefix, maybe all, maybe 0). */
  private record Entry(List<JsonObject> ops, Promise<Integer> stored) {}

  private final Vertx vertx;
  private final MongoClient mongo;
  private final Storage storage;
  private final BulkWriteOptions options;
  /**
   * Least time between the starts of two batches: a disk commit rewrites every page a batch
   * touched, so a few milliseconds of waiting under load makes each commit carry many more ops.
   */
  static final long MIN_INTERVAL_MS = 5;

  private final List<Entry> queue = new ArrayList<>();
  private boolean writing;
  private long lastStart;

  OpLog(Vertx vertx, MongoClient mongo, Storage storage) {
    this.vertx = vertx;
    this.mongo = mongo;
    this.storage = storage;
    this.options = new BulkWriteOptions(true)
        .setWriteOption(storage.isEmbedded() ? WriteOption.ACKNOWLEDGED : WriteOption.MAJORITY);
  }

  /**
   * Stores one note's consecutive ops durably; answers how many of them, from the first, were
   * stored before a version turned out to be taken.
   */
  Future<Integer> append(List<JsonObject> ops) {
    Promise<Integer> stored = Promise.promise();
    queue.add(new Entry(ops, stored));
    if (!writing) {
      writing = true;
      later();
    }
    return stored.future();
  }

  private void later() {
    long wait = lastStart + MIN_INTERVAL_MS - System.currentTimeMillis();
    if (wait > 0) {
      vertx.setTimer(wait, t -> next());
    } else {
      vertx.runOnContext(v -> next());
    }
  }

  private void next() {
    if (queue.isEmpty()) {
      writing = false;
      return;
    }
    lastStart = System.currentTimeMillis();
    List<Entry> batch = new ArrayList<>(queue);
    queue.clear();
    List<BulkOperation> inserts = new ArrayList<>();
    batch.forEach(e -> e.ops().forEach(op -> inserts.add(BulkOperation.createInsert(op))));
    mongo.bulkWriteWithOptions(NoteRepository.OPS, inserts, options)
        .map(r -> inserts.size())
        .recover(e -> {
          int failedAt = failedIndex(e);
          return failedAt < 0 ? Future.failedFuture(e) : Future.succeededFuture(failedAt);
        })
        .onComplete(result -> {
          // what was written is known: the next batch may be written while this one is made durable
          List<Entry> again = new ArrayList<>();
          List<Entry> written = new ArrayList<>();
          List<Integer> counts = new ArrayList<>();
          int start = 0;
          for (Entry entry : batch) {
            int size = entry.ops().size();
            if (result.failed()) {
              entry.stored().fail(result.cause());
            } else if (start > result.result()) {
              again.add(entry);
            } else {
              written.add(entry);
              counts.add(Math.min(size, result.result() - start));
            }
            start += size;
          }
          queue.addAll(0, again);
          if (queue.isEmpty()) {
            writing = false;
          } else {
            later();
          }
          boolean any = counts.stream().anyMatch(n -> n > 0);
          (any ? storage.commitToDisk() : Future.<Void>succeededFuture()).onComplete(durable -> {
            for (int k = 0; k < written.size(); k++) {
              if (durable.failed()) {
                written.get(k).stored().fail(durable.cause());
              } else {
                written.get(k).stored().complete(counts.get(k));
              }
            }
          });
        });
  }

  /** Where an ordered bulk write stopped on a taken version; -1 for any other failure. */
  private static int failedIndex(Throwable e) {
    Throwable cause = e;
    while (cause != null && !(cause instanceof MongoBulkWriteException)) {
      cause = cause.getCause();
    }
    if (cause instanceof MongoBulkWriteException bulk && !bulk.getWriteErrors().isEmpty()
        && bulk.getWriteErrors().get(0).getCode() == 11000) {
      return bulk.getWriteErrors().get(0).getIndex();
    }
    return -1;
  }
}
