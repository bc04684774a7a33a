package kelompok.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

/** One group's whole journey through the API, with the gates refusing each missing step. */
class GroupJourneyTest {

  private static TestNode node;
  private static People people;

  @BeforeAll
  static void start() {
    node = TestNode.start();
    people = new People(node);
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  static JsonObject newGroup(ApiClient coordinator, String facilitatorId, int min, String membership) {
    return People.newGroup(coordinator, facilitatorId, min, membership);
  }

  private static long version(ApiClient client, String id) {
    return client.get("/api/groups/" + id).json().getLong("version");
  }

  private static Response move(ApiClient client, String id, String to) {
    return client.post("/api/groups/" + id + "/phase", new JsonObject().put("to", to).put("version", version(client, id)));
  }

  private static List<String> missing(Response response) {
    return response.json().getJsonArray("missing").stream().map(m -> ((JsonObject) m).getString("code")).toList();
  }

  @Test
  @DisplayName("A facilitator takes a group from intake to closed; each gate names what is missing until it is done")
  void journey() {
    Person facilitator = people.facilitator("Rahma");
    ApiClient f = facilitator.client();
    String id = newGroup(people.coordinator().client(), facilitator.id(), 2, "closed").getString("id");
    String base = "/api/groups/" + id;

    Response early = move(f, id, "assessment-planning");
    assertEquals(422, early.status(), early.toString());
    assertEquals(List.of("intake.no-candidates"), missing(early));

    String a = f.post(base + "/members", new JsonObject().put("name", "Andi")).json().getString("id");
    String b = f.post(base + "/members", new JsonObject().put("name", "Bayu")).json().getString("id");
    assertEquals(List.of("intake.contract-missing"), missing(move(f, id, "assessment-planning")));
    for (String m : List.of(a, b)) {
      Response intake = f.patch(base + "/members/" + m, new JsonObject().put("version", 0)
          .put("intake", new JsonObject().put("problemSource", "self-told").put("problemStory", "Told at intake")
              .put("contractAgreed", true).put("confidentialityConsent", true)));
      assertEquals(200, intake.status(), intake.toString());
    }
    assertEquals(200, move(f, id, "assessment-planning").status());

    assertEquals(List.of("assessment.no-problem", "assessment.no-short-goal", "assessment.no-long-goal",
        "assessment.no-action"), missing(move(f, id, "selection")));
    assertEquals(200, f.send("PUT", base + "/assessment", new JsonObject().put("version", version(f, id))
        .put("problems", new JsonArray().add("Drinking after shifts"))
        .put("shortTermGoals", new JsonArray().add("Two dry days a week"))
        .put("longTermGoals", new JsonArray().add("Stable attendance at work"))
        .put("plannedActions", new JsonArray().add("Weekly sharing round")).encode()).status());
    assertEquals(200, move(f, id, "selection").status());

    assertEquals(List.of("selection.too-few", "selection.undecided", "selection.no-session"),
        missing(move(f, id, "development")));
    for (String m : List.of(a, b)) {
      assertEquals(200, f.patch(base + "/members/" + m, new JsonObject().put("version", 1).put("status", "assessed")).status());
      Response selected = f.patch(base + "/members/" + m, new JsonObject().put("version", 2).put("status", "selected")
          .put("reason", "Motivated and can support others")
          .put("selection", new JsonObject().put("ageBand", "26-40").put("gender", "male")
              .put("socialStatus", "Factory worker").put("contribution", "Experience with stopping")));
      assertEquals(200, selected.status(), selected.toString());
    }
    Instant past = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
    Response scheduled = f.post(base + "/sessions", new JsonObject().put("start", past.toString())
        .put("end", past.plus(90, ChronoUnit.MINUTES).toString()).put("topic", "Getting to know each other"));
    assertEquals(201, scheduled.status(), scheduled.toString());
    String session = scheduled.array().getJsonObject(0).getString("id");
    assertEquals(200, move(f, id, "development").status());
    JsonObject detail = f.get(base).json();
    assertTrue(detail.getJsonArray("members").stream().allMatch(m -> "active".equals(((JsonObject) m).getString("status"))),
        "selected members become active when development begins");

    assertEquals(List.of("development.no-session-held", "development.no-evaluation"),
        missing(move(f, id, "evaluation-termination")));
    assertEquals(200, f.patch(base + "/sessions/" + session, new JsonObject().put("version", 0).put("status", "held")).status());
    assertEquals(200, f.send("PUT", base + "/sessions/" + session + "/attendance", new JsonObject().put("version", 1)
        .put("entries", new JsonArray().add(new JsonObject().put("memberId", a).put("status", "attended").put("minutes", 90))
            .add(new JsonObject().put("memberId", b).put("status", "no-show"))).encode()).status());
    assertEquals(201, f.post(base + "/stages", new JsonObject().put("version", version(f, id)).put("stage", "pre-affiliation")
        .put("signs", new JsonArray().add("distance").add("guarded")).put("rationale", "Quiet, cautious first round")
        .put("sessionId", session)).status());
    assertEquals(201, f.post(base + "/evaluations", new JsonObject().put("version", version(f, id))
        .put("text", "First session went as planned")).status());
    assertEquals(200, move(f, id, "evaluation-termination").status());

    assertEquals(List.of("closing.no-final-evaluation", "closing.no-termination", "closing.member-outcomes"),
        missing(move(f, id, "closed")));
    assertEquals(200, f.send("PUT", base + "/evaluation", new JsonObject().put("version", version(f, id))
        .put("process", "Members engaged steadily").put("results", "Both cut down").encode()).status());
    assertEquals(200, f.send("PUT", base + "/termination", new JsonObject().put("version", version(f, id))
        .put("summary", "Goals reached for both").put("reason", "goals-reached").encode()).status());
    JsonObject members = f.get(base).json();
    for (Object o : members.getJsonArray("members")) {
      JsonObject m = (JsonObject) o;
      assertEquals(200, f.patch(base + "/members/" + m.getString("id"), new JsonObject().put("version", m.getLong("version"))
          .put("status", "completed").put("followUp", "Check in after a month")).status());
    }
    Response closed = move(f, id, "closed");
    assertEquals(200, closed.status(), closed.toString());
    JsonObject finalState = f.get(base).json();
    assertEquals("closed", finalState.getString("phase"));
    assertEquals(List.of("intake", "assessment-planning", "selection", "development", "evaluation-termination"),
        finalState.getJsonArray("phaseHistory").stream().map(h -> ((JsonObject) h).getString("from")).toList());
    assertEquals(facilitator.id(), finalState.getJsonArray("phaseHistory").getJsonObject(4)
        .getJsonObject("by").getString("id"));

    Response late = f.post(base + "/sessions", new JsonObject().put("start", Instant.now().toString())
        .put("end", Instant.now().plusSeconds(3600).toString()));
    assertEquals(400, late.status(), "no session for a closed group");
    assertEquals(List.of("phase"), late.errorFields());
    JsonObject rates = f.get(base + "/attendance").json();
    assertEquals(0.625, rates.getDouble("mark"));
  }
}
