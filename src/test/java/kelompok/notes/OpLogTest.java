package kelompok.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;
import kelompok.system.Storage;
import kelompok.system.TestNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The shared op-log writer, against the embedded MongoDB with the notes feature's index. */
class OpLogTest {

  @Test
  @DisplayName("Ops of several notes go in one write; where another node took a version first, that note keeps only"
      + " the ops before it, and the other notes' ops are all stored")
  void takenVersionInABatch() {
    try (TestNode node = TestNode.start()) {
      Storage storage = node.server().storage();
      Vertx vertx = node.server().vertx();
      MongoClient mongo = storage.client();
      TestNode.await(mongo.insert(NoteRepository.OPS, op("b", 2, "other node")));
      OpLog log = new OpLog(vertx, mongo, storage);
      Promise<List<Integer>> stored = Promise.promise();
      vertx.getOrCreateContext().runOnContext(v -> {
        Future<Integer> a = log.append(List.of(op("a", 1, "x"), op("a", 2, "x")));
        Future<Integer> b = log.append(List.of(op("b", 1, "x"), op("b", 2, "x"), op("b", 3, "x")));
        Future<Integer> c = log.append(List.of(op("c", 1, "x")));
        Future.all(a, b, c).onSuccess(all -> stored.complete(List.of(a.result(), b.result(), c.result())))
            .onFailure(stored::fail);
      });
      assertEquals(List.of(2, 1, 1), TestNode.await(stored.future()));
      assertEquals(List.of("a1 x", "a2 x", "b1 x", "b2 other node", "c1 x"), TestNode.await(mongo.findWithOptions(
          NoteRepository.OPS, new JsonObject(), new FindOptions().setSort(new JsonObject().put("note", 1).put("version", 1))))
          .stream().map(o -> o.getString("note") + o.getLong("version") + " " + o.getString("clientID")).toList());
    }
  }

  private static JsonObject op(String note, long version, String client) {
    return new JsonObject().put("_id", new org.bson.types.ObjectId().toHexString()).put("note", note)
        .put("version", version).put("changes", new io.vertx.core.json.JsonArray().add(0)).put("clientID", client);
  }
}
