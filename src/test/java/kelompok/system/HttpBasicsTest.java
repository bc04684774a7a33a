package kelompok.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HttpBasicsTest {

  private static TestNode node;

  @BeforeAll
  static void start() {
    node = TestNode.start(java.util.Map.of("KELOMPOK_BODY_LIMIT_BYTES", "2048"));
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  @Test
  @DisplayName("/health says the database is up")
  void healthUp() {
    HttpResponse<String> response = node.get("/health");
    assertEquals(200, response.statusCode());
    JsonObject body = new JsonObject(response.body());
    assertEquals("up", body.getString("database"));
    assertEquals(true, body.getBoolean("embeddedDatabase"));
  }

  @Test
  @DisplayName("An unknown route answers 404 as problem+json naming the path")
  void unknownRoute() {
    HttpResponse<String> response = node.get("/api/no-such-thing");
    assertEquals(404, response.statusCode());
    assertEquals(Problem.CONTENT_TYPE, response.headers().firstValue("Content-Type").orElse(""));
    JsonObject body = new JsonObject(response.body());
    assertEquals(404, body.getInteger("status"));
    assertTrue(body.getString("detail").contains("/api/no-such-thing"));
  }

  @Test
  @DisplayName("A request body over the limit is refused with 413 as problem+json")
  void bodyLimit() {
    HttpResponse<String> response = node.send(HttpRequest.newBuilder(URI.create(node.url("/api/anything")))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"x\":\"" + "a".repeat(5000) + "\"}")).build());
    assertEquals(413, response.statusCode());
    assertEquals(Problem.CONTENT_TYPE, response.headers().firstValue("Content-Type").orElse(""));
    assertTrue(new JsonObject(response.body()).getString("detail").contains("2048 bytes"));
  }

  @Test
  @DisplayName("Pages and API answers carry the security headers; the CSP allows no inline script")
  void securityHeaders() {
    for (String path : new String[] {"/", "/health", "/api/none"}) {
      HttpResponse<String> response = node.get(path);
      String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
      assertTrue(csp.contains("script-src 'self'"), path + " " + csp);
      assertTrue(csp.contains("script-src 'self';"), "scripts only from the site itself: " + csp);
      assertFalse(csp.contains("script-src 'self' 'unsafe-inline'"), path);
      assertTrue(csp.contains("style-src 'self';"), "style elements only from the site itself: " + csp);
      assertTrue(csp.contains("frame-ancestors 'none'"), path);
      assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), path);
      assertEquals("no-referrer", response.headers().firstValue("Referrer-Policy").orElse(""), path);
    }
  }

  @Test
  @DisplayName("The shell page is served at / and source-tree files are not")
  void staticFiles() {
    HttpResponse<String> page = node.get("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("Kelompok"));
    assertEquals(404, node.get("/package.json").statusCode());
    assertEquals(404, node.get("/node_modules/sockjs-client/package.json").statusCode());
  }
}
