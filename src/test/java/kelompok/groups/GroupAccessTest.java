package kelompok.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import kelompok.system.ApiClient;
import kelompok.system.ApiClient.Response;
import kelompok.system.People;
import kelompok.system.People.Person;
import kelompok.system.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Who sees which group, bad input on group records, conflicts, and live updates over the bridge. */
class GroupAccessTest {

  /** Kept for the whole class: a WebSocket client that is dropped closes its sockets. */
  private static final java.util.Map<io.vertx.core.Vertx, io.vertx.core.http.WebSocketClient> SOCKETS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static TestNode node;
  private static People people;
  private static Person mine;
  private static Person other;
  private static String groupId;

  @BeforeAll
  static void start() {
    node = TestNode.start();
    people = new People(node);
    mine = people.facilitator("Sinta");
    other = people.facilitator("Tegar");
    groupId = GroupJourneyTest.newGroup(people.coordinator().client(), mine.id(), 5, "open").getString("id");
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private long version() {
    return mine.client().get("/api/groups/" + groupId).json().getLong("version");
  }

  @Test
  @DisplayName("A facilitator sees only the groups they are assigned to; another facilitator gets 404")
  void facilitatorSeesOwnGroups() {
    assertEquals(200, mine.client().get("/api/groups/" + groupId).status());
    assertEquals(404, other.client().get("/api/groups/" + groupId).status());
    assertEquals(404, other.client().patch("/api/groups/" + groupId,
        new JsonObject().put("name", "Hijacked").put("version", version())).status());
    assertEquals(List.of(), other.client().get("/api/groups").array().getList());
    assertEquals(1, mine.client().get("/api/groups").array().size());
    assertEquals(1, people.coordinator().client().get("/api/groups?phase=intake&q=sebaya").array().size());
  }

  @Test
  @DisplayName("A member cannot call group routes, and a facilitator cannot create groups")
  void rolesOnRoutes() {
    Person member = people.member("Umar", mine, null);
    assertEquals(403, member.client().get("/api/groups").status());
    assertEquals(403, member.client().get("/api/groups/" + groupId).status());
    assertEquals(403, mine.client().post("/api/groups", new JsonObject().put("name", "X")).status());
    assertEquals(401, new ApiClient(node).get("/api/groups").status());
  }

  @Test
  @DisplayName("Bad group input names each field: unknown type, sizes out of order, over-long name, no facilitator")
  void badGroupInput() {
    Response bad = people.coordinator().client().post("/api/groups", new JsonObject().put("name", "x".repeat(201))
        .put("type", "book-club").put("plannedSize", new JsonObject().put("min", 8).put("max", 6))
        .put("facilitatorIds", new JsonArray()));
    assertEquals(400, bad.status(), bad.toString());
    assertEquals(List.of("name", "type", "plannedSize.max", "facilitatorIds"), bad.errorFields());
    Response member = people.coordinator().client().post("/api/groups", new JsonObject().put("name", "Y")
        .put("type", "task").put("facilitatorIds", new JsonArray().add(people.member("Vina", mine, null).id())));
    assertEquals(List.of("facilitatorIds[0]"), member.errorFields());
  }

  @Test
  @DisplayName("Two people editing the same group: the second, stale edit gets a conflict saying who changed what")
  void staleVersion() {
    long v = version();
    assertEquals(200, mine.client().patch("/api/groups/" + groupId,
        new JsonObject().put("purpose", "Updated purpose").put("version", v)).status());
    Response stale = people.coordinator().client().patch("/api/groups/" + groupId,
        new JsonObject().put("setting", "School").put("version", v));
    assertEquals(409, stale.status());
    assertTrue(stale.json().getString("detail").contains("Sinta"), stale.toString());
    assertEquals(List.of("purpose"), stale.json().getJsonArray("changes").getJsonObject(0)
        .getJsonArray("fields").getList());
    assertEquals("Updated purpose", stale.json().getJsonObject("current").getString("purpose"));
  }

  @Test
  @DisplayName("Bad record input: unknown stage, a sign of another stage, dates in the wrong order, attendance for a stranger")
  void badRecordInput() {
    String base = "/api/groups/" + groupId;
    assertEquals(List.of("stage"), mine.client().post(base + "/stages", new JsonObject().put("version", version())
        .put("stage", "norming").put("rationale", "x")).errorFields());
    assertEquals(List.of("signs[0]"), mine.client().post(base + "/stages", new JsonObject().put("version", version())
        .put("stage", "intimacy").put("signs", new JsonArray().add("distance")).put("rationale", "x")).errorFields());
    Instant now = Instant.now();
    Response order = mine.client().post(base + "/sessions", new JsonObject().put("start", now.toString())
        .put("end", now.minusSeconds(60).toString()));
    assertEquals(List.of("end"), order.errorFields());
    Response session = mine.client().post(base + "/sessions", new JsonObject().put("start", now.minusSeconds(7200).toString())
        .put("end", now.minusSeconds(3600).toString()));
    String sessionId = session.array().getJsonObject(0).getString("id");
    Response stranger = mine.client().send("PUT", base + "/sessions/" + sessionId + "/attendance", new JsonObject()
        .put("version", 0).put("entries", new JsonArray().add(new JsonObject().put("memberId", "nobody")
            .put("status", "attended"))).encode());
    assertEquals(List.of("entries[0].memberId"), stranger.errorFields());
    Response cancel = mine.client().patch(base + "/sessions/" + sessionId, new JsonObject().put("version", 0)
        .put("status", "cancelled"));
    assertEquals(List.of("reason"), cancel.errorFields());
    assertEquals(0L, mine.client().get(base + "/sessions").array().getJsonObject(0).getLong("version"),
        "a refused request changed nothing");
  }

  @Test
  @DisplayName("A member invited for the group becomes its candidate and, once selected, sees the schedule but never notes")
  void memberSchedule() {
    Person member = people.member("Yusuf", mine, groupId);
    JsonObject candidate = null;
    for (int i = 0; i < 50 && candidate == null; i++) {
      candidate = mine.client().get("/api/groups/" + groupId).json().getJsonArray("members").stream()
          .map(JsonObject.class::cast).filter(m -> member.id().equals(m.getString("userId"))).findFirst().orElse(null);
      if (candidate == null) {
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    assertTrue(candidate != null, "the invited member appears among the group's candidates");
    String base = "/api/groups/" + groupId + "/members/" + candidate.getString("id");
    assertEquals(200, mine.client().patch(base, new JsonObject().put("version", 0).put("status", "assessed")).status());
    assertEquals(200, mine.client().patch(base, new JsonObject().put("version", 1).put("status", "selected")
        .put("reason", "Ready to share")).status());
    Instant start = Instant.now().plusSeconds(86_400);
    mine.client().post("/api/groups/" + groupId + "/sessions", new JsonObject().put("start", start.toString())
        .put("end", start.plusSeconds(3600).toString()).put("topic", "Getting started"));
    JsonArray schedule = member.client().get("/api/my/schedule").array();
    assertTrue(schedule.stream().map(JsonObject.class::cast).anyMatch(s -> "Getting started".equals(s.getString("topic"))),
        schedule.encode());
    assertEquals(403, member.client().get("/api/groups/" + groupId + "/notes").status());
    assertEquals(403, mine.client().get("/api/my/schedule").status());
  }

  @Test
  @DisplayName("A session can be moved; a coordinator archives a group, which then shows only among archived groups")
  void moveAndArchive() {
    String other = GroupJourneyTest.newGroup(people.coordinator().client(), mine.id(), 5, "closed").getString("id");
    Instant start = Instant.now().plusSeconds(7200);
    String session = mine.client().post("/api/groups/" + other + "/sessions", new JsonObject()
        .put("start", start.toString()).put("end", start.plusSeconds(3600).toString())).array().getJsonObject(0).getString("id");
    Response moved = mine.client().patch("/api/groups/" + other + "/sessions/" + session, new JsonObject().put("version", 0)
        .put("start", start.plusSeconds(86_400).toString()).put("end", start.plusSeconds(90_000).toString()));
    assertEquals(200, moved.status(), moved.toString());
    assertEquals(start.plusSeconds(86_400).toString(), moved.json().getString("start"));
    long version = people.coordinator().client().get("/api/groups/" + other).json().getLong("version");
    assertEquals(403, mine.client().post("/api/groups/" + other + "/archive", new JsonObject().put("version", version)).status());
    assertEquals(200, people.coordinator().client().post("/api/groups/" + other + "/archive",
        new JsonObject().put("version", version)).status());
    assertTrue(people.coordinator().client().get("/api/groups").array().stream()
        .noneMatch(g -> other.equals(((JsonObject) g).getString("id"))));
    assertTrue(people.coordinator().client().get("/api/groups?archived=true").array().stream()
        .anyMatch(g -> other.equals(((JsonObject) g).getString("id"))));
    assertEquals(List.of("archived"), mine.client().post("/api/groups/" + other + "/members",
        new JsonObject().put("name", "Late")).errorFields());
  }

  @Test
  @DisplayName("An open group page hears each change live; a facilitator of another group may not listen")
  void liveUpdates() throws Exception {
    Vertx client = Vertx.vertx();
    try {
      BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
      WebSocket ws = socket(client, mine, frames);
      ws.writeTextMessage(new JsonObject().put("type", "register").put("address", "group." + groupId).encode());
      BlockingQueue<JsonObject> strangerFrames = new LinkedBlockingQueue<>();
      WebSocket stranger = socket(client, other, strangerFrames);
      stranger.writeTextMessage(new JsonObject().put("type", "register").put("address", "group." + groupId).encode());
      assertEquals("rejected", strangerFrames.poll(10, TimeUnit.SECONDS).getString("body"));
      Thread.sleep(300);
      assertEquals(201, mine.client().post("/api/groups/" + groupId + "/members",
          new JsonObject().put("name", "Wulan")).status());
      JsonObject event = frames.poll(10, TimeUnit.SECONDS);
      assertEquals("member.add", event.getJsonObject("body").getString("type"));
      assertEquals(mine.id(), event.getJsonObject("body").getJsonObject("by").getString("id"));
    } finally {
      TestNode.await(client.close());
    }
  }

  private static WebSocket socket(Vertx client, Person person, BlockingQueue<JsonObject> frames) {
    WebSocket socket = TestNode.await(SOCKETS.computeIfAbsent(client, c -> c.createWebSocketClient()).connect(new WebSocketConnectOptions()
        .setHost("127.0.0.1").setPort(node.port()).setURI("/eventbus/websocket")
        .addHeader("Cookie", "kelompok.sid=" + person.client().sessionCookie())));
    socket.handler(b -> frames.add(new JsonObject(b.toString())));
    return socket;
  }
}
