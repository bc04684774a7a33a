package kelompok.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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

class SignInTest {

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

  private static JsonObject credentials(String login, String password) {
    return new JsonObject().put("login", login).put("password", password);
  }

  @Test
  @DisplayName("Set-up is offered while no account exists, and refused once the first coordinator exists")
  void setup() {
    ApiClient anonymous = new ApiClient(node);
    people.coordinator();
    assertEquals(false, anonymous.get("/api/setup").json().getBoolean("needed"));
    Response again = anonymous.post("/api/setup", new JsonObject().put("login", "x@example.org")
        .put("name", "Intruder").put("password", People.PASSWORD));
    assertEquals(409, again.status(), again.toString());
    assertEquals(401, anonymous.post("/api/session", credentials("x@example.org", People.PASSWORD)).status());
  }

  @Test
  @DisplayName("A wrong password and an unknown email get the same answer, and both cost a hash check")
  void wrongPasswordAndUnknownEmail() {
    people.coordinator();
    ApiClient client = new ApiClient(node);
    client.get("/api/setup");
    long t0 = System.nanoTime();
    Response wrong = client.post("/api/session", credentials("coord@example.org", "not the password"));
    long t1 = System.nanoTime();
    Response unknown = client.post("/api/session", credentials("nobody@example.org", "not the password"));
    long t2 = System.nanoTime();
    assertEquals(401, wrong.status());
    assertEquals(401, unknown.status());
    assertEquals(wrong.json().getString("detail"), unknown.json().getString("detail"));
    assertTrue((t1 - t0) / 1_000_000 >= 20 && (t2 - t1) / 1_000_000 >= 20,
        "both answers wait for a password-hash check");
    assertEquals(401, client.get("/api/me").status());
  }

  @Test
  @DisplayName("Signing in gives a new session id, and signing out ends the session on the server")
  void sessionLifecycle() {
    people.coordinator();
    ApiClient client = new ApiClient(node);
    client.get("/api/setup");
    String before = client.sessionCookie();
    assertNotNull(before, "a CSRF-bearing session exists before sign-in");
    client.signIn("coord@example.org", People.PASSWORD);
    String after = client.sessionCookie();
    assertNotEquals(before, after, "the session id changes at sign-in");
    assertEquals(200, client.get("/api/me").status());
    assertEquals("coordinator", client.get("/api/me").json().getString("role"));

    ApiClient thief = new ApiClient(node);
    java.net.HttpCookie stolen = new java.net.HttpCookie("kelompok.sid", after);
    stolen.setPath("/");
    assertEquals(204, client.delete("/api/session").status());
    assertEquals(401, client.get("/api/me").status());
    assertEquals(401, thief.withCookie(stolen).get("/api/me").status(),
        "the old session id is dead on the server, not only forgotten by the browser");
  }

  @Test
  @DisplayName("The session cookie is HttpOnly and SameSite=Strict")
  void cookieFlags() {
    ApiClient client = new ApiClient(node);
    Response response = client.get("/api/setup");
    String setCookie = response.headers().allValues("set-cookie").stream()
        .filter(c -> c.startsWith("kelompok.sid=")).findFirst().orElseThrow();
    assertTrue(setCookie.toLowerCase().contains("; httponly"), setCookie);
    assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
  }

  @Test
  @DisplayName("A state-changing request without the CSRF token, or with a wrong one, is refused")
  void csrf() {
    people.coordinator();
    ApiClient client = new ApiClient(node).withoutCsrf();
    client.get("/api/setup");
    Response missing = client.post("/api/session", credentials("coord@example.org", People.PASSWORD));
    assertEquals(403, missing.status(), missing.toString());
    Response forged = client.sendWithHeader("POST", "/api/session",
        credentials("coord@example.org", People.PASSWORD).encode(), "X-XSRF-TOKEN", "forged-token");
    assertEquals(403, forged.status(), forged.toString());
    assertEquals(401, client.get("/api/me").status());
  }

  @Test
  @DisplayName("Repeated failed sign-ins lock the account for a while; a coordinator sees and lifts the lock")
  void lockout() {
    Person facilitator = people.facilitator("Budi Facilitator");
    ApiClient attacker = new ApiClient(node);
    Response last = null;
    for (int i = 0; i < SignInThrottle.ACCOUNT.lockAfter(); i++) {
      last = attacker.post("/api/session", credentials(facilitator.login(), "guess number " + i));
      assertEquals(401, last.status(), last.toString());
    }
    Response locked = attacker.post("/api/session", credentials(facilitator.login(), People.PASSWORD));
    assertEquals(429, locked.status(), "even the right password waits out the lock: " + locked);
    assertTrue(locked.json().getString("detail").contains("locked until"));

    ApiClient coordinator = people.coordinator().client();
    JsonObject overview = coordinator.get("/api/accounts").json();
    assertTrue(overview.getJsonArray("locks").stream()
        .anyMatch(l -> ((JsonObject) l).getString("key").equals("login:" + facilitator.login())),
        overview.encode());
    assertEquals(204, coordinator.delete("/api/locks/login:" + facilitator.login()).status());
    attacker.signIn(facilitator.login(), People.PASSWORD);
  }

}
