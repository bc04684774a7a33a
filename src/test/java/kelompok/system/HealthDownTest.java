package kelompok.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HealthDownTest {

  @Test
  @DisplayName("When the database stops answering, /health turns to 503 and says the database is down")
  void healthDown() {
    try (TestNode node = TestNode.start(java.util.Map.of("KELOMPOK_MONGO_TIMEOUT_MS", "500"))) {
      assertEquals(200, node.get("/health").statusCode());
      node.server().storage().killEmbedded();
      HttpResponse<String> response = node.get("/health");
      assertEquals(503, response.statusCode());
      assertEquals("down", new JsonObject(response.body()).getString("database"));
    }
  }
}
