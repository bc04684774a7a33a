package kelompok.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import kelompok.system.People;
import kelompok.system.People.Person;
import kelompok.system.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The bridge checks the socket's signed-in user, over a real SockJS WebSocket with the session cookie. */
class BridgeAccessTest {

  /** Kept for the whole class: a WebSocket client that is dropped closes its sockets. */
  private static final java.util.Map<io.vertx.core.Vertx, io.vertx.core.http.WebSocketClient> SOCKETS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static TestNode node;
  private static People people;
  private static Vertx client;

  @BeforeAll
  static void start() {
    node = TestNode.start();
    people = new People(node);
    client = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    TestNode.await(client.close());
    node.close();
  }

  /** A socket carrying the person's session cookie (null: signed out), with its frames queued. */
  static WebSocket socket(TestNode node, Vertx client, Person person, BlockingQueue<JsonObject> frames) {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1")
        .setPort(node.port()).setURI("/eventbus/websocket")
        .addHeader("Origin", "http://127.0.0.1:" + node.port());
    if (person != null) {
      options.addHeader("Cookie", "kelompok.sid=" + person.client().sessionCookie());
    }
    WebSocket socket = TestNode.await(SOCKETS.computeIfAbsent(client, c -> c.createWebSocketClient()).connect(options));
    socket.handler(b -> frames.add(new JsonObject(b.toString())));
    socket.closeHandler(v -> frames.add(new JsonObject().put("type", "closed")));
    return socket;
  }

  static JsonObject next(BlockingQueue<JsonObject> frames) throws InterruptedException {
    JsonObject frame = frames.poll(10, TimeUnit.SECONDS);
    assertNotNull(frame, "nothing arrived");
    return frame;
  }

  private static void register(WebSocket socket, String address) {
    socket.writeTextMessage(new JsonObject().put("type", "register").put("address", address).encode());
  }

  @Test
  @DisplayName("A person hears their own address; registering for someone else's is refused")
  void ownAddressOnly() throws Exception {
    Person facilitator = people.facilitator("Sari");
    Person other = people.facilitator("Tono");
    BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    WebSocket socket = socket(node, client, facilitator, frames);
    register(socket, "user." + other.id());
    JsonObject refused = next(frames);
    assertEquals("err", refused.getString("type"));
    assertEquals("rejected", refused.getString("body"));

    register(socket, "user." + facilitator.id());
    Thread.sleep(300);
    node.server().vertx().eventBus().publish("user." + facilitator.id(), new JsonObject().put("hello", 1));
    node.server().vertx().eventBus().publish("user." + other.id(), new JsonObject().put("secret", 1));
    JsonObject heard = next(frames);
    assertEquals("user." + facilitator.id(), heard.getString("address"));
    assertEquals(1, heard.getJsonObject("body").getInteger("hello"));
    assertEquals(null, frames.poll(500, TimeUnit.MILLISECONDS), "nothing of the other person's");
    socket.close();
  }

  @Test
  @DisplayName("A signed-out socket can hear only public addresses")
  void signedOutSocket() throws Exception {
    Person facilitator = people.facilitator("Umi");
    BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    WebSocket socket = socket(node, client, null, frames);
    register(socket, "user." + facilitator.id());
    assertEquals("rejected", next(frames).getString("body"));
    register(socket, "server.time");
    assertEquals("server.time", next(frames).getString("address"));
    socket.close();
  }

  @Test
  @DisplayName("Signing out closes that session's open sockets on the server")
  void signOutClosesSockets() throws Exception {
    Person facilitator = people.facilitator("Wati");
    BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    socket(node, client, facilitator, frames);
    Thread.sleep(300);
    assertEquals(204, facilitator.client().delete("/api/session").status());
    JsonObject frame;
    do {
      frame = next(frames);
    } while (!"closed".equals(frame.getString("type")));
    assertEquals("closed", frame.getString("type"));
  }

  @Test
  @DisplayName("Deactivating an account closes its open sockets")
  void deactivationClosesSockets() throws Exception {
    Person facilitator = people.facilitator("Yani");
    BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    socket(node, client, facilitator, frames);
    Thread.sleep(300);
    long version = people.coordinator().client().get("/api/accounts").json().getJsonArray("accounts")
        .stream().map(JsonObject.class::cast).filter(a -> a.getString("id").equals(facilitator.id()))
        .findFirst().orElseThrow().getLong("version");
    assertEquals(200, people.coordinator().client().patch("/api/accounts/" + facilitator.id(),
        new JsonObject().put("active", false).put("version", version)).status());
    JsonObject frame;
    do {
      frame = next(frames);
    } while (!"closed".equals(frame.getString("type")));
    assertEquals("closed", frame.getString("type"));
  }
}
