package kelompok.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
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

/** The notes' bridge addresses with hostile input: strangers, members, forged senders, stolen replies. */
class NotesBridgeTest {

  private static TestNode node;
  private static People people;
  private static Person facilitator;
  private static Person stranger;
  private static Person member;
  private static String noteId;
  private static int length;
  private static Vertx client;
  private static io.vertx.core.http.WebSocketClient sockets;

  @BeforeAll
  static void start() {
    node = TestNode.start();
    people = new People(node);
    facilitator = people.facilitator("Gina");
    stranger = people.facilitator("Hasan");
    String groupId = People.newGroup(people.coordinator().client(), facilitator.id(), 2, "closed").getString("id");
    member = people.member("Intan", facilitator, groupId);
    noteId = NotesApiTest.newNote(facilitator.client(), groupId);
    length = facilitator.client().get("/api/notes/" + noteId).json().getString("text").length();
    client = Vertx.vertx();
    sockets = client.createWebSocketClient(new io.vertx.core.http.WebSocketClientOptions().setMaxConnections(20));
  }

  @AfterAll
  static void stop() {
    TestNode.await(client.close());
    node.close();
  }

  private static WebSocket socket(Person person, BlockingQueue<JsonObject> frames) {
    WebSocket socket = TestNode.await(sockets.connect(new WebSocketConnectOptions()
        .setHost("127.0.0.1").setPort(node.port()).setURI("/eventbus/websocket")
        .addHeader("Cookie", "kelompok.sid=" + person.client().sessionCookie())));
    socket.handler(b -> frames.add(new JsonObject(b.toString())));
    return socket;
  }

  private static JsonObject next(BlockingQueue<JsonObject> frames) throws InterruptedException {
    JsonObject frame = frames.poll(10, TimeUnit.SECONDS);
    assertNotNull(frame, "nothing arrived");
    return frame;
  }

  private static JsonObject push(long version, JsonArray changes) {
    return new JsonObject().put("noteId", noteId).put("version", version)
        .put("updates", new JsonArray().add(new JsonObject().put("clientID", "x").put("changes", changes)));
  }

  @Test
  @DisplayName("A stranger's or a member's socket can neither hear nor change the note")
  void strangersAndMembers() throws Exception {
    for (Person person : new Person[] {stranger, member}) {
      BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
      WebSocket ws = socket(person, frames);
      ws.writeTextMessage(new JsonObject().put("type", "register").put("address", "note." + noteId).encode());
      assertEquals("rejected", next(frames).getString("body"));
      ws.writeTextMessage(new JsonObject().put("type", "send").put("address", Notes.PUSH).put("replyAddress", "r1")
          .put("body", push(0, new JsonArray().add(length).add(new JsonArray().add(0).add("hijack")))).encode());
      assertEquals("rejected", next(frames).getString("body"));
      ws.close();
    }
    assertEquals(0L, facilitator.client().get("/api/notes/" + noteId).json().getLong("version"), "the note is unchanged");
  }

  @Test
  @DisplayName("A bad change over the bridge is answered with the reason, and the note is unchanged")
  void badChangeOverBridge() throws Exception {
    BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    WebSocket ws = socket(facilitator, frames);
    ws.writeTextMessage(new JsonObject().put("type", "send").put("address", Notes.PUSH).put("replyAddress", "r2")
        .put("body", push(0, new JsonArray().add(length + 3))).encode());
    JsonObject answer = next(frames);
    assertEquals("err", answer.getString("type"));
    assertTrue(answer.getString("message").contains("covers " + (length + 3) + " characters"), answer.encode());
    ws.close();
  }

  @Test
  @DisplayName("A forged sender in a bridge message is replaced by the socket's real user")
  void forgedSender() throws Exception {
    BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    WebSocket ws = socket(facilitator, frames);
    ws.writeTextMessage(new JsonObject().put("type", "register").put("address", "note." + noteId).encode());
    Thread.sleep(300);
    ws.writeTextMessage(new JsonObject().put("type", "send").put("address", Notes.PRESENCE)
        .put("headers", new JsonObject().put("userId", people.coordinator().id()).put("name", "Impostor").put("role", "coordinator"))
        .put("body", new JsonObject().put("noteId", noteId).put("clientID", "c").put("from", 0).put("to", 0)).encode());
    JsonObject event = next(frames).getJsonObject("body");
    assertEquals("presence", event.getString("type"));
    assertEquals(facilitator.id(), event.getString("userId"));
    assertEquals("Gina", event.getString("name"));
    ws.close();
  }

  @Test
  @DisplayName("A socket cannot send to a reply address issued to another socket")
  void stolenReplyAddress() throws Exception {
    BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    WebSocket ws = socket(facilitator, frames);
    ws.writeTextMessage(new JsonObject().put("type", "send").put("address", "__vertx.reply.123456")
        .put("body", new JsonObject().put("accepted", true)).encode());
    assertEquals("rejected", next(frames).getString("body"));
    ws.close();
  }
}
