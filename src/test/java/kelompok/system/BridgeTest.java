package kelompok.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The SockJS event-bus bridge, spoken to over a real WebSocket as the browser client does. */
class BridgeTest {

  /** Kept for the whole class: a WebSocket client that is dropped closes its sockets. */
  private static final java.util.Map<io.vertx.core.Vertx, io.vertx.core.http.WebSocketClient> SOCKETS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static TestNode node;
  private static Vertx client;

  @BeforeAll
  static void start() {
    node = TestNode.start();
    client = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    TestNode.await(client.close());
    node.close();
  }

  private WebSocket connect(String origin, BlockingQueue<JsonObject> frames) {
    WebSocketClient ws = SOCKETS.computeIfAbsent(client, c -> c.createWebSocketClient());
    WebSocketConnectOptions options = new WebSocketConnectOptions()
        .setHost("127.0.0.1").setPort(node.port()).setURI("/eventbus/websocket");
    if (origin != null) {
      options.addHeader("Origin", origin);
    }
    WebSocket socket = TestNode.await(ws.connect(options));
    socket.handler(buffer -> frames.add(new JsonObject(buffer.toString())));
    return socket;
  }

  private static JsonObject next(BlockingQueue<JsonObject> frames) throws InterruptedException {
    JsonObject frame = frames.poll(10, TimeUnit.SECONDS);
    assertNotNull(frame, "no frame arrived");
    return frame;
  }

  @Test
  @DisplayName("A browser on the server's own origin hears server.time within seconds")
  void hearsServerTime() throws Exception {
    BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    WebSocket socket = connect("http://127.0.0.1:" + node.port(), frames);
    socket.writeTextMessage(new JsonObject().put("type", "register").put("address", "server.time").encode());
    JsonObject frame = next(frames);
    assertEquals("rec", frame.getString("type"));
    assertEquals("server.time", frame.getString("address"));
    Instant time = Instant.parse(frame.getJsonObject("body").getString("time"));
    assertTrue(Math.abs(time.toEpochMilli() - System.currentTimeMillis()) < 60_000);
    socket.close();
  }

  @Test
  @DisplayName("Registering for an address not named for the bridge is refused")
  void unknownAddressRefused() throws Exception {
    BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    WebSocket socket = connect(null, frames);
    socket.writeTextMessage(new JsonObject().put("type", "register").put("address", "group.secret").encode());
    JsonObject frame = next(frames);
    assertEquals("err", frame.getString("type"));
    assertEquals("rejected", frame.getString("body"));
    socket.close();
  }

  @Test
  @DisplayName("Sending or publishing to server.time from a browser is refused")
  void sendRefused() throws Exception {
    BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    WebSocket socket = connect(null, frames);
    for (String type : new String[] {"send", "publish"}) {
      socket.writeTextMessage(new JsonObject().put("type", type).put("address", "server.time")
          .put("body", new JsonObject().put("time", "forged")).encode());
      JsonObject frame = next(frames);
      assertEquals("err", frame.getString("type"), type);
      assertEquals("rejected", frame.getString("body"), type);
    }
    socket.close();
  }

  @Test
  @DisplayName("A WebSocket opened from another site's page is refused (cross-site hijacking)")
  void foreignOriginRefused() {
    BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    RuntimeException e = assertThrows(RuntimeException.class,
        () -> connect("https://evil.example", frames));
    assertTrue(e.getMessage().contains("403"), e.getMessage());
  }
}
