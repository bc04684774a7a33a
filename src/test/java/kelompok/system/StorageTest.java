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
