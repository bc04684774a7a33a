package kelompok.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kelompok.system.People;
import kelompok.system.People.Person;
import kelompok.system.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random convergence: simulated editors (real @codemirror/collab clients in Node, over
 * SockJS raw WebSockets) type into one note, half of them on a second clustered node sharing the
 * first node's MongoDB, with random delays, disconnects, offline edits and reconnects. At the end
 * every editor's text equals the server's, and the server's equals the replay of its op log.
 */
class NotesConvergenceTest {

  static final int EDITORS = 6;
  static final int EDITS = 80;

  private static TestNode a;
  private static TestNode b;
  private static People people;
  private static List<Person> facilitators;
  private static String groupId;

  @BeforeAll
  static void start() {
    Map<String, String> cluster = Map.of("KELOMPOK_CLUSTERED", "true", "KELOMPOK_CLUSTER_HOSTS", "127.0.0.1");
    a = TestNode.start(cluster);
    java.util.HashMap<String, String> second = new java.util.HashMap<>(cluster);
    second.put("KELOMPOK_MONGO_URI", a.server().storage().connectionString());
    b = TestNode.start(second);
    people = new People(a);
    facilitators = List.of(people.facilitator("Ayu"), people.facilitator("Bima"), people.facilitator("Candra"));
    groupId = People.newGroup(people.coordinator().client(), facilitators.get(0).id(), 2, "closed").getString("id");
    long version = facilitators.get(0).client().get("/api/groups/" + groupId).json().getLong("version");
    JsonArray ids = new JsonArray(facilitators.stream().map(Person::id).toList());
    assertEquals(200, people.coordinator().client().patch("/api/groups/" + groupId,
        new JsonObject().put("facilitatorIds", ids).put("version", version)).status());
  }

  @AfterAll
  static void stop() {
    b.close();
    a.close();
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {11, 20261124})
  @DisplayName("Editors on two clustered nodes with disconnects and offline edits all end with the server's text")
  void converges(int seed) throws Exception {
    String noteId = NotesApiTest.newNote(facilitators.get(0).client(), groupId);
    JsonArray editors = new JsonArray();
    for (int i = 0; i < EDITORS; i++) {
      TestNode node = i % 2 == 0 ? a : b;
      Person person = facilitators.get(i % facilitators.size());
      editors.add(new JsonObject().put("url", "http://127.0.0.1:" + node.port())
          .put("cookie", "kelompok.sid=" + person.client().sessionCookie()));
    }
    JsonObject config = new JsonObject().put("seed", seed).put("noteId", noteId).put("editors", editors)
        .put("edits", EDITS).put("maxDelayMs", 25).put("disconnectChance", 0.04);
    Path file = Files.createTempFile("convergence-", ".json");
    Files.writeString(file, config.encode());
    ProcessBuilder builder = new ProcessBuilder("node", Path.of("webroot", "tools", "simulate-editors.mjs").toAbsolutePath().toString(),
        file.toString()).directory(Path.of("webroot").toFile()).redirectErrorStream(true);
    builder.environment().put("DEBUG", "1");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes());
    assertTrue(process.waitFor(300, TimeUnit.SECONDS), "the simulation finished");
    assertEquals(0, process.exitValue(), output);
    Files.delete(file);
    String last = output.lines().reduce((x, y) -> y).orElse("");
    output.lines().filter(l -> !l.equals(last)).limit(20).forEach(l -> System.out.println("SIM " + l));
    JsonArray results = new JsonArray(last);

    JsonObject server = facilitators.get(0).client().get("/api/notes/" + noteId).json();
    String text = server.getString("text");
    long version = server.getLong("version");
    int disconnects = 0;
    for (Object o : results) {
      JsonObject r = (JsonObject) o;
      assertEquals(0, r.getInteger("pending"), "editor " + r.getInteger("editor") + " has nothing left to send");
      assertEquals(version, r.getLong("version"), "editor " + r.getInteger("editor") + " is at the server's version");
      if (!text.equals(r.getString("text"))) {
        String mine = r.getString("text");
        int d = 0;
        while (d < Math.min(mine.length(), text.length()) && mine.charAt(d) == text.charAt(d)) {
          d++;
        }
        System.out.println("DIVERGED editor " + r.getInteger("editor") + " at " + d + " server="
            + new JsonArray().add(text.substring(Math.max(0, d - 15), Math.min(text.length(), d + 15))).encode()
            + " editor=" + new JsonArray().add(mine.substring(Math.max(0, d - 15), Math.min(mine.length(), d + 15))).encode());
      }
      assertEquals(text, r.getString("text"), "editor " + r.getInteger("editor") + " has the server's text");
      disconnects += r.getInteger("disconnects");
    }
    JsonObject onB = facilitators.get(1).client().get("/api/notes/" + noteId).json();
    assertEquals(text, facilitators.get(0).client().get("/api/notes/" + noteId + "/history?version=" + version)
        .json().getString("text"), "the op log replays to the server's text");
    assertTrue(version >= EDITORS * EDITS * 0.9, "nearly every edit became a version: " + version);
    System.out.printf("convergence seed %d: %d editors, %d edits each, %d versions, %d disconnects, %d chars%n",
        seed, EDITORS, EDITS, version, disconnects, text.length());
    assertEquals(text, onB.getString("text"));
  }
}
