package kelompok.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import kelompok.system.ApiClient;
import kelompok.system.ApiClient.Response;
import kelompok.system.People;
import kelompok.system.People.Person;
import kelompok.system.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Notes over HTTP: template, accepted and refused changes, signing and locking, addenda, history. */
class NotesApiTest {

  private static TestNode node;
  private static People people;
  private static Person fac1;
  private static Person fac2;
  private static String groupId;

  @BeforeAll
  static void start() {
    node = TestNode.start();
    people = new People(node);
    fac1 = people.facilitator("Agus");
    fac2 = people.facilitator("Bella");
    groupId = People.newGroup(people.coordinator().client(), fac1.id(), 2, "closed").getString("id");
    JsonObject group = fac1.client().get("/api/groups/" + groupId).json();
    assertEquals(200, people.coordinator().client().patch("/api/groups/" + groupId, new JsonObject()
        .put("facilitatorIds", new JsonArray().add(fac1.id()).add(fac2.id())).put("version", group.getLong("version"))).status());
    fac1.client().post("/api/groups/" + groupId + "/members", new JsonObject().put("name", "Citra"));
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  static String newNote(ApiClient client, String groupId) {
    Instant start = Instant.now().minusSeconds(3600);
    String session = client.post("/api/groups/" + groupId + "/sessions", new JsonObject()
        .put("start", start.toString()).put("end", start.plusSeconds(1800).toString()).put("topic", "Trust"))
        .array().getJsonObject(0).getString("id");
    Response note = client.post("/api/groups/" + groupId + "/sessions/" + session + "/note", new JsonObject());
    assertEquals(201, note.status(), note.toString());
    return note.json().getString("id");
  }

  private static Response push(ApiClient client, String note, long version, JsonArray changes) {
    return client.post("/api/notes/" + note + "/changes", new JsonObject().put("version", version)
        .put("changes", changes).put("clientID", "test"));
  }

  @Test
  @DisplayName("A new note starts from the template; a change on an older version is rebased over what it missed")
  void templateAndChanges() {
    String note = newNote(fac1.client(), groupId);
    JsonObject opened = fac1.client().get("/api/notes/" + note).json();
    String text = opened.getString("text");
    assertTrue(text.startsWith("# Session note: Dukungan Sebaya"), text);
    assertTrue(text.contains("Topic: Trust") && text.contains("Activities and interventions:"), text);
    int length = text.length();
    Response first = push(fac1.client(), note, 0, new JsonArray().add(new JsonArray().add(0).add("Hello ")).add(length));
    assertEquals(true, first.json().getBoolean("accepted"), first.toString());
    assertEquals(1L, first.json().getLong("version"));
    // made on version 0, without the "Hello ": the server maps it over version 1
    Response late = push(fac2.client(), note, 0, new JsonArray().add(length).add(new JsonArray().add(0).add("!")));
    assertEquals(true, late.json().getBoolean("accepted"), late.toString());
    assertEquals(2L, late.json().getLong("version"));
    JsonArray ops = fac2.client().get("/api/notes/" + note + "/ops?since=0").array();
    assertEquals(2, ops.size());
    assertEquals(new JsonArray().add(length + 6).add(new JsonArray().add(0).add("!")), ops.getJsonObject(1).getJsonArray("changes"));
    assertEquals("Hello " + text + "!", fac2.client().get("/api/notes/" + note).json().getString("text"));
    // the same update sent again (its answer was lost) is recognised and not applied twice
    Response again = push(fac2.client(), note, 0, new JsonArray().add(length).add(new JsonArray().add(0).add("!")));
    assertEquals(true, again.json().getBoolean("accepted"), again.toString());
    assertEquals("Hello " + text + "!", fac2.client().get("/api/notes/" + note).json().getString("text"));
  }

  @Test
  @DisplayName("With server rebasing turned off, a change on an older version is answered stale and the note is unchanged")
  void strictWithoutRebase() {
    try (TestNode strict = TestNode.start(java.util.Map.of("KELOMPOK_NOTES_REBASE", "false"))) {
      People others = new People(strict);
      Person facilitator = others.facilitator("Eka");
      String group = People.newGroup(others.coordinator().client(), facilitator.id(), 2, "closed").getString("id");
      String note = newNote(facilitator.client(), group);
      String text = facilitator.client().get("/api/notes/" + note).json().getString("text");
      int length = text.length();
      Response first = push(facilitator.client(), note, 0, new JsonArray().add(new JsonArray().add(0).add("A")).add(length));
      assertEquals(true, first.json().getBoolean("accepted"), first.toString());
      Response late = push(facilitator.client(), note, 0, new JsonArray().add(length).add(new JsonArray().add(0).add("B")));
      assertEquals(true, late.json().getBoolean("stale"), late.toString());
      assertEquals(1L, late.json().getLong("version"));
      assertEquals("A" + text, facilitator.client().get("/api/notes/" + note).json().getString("text"));
    }
  }

  @Test
  @DisplayName("A change made on a version older than the server keeps in memory is answered stale: pull and rebase")
  void staleWhenFarBehind() {
    String note = newNote(fac1.client(), groupId);
    int start = fac1.client().get("/api/notes/" + note).json().getString("text").length();
    int length = start;
    long version = 0;
    while (version <= NoteEngine.RECENT) {
      JsonArray updates = new JsonArray();
      for (int i = 0; i < NoteEngine.MAX_UPDATES; i++) {
        updates.add(new JsonObject().put("clientID", "bulk").put("changes",
            new JsonArray().add(length++).add(new JsonArray().add(0).add("a"))));
      }
      Response r = fac1.client().post("/api/notes/" + note + "/changes",
          new JsonObject().put("version", version).put("updates", updates));
      version = r.json().getLong("version");
    }
    Response stale = push(fac2.client(), note, 1, new JsonArray().add(1).add(new JsonArray().add(0).add("?")).add(start));
    assertEquals(true, stale.json().getBoolean("stale"), stale.toString());
    assertEquals(version, fac2.client().get("/api/notes/" + note).json().getLong("version"), "nothing was added");
  }

  @Test
  @DisplayName("Bad changes are refused with the reason and the note stays as it was")
  void badChanges() {
    String note = newNote(fac1.client(), groupId);
    String text = fac1.client().get("/api/notes/" + note).json().getString("text");
    int n = text.length();
    Object[][] cases = {
        {new JsonArray().add(n + 1), "covers " + (n + 1) + " characters but the note has " + n},
        {new JsonArray().add(-1).add(n + 1), "must not be negative"},
        {new JsonArray().add(1.5).add(n - 1.5), "must be a whole number"},
        {new JsonArray().add(new JsonArray().add(0).add("a\nb")).add(n), "contains a line break"},
        {new JsonArray().add(new JsonArray().add(0).add("x".repeat(100_001))).add(n), "at most 100000"},
    };
    for (Object[] c : cases) {
      Response refused = push(fac1.client(), note, 0, (JsonArray) c[0]);
      assertEquals(400, refused.status(), refused.toString());
      assertEquals(List.of("changes"), refused.errorFields());
      assertTrue(refused.json().getString("detail").contains((String) c[1]), refused.toString());
    }
    // a late push is checked against the version it was made on before it is rebased
    Response first = push(fac1.client(), note, 0, new JsonArray().add(n).add(new JsonArray().add(0).add("!")));
    assertEquals(true, first.json().getBoolean("accepted"), first.toString());
    Response late = push(fac2.client(), note, 0, new JsonArray().add(n + 1).add(new JsonArray().add(0).add("?")));
    assertEquals(400, late.status(), late.toString());
    assertTrue(late.json().getString("detail").contains("covers " + (n + 1) + " characters but the note has " + n),
        late.toString());
    assertEquals(text + "!", fac1.client().get("/api/notes/" + note).json().getString("text"));
    Response future = push(fac1.client(), note, 5, new JsonArray().add(n + 1));
    assertTrue(future.json().getString("detail").contains("ahead of the note"), future.toString());
    JsonObject after = fac1.client().get("/api/notes/" + note).json();
    assertEquals(1L, after.getLong("version"), "only the good change was stored");
    assertEquals(text + "!", after.getString("text"));
  }

  @Test
  @DisplayName("Members and other facilitators cannot open or change a note; a coordinator reads but cannot write")
  void access() {
    String note = newNote(fac1.client(), groupId);
    Person stranger = people.facilitator("Dodi");
    Person member = people.member("Eko", fac1, null);
    assertEquals(404, stranger.client().get("/api/notes/" + note).status());
    assertEquals(404, push(stranger.client(), note, 0, new JsonArray().add(1)).status());
    assertEquals(403, member.client().get("/api/notes/" + note).status());
    assertEquals(403, push(member.client(), note, 0, new JsonArray().add(1)).status());
    ApiClient coordinator = people.coordinator().client();
    JsonObject read = coordinator.get("/api/notes/" + note).json();
    assertEquals(false, read.getBoolean("canEdit"));
    assertEquals(403, push(coordinator, note, 0, new JsonArray().add(read.getString("text").length())).status());
    assertTrue(coordinator.get("/api/audit?action=note.open&targetId=" + note).json().getLong("total") >= 1);
  }

  @Test
  @DisplayName("When every facilitator has signed, the note locks; changes are refused and addenda are dated and named")
  void signing() {
    String note = newNote(fac1.client(), groupId);
    JsonObject opened = fac1.client().get("/api/notes/" + note).json();
    int n = opened.getString("text").length();
    push(fac1.client(), note, 0, new JsonArray().add(n).add(new JsonArray().add(0).add("Done.")));
    assertEquals(409, fac1.client().post("/api/notes/" + note + "/sign", new JsonObject().put("version", 0)).status(),
        "signing an older version than the current one is refused");
    JsonObject signed1 = fac1.client().post("/api/notes/" + note + "/sign", new JsonObject().put("version", 1)).json();
    assertEquals(false, signed1.getBoolean("locked"));
    assertEquals(400, fac1.client().post("/api/notes/" + note + "/addenda", new JsonObject().put("text", "x")).status());
    JsonObject signed2 = fac2.client().post("/api/notes/" + note + "/sign", new JsonObject().put("version", 1)).json();
    assertEquals(true, signed2.getBoolean("locked"), signed2.encode());
    Response refused = push(fac1.client(), note, 2, new JsonArray().add(n + 5).add(new JsonArray().add(0).add("!")));
    assertEquals(400, refused.status());
    assertTrue(refused.json().getString("detail").contains("locked"));
    Response addendum = fac2.client().post("/api/notes/" + note + "/addenda", new JsonObject().put("text", "Citra phoned later"));
    assertEquals(201, addendum.status());
    assertEquals("Bella", addendum.json().getJsonObject("by").getString("name"));
    Response md = fac1.client().get("/api/notes/" + note + "/export.md");
    assertTrue(md.body().contains("Done.") && md.body().contains("Signed by Agus") && md.body().contains("Citra phoned later"), md.body());
    Response pdf = fac1.client().get("/api/notes/" + note + "/export.pdf");
    assertEquals(200, pdf.status());
    assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
    assertTrue(pdf.body().startsWith("%PDF-"), "a PDF document");
    assertTrue(people.coordinator().client().get("/api/audit?action=note.export&targetId=" + note).json()
        .getLong("total") >= 2, "both exports are in the audit log");
    assertEquals(opened.getString("text"), fac1.client().get("/api/notes/" + note + "/history?version=0").json().getString("text"));
    assertEquals(opened.getString("text") + "Done.", fac1.client().get("/api/notes/" + note + "/history?version=1").json().getString("text"));
  }
}
