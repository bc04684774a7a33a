package kelompok.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageTest {

  @Test
  @DisplayName("What is written before a restart is there after it, on the same data folder")
  void survivesRestart(@TempDir Path dir) {
    try (TestNode first = TestNode.start(dir, Map.of())) {
      assertTrue(first.server().storage().isEmbedded());
      TestNode.await(first.server().storage().client()
          .insert("things", new JsonObject().put("_id", "a").put("text", "kept")));
    }
    try (TestNode second = TestNode.start(dir, Map.of())) {
      JsonObject found = TestNode.await(second.server().storage().client()
          .findOne("things", new JsonObject().put("_id", "a"), null));
      assertEquals("kept", found.getString("text"));
    }
  }

  @Test
  @DisplayName("A unique index declared by a feature refuses a second document with the same key")
  void uniqueIndex() {
    try (TestNode node = TestNode.start()) {
      Storage storage = node.server().storage();
      TestNode.await(storage.ensureIndexes(List.of(
          new Storage.Index("things", new JsonObject().put("key", 1), true))));
      TestNode.await(storage.client().insert("things", new JsonObject().put("key", "k")));
      assertThrows(RuntimeException.class,
          () -> TestNode.await(storage.client().insert("things", new JsonObject().put("key", "k"))));
      assertEquals(1L, TestNode.await(storage.client().count("things", new JsonObject())));
    }
  }

  @Test
  @DisplayName("A unique compound index keeps refusing duplicates among thousands of keys and answers ranges, also after a restart")
  void uniqueIndexAfterRestart(@TempDir Path dir) {
    List<Storage.Index> indexes = List.of(new Storage.Index("ops", new JsonObject().put("note", 1).put("version", 1), true));
    try (TestNode node = TestNode.start(dir, Map.of())) {
      Storage storage = node.server().storage();
      TestNode.await(storage.ensureIndexes(indexes));
      List<io.vertx.ext.mongo.BulkOperation> inserts = new java.util.ArrayList<>();
      for (int i = 0; i < 3000; i++) {
        inserts.add(io.vertx.ext.mongo.BulkOperation.createInsert(
            new JsonObject().put("note", "n" + (i % 30)).put("version", (long) (i / 30))));
      }
      TestNode.await(storage.client().bulkWrite("ops", inserts));
      assertThrows(RuntimeException.class, () -> TestNode.await(storage.client()
          .insert("ops", new JsonObject().put("note", "n7").put("version", 99L))));
      TestNode.await(storage.commitToDisk());
    }
    try (TestNode node = TestNode.start(dir, Map.of())) {
      Storage storage = node.server().storage();
      TestNode.await(storage.ensureIndexes(indexes));
      assertThrows(RuntimeException.class, () -> TestNode.await(storage.client()
          .insert("ops", new JsonObject().put("note", "n29").put("version", 0L))));
      TestNode.await(storage.client().insert("ops", new JsonObject().put("note", "n29").put("version", 100L)));
      assertEquals(3001L, TestNode.await(storage.client().count("ops", new JsonObject())));
      assertEquals(101L, TestNode.await(storage.client().count("ops", new JsonObject().put("note", "n29"))));
      // ranges on the last key with the first fixed, as the op log is read
      assertEquals(List.of(96L, 97L, 98L, 99L), versions(storage, "n7", new JsonObject().put("$gt", 95)));
      assertEquals(List.of(10L, 11L, 12L), versions(storage, "n7", new JsonObject().put("$gte", 10L).put("$lt", 13)));
      assertEquals(List.of(0L, 1L), versions(storage, "n0", new JsonObject().put("$lte", 1.0)));
      assertEquals(List.of(99L, 100L), versions(storage, "n29", new JsonObject().put("$gt", 98)));
      assertEquals(List.of(), versions(storage, "nobody", new JsonObject().put("$gt", 0)));
    }
  }

  private static List<Long> versions(Storage storage, String note, JsonObject range) {
    return TestNode.await(storage.client().findWithOptions("ops", new JsonObject().put("note", note).put("version", range),
            new io.vertx.ext.mongo.FindOptions().setSort(new JsonObject().put("version", 1))))
        .stream().map(o -> o.getLong("version")).toList();
  }

  @Test
  @DisplayName("A data file from the stock embedded format opens with its documents, and its unique indexes still hold")
  void opensStockFormat(@TempDir Path dir) throws Exception {
    de.bwaldvogel.mongo.backend.h2.H2Backend stock =
        new de.bwaldvogel.mongo.backend.h2.H2Backend(dir.resolve(Storage.FILE_NAME).toString());
    de.bwaldvogel.mongo.MongoServer server = new de.bwaldvogel.mongo.MongoServer(stock);
    java.net.InetSocketAddress address = server.bind();
    io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
    try {
      io.vertx.ext.mongo.MongoClient client = io.vertx.ext.mongo.MongoClient.create(vertx, new JsonObject()
          .put("connection_string", "mongodb://127.0.0.1:" + address.getPort()).put("db_name", "kelompok"));
      TestNode.await(client.createIndexWithOptions("things", new JsonObject().put("key", 1),
          new io.vertx.ext.mongo.IndexOptions().unique(true)));
      TestNode.await(client.insert("things", new JsonObject().put("_id", "a").put("key", "k")));
      TestNode.await(client.close());
    } finally {
      TestNode.await(vertx.close());
      server.shutdownNow();
    }
    try (TestNode node = TestNode.start(dir, Map.of())) {
      Storage storage = node.server().storage();
      assertEquals("k", TestNode.await(storage.client().findOne("things", new JsonObject().put("_id", "a"), null))
          .getString("key"));
      assertThrows(RuntimeException.class,
          () -> TestNode.await(storage.client().insert("things", new JsonObject().put("key", "k"))));
      assertThrows(RuntimeException.class,
          () -> TestNode.await(storage.client().insert("things", new JsonObject().put("_id", "a"))));
      TestNode.await(storage.client().insert("things", new JsonObject().put("key", "other")));
    }
  }

  @Test
  @DisplayName("A second node cannot open a data folder another node is using, and says so by key")
  void folderInUse(@TempDir Path dir) {
    try (TestNode first = TestNode.start(dir, Map.of())) {
      ConfigException e = assertThrows(ConfigException.class, () -> TestNode.start(dir, Map.of()));
      assertEquals("KELOMPOK_DATA_DIR", e.key());
      assertTrue(e.getMessage().contains("another Kelompok"), e.getMessage());
    }
  }

  @Test
  @DisplayName("A node given a MongoDB connection string uses it and starts nothing embedded")
  void externalMongo() {
    try (TestNode first = TestNode.start()) {
      String uri = first.server().storage().connectionString();
      try (TestNode second = TestNode.start(Map.of("KELOMPOK_MONGO_URI", uri))) {
        assertTrue(!second.server().storage().isEmbedded());
        TestNode.await(second.server().storage().client()
            .insert("shared", new JsonObject().put("_id", "x")));
        assertEquals(1L, TestNode.await(first.server().storage().client()
            .count("shared", new JsonObject())));
      }
    }
  }
}
