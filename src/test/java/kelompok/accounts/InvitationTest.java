package kelompok.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import kelompok.system.ApiClient;
import kelompok.system.ApiClient.Response;
import kelompok.system.People;
import kelompok.system.People.Person;
import kelompok.system.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InvitationTest {

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

  private JsonObject invite(ApiClient by, String role, String name, String login) {
    Response response = by.post("/api/invitations", new JsonObject().put("role", role)
        .put("name", name).put("login", login));
    assertEquals(201, response.status(), response.toString());
    return response.json();
  }

  @Test
  @DisplayName("An invitation link works once: the second use is refused and makes no second account")
  void singleUse() {
    JsonObject invitation = invite(people.coordinator().client(), "facilitator", "Dewi", "dewi@example.org");
    assertTrue(invitation.getString("token").length() >= 40, "the token is long and unguessable");
    ApiClient first = new ApiClient(node);
    assertEquals("facilitator", first.post("/api/invitations/lookup",
        new JsonObject().put("token", invitation.getString("token"))).json().getString("role"));
    Response accepted = first.post("/api/invitations/accept", new JsonObject()
        .put("token", invitation.getString("token")).put("password", People.PASSWORD));
    assertEquals(201, accepted.status(), accepted.toString());
    assertEquals(200, first.get("/api/me").status(), "accepting signs the person in");

    Response again = new ApiClient(node).post("/api/invitations/accept", new JsonObject()
        .put("token", invitation.getString("token")).put("password", "another password 123"));
    assertEquals(410, again.status(), again.toString());
    new ApiClient(node).signIn("dewi@example.org", People.PASSWORD);
  }

  @Test
  @DisplayName("An expired invitation is refused with a message that asks for a new one")
  void expired() {
    JsonObject invitation = invite(people.coordinator().client(), "facilitator", "Eka", "eka@example.org");
    TestNode.await(node.server().storage().client().updateCollection("invitations",
        new JsonObject().put("_id", invitation.getString("id")),
        new JsonObject().put("$set", new JsonObject().put("expiresAt", "2020-01-01T00:00:00Z"))));
    Response response = new ApiClient(node).post("/api/invitations/accept", new JsonObject()
        .put("token", invitation.getString("token")).put("password", People.PASSWORD));
    assertEquals(410, response.status());
    assertTrue(response.json().getString("detail").contains("expired"));
  }

  @Test
  @DisplayName("A revoked link stops working and a reissued one works")
  void revokeAndReissue() {
    ApiClient coordinator = people.coordinator().client();
    JsonObject invitation = invite(coordinator, "facilitator", "Fajar", "fajar@example.org");
    Response reissued = coordinator.post("/api/invitations/" + invitation.getString("id") + "/reissue", null);
    assertEquals(201, reissued.status(), reissued.toString());
    assertEquals(410, new ApiClient(node).post("/api/invitations/accept", new JsonObject()
        .put("token", invitation.getString("token")).put("password", People.PASSWORD)).status());
    assertEquals(201, new ApiClient(node).post("/api/invitations/accept", new JsonObject()
        .put("token", reissued.json().getString("token")).put("password", People.PASSWORD)).status());
  }

  @Test
  @DisplayName("A facilitator may invite members but not staff; a member may invite nobody")
  void whoMayInvite() {
    Person facilitator = people.facilitator("Gita");
    Response staff = facilitator.client().post("/api/invitations", new JsonObject()
        .put("role", "coordinator").put("name", "X").put("login", "x@example.org"));
    assertEquals(403, staff.status());
    Person member = people.member("Hadi", facilitator, null);
    Response byMember = member.client().post("/api/invitations", new JsonObject()
        .put("role", "member").put("name", "Y"));
    assertEquals(403, byMember.status());
    assertEquals("member", member.client().get("/api/me").json().getString("role"));
  }

  @Test
  @DisplayName("Bad invitation input names the field: unknown role, staff without email, short password")
  void badInput() {
    ApiClient coordinator = people.coordinator().client();
    Response role = coordinator.post("/api/invitations", new JsonObject().put("role", "boss").put("name", "Z"));
    assertEquals(400, role.status());
    assertEquals("role", role.errorFields().get(0));
    Response email = coordinator.post("/api/invitations", new JsonObject().put("role", "facilitator")
        .put("name", "Z").put("login", "not an email"));
    assertEquals(400, email.status());
    assertEquals("login", email.errorFields().get(0));
    JsonObject invitation = invite(coordinator, "facilitator", "Indah", "indah@example.org");
    Response weak = new ApiClient(node).post("/api/invitations/accept", new JsonObject()
        .put("token", invitation.getString("token")).put("password", "short"));
    assertEquals(400, weak.status());
    assertEquals("password", weak.errorFields().get(0));
    Response stillOpen = new ApiClient(node).post("/api/invitations/accept", new JsonObject()
        .put("token", invitation.getString("token")).put("password", People.PASSWORD));
    assertEquals(201, stillOpen.status(), "a refused attempt does not use up the link");
  }

  @Test
  @DisplayName("Members may choose a PIN of 6 to 12 digits; staff may not")
  void pins() {
    Person facilitator = people.facilitator("Joko");
    Response invitation = facilitator.client().post("/api/invitations",
        new JsonObject().put("role", "member").put("name", "Kiki"));
    Response accepted = new ApiClient(node).post("/api/invitations/accept", new JsonObject()
        .put("token", invitation.json().getString("token")).put("login", "kiki").put("password", "483920"));
    assertEquals(201, accepted.status(), accepted.toString());
    new ApiClient(node).signIn("kiki", "483920");
  }
}
