package kelompok.system;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded store's op-log read benchmark (not a test; the command is in BENCHMARKS.md): fills
 * the op log with {@code notes × ops} documents through the real driver, then times reading the
 * last 50 ops of random notes as the notes feature does ({@code {note, version: {$gt: n}}}, sorted).
 * Arguments: notes, ops per note, reads.
 */
public final class StoreBenchmark {

  public static void main(String[] args) throws Exception {
    int notes = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int perNote = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    int reads = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    try (TestNode node = TestNode.start()) {
      MongoClient mongo = node.server().storage().client();
      long fill = System.nanoTime();
      for (int v = 1; v <= perNote; v++) {
        List<BulkOperation> batch = new ArrayList<>();
        for (int n = 0; n < notes; n++) {
          batch.add(BulkOperation.createInsert(new JsonObject().put("_id", new org.bson.types.ObjectId().toHexString())
              .put("note", "note-" + n).put("version", (long) v).put("clientID", "bench")
              .put("changes", new JsonArray().add(v).add(new JsonArray().add(0).add("a")))));
        }
        TestNode.await(mongo.bulkWrite("note_ops", batch));
      }
      System.out.printf("filled %d ops in %.1f s%n", notes * perNote, (System.nanoTime() - fill) / 1e9);
      java.util.Random random = new java.util.Random(1);
      long start = System.nanoTime();
      int found = 0;
      for (int i = 0; i < reads; i++) {
        String note = "note-" + random.nextInt(notes);
        found += TestNode.await(mongo.findWithOptions("note_ops", new JsonObject().put("note", note)
            .put("version", new JsonObject().put("$gt", (long) perNote - 50)),
            new FindOptions().setSort(new JsonObject().put("version", 1)).setLimit(1000))).size();
      }
      double ms = (System.nanoTime() - start) / 1e6 / reads;
      System.out.printf("op log of %d ops: reading the last 50 ops of a note takes %.2f ms on average (%d ops read)%n",
          notes * perNote, ms, found);
    }
    System.exit(0);
  }
}
