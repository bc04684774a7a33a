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

class AccountAdminTest {

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

  private JsonObject account(String id) {
    return people.coordinator().client().get("/api/accounts").json().getJsonArray("accounts").stream()
        .map(JsonObject.class::cast).filter(a -> a.getString("id").equals(id)).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("Deactivating an account ends its sessions at once; its past work stays attributed")
  void deactivate() {
    Person facilitator = people.facilitator("Lina");
    assertEquals(200, facilitator.client().get("/api/me").status());
    JsonObject before = account(facilitator.id());
    Response response = people.coordinator().client().patch("/api/accounts/" + facilitator.id(),
        new JsonObject().put("active", false).put("version", before.getLong("version")));
    assertEquals(200, response.status(), response.toString());
    assertEquals(401, facilitator.client().get("/api/me").status());
    assertEquals(401, new ApiClient(node).post("/api/session", new JsonObject()
        .put("login", facilitator.login()).put("password", People.PASSWORD)).status());
    assertEquals("Lina", account(facilitator.id()).getString("name"), "the account stays on record");
  }

  @Test
  @DisplayName("A coordinator changes a role; a stale version gets a conflict that shows the current state")
  void changeRole() {
    Person facilitator = people.facilitator("Mira");
    long version = account(facilitator.id()).getLong("version");
    ApiClient coordinator = people.coordinator().client();
    assertEquals(200, coordinator.patch("/api/accounts/" + facilitator.id(),
        new JsonObject().put("role", "coordinator").put("version", version)).status());
    assertEquals("coordinator", facilitator.client().get("/api/me").json().getString("role"));
    Response stale = coordinator.patch("/api/accounts/" + facilitator.id(),
        new JsonObject().put("role", "facilitator").put("version", version));
    assertEquals(409, stale.status());
    assertEquals("coordinator", stale.json().getJsonObject("current").getString("role"));
  }

  @Test
  @DisplayName("A facilitator cannot manage accounts, and a member cannot even list them")
  void notForOthers() {
    Person facilitator = people.facilitator("Nina");
    Person member = people.member("Oki", facilitator, null);
    assertEquals(403, facilitator.client().get("/api/accounts").status());
    assertEquals(403, member.client().get("/api/accounts").status());
    assertEquals(403, facilitator.client().patch("/api/accounts/" + member.id(),
        new JsonObject().put("active", false).put("version", 0)).status());
    assertEquals(401, new ApiClient(node).get("/api/accounts").status());
  }

  @Test
  @DisplayName("A person changes their own password after giving the current one")
  void changePassword() {
    Person facilitator = people.facilitator("Putri");
    Response wrong = facilitator.client().post("/api/me/password", new JsonObject()
        .put("current", "not it at all").put("password", "a brand new password"));
    assertEquals(400, wrong.status());
    assertEquals("current", wrong.errorFields().get(0));
    assertEquals(204, facilitator.client().post("/api/me/password", new JsonObject()
        .put("current", People.PASSWORD).put("password", "a brand new password")).status());
    new ApiClient(node).signIn(facilitator.login(), "a brand new password");
  }

  @Test
  @DisplayName("The audit log records sign-ins, failures and denials; only coordinators read it")
  void auditLog() {
    Person facilitator = people.facilitator("Rina");
    new ApiClient(node).post("/api/session", new JsonObject().put("login", facilitator.login())
        .put("password", "wrong password!"));
    facilitator.client().get("/api/accounts");
    ApiClient coordinator = people.coordinator().client();
    JsonObject failed = coordinator.get("/api/audit?action=account.sign-in-failed").json();
    assertTrue(failed.getLong("total") >= 1);
    JsonObject denied = coordinator.get("/api/audit?action=access.denied&actor=" + facilitator.id()).json();
    assertEquals(1, denied.getJsonArray("entries").size(), denied.encode());
    assertEquals("/api/accounts", denied.getJsonArray("entries").getJsonObject(0)
        .getJsonObject("details").getString("path"));
    assertEquals(403, facilitator.client().get("/api/audit").status());
    Response bad = coordinator.get("/api/audit?from=yesterday&size=9999");
    assertEquals(400, bad.status());
    assertEquals(java.util.List.of("from", "size"), bad.errorFields());
  }
}
