package kelompok.system;

import io.vertx.core.json.JsonObject;

/**
 * Accounts for tests, made the way people make them: the first coordinator through set-up, the
 * others through invitations accepted over HTTP. Each person comes with a signed-in client.
 */
public final class People {

  public static final String PASSWORD = "correct horse battery";

  /** A signed-in person: their account id and a client with their session. */
  public record Person(String id, String login, String role, ApiClient client) {}

  private final TestNode node;
  private Person coordinator;
  private int counter;

  public People(TestNode node) {
    this.node = node;
  }

  /** A group made by a coordinator over HTTP, with one facilitator. */
  public static JsonObject newGroup(ApiClient coordinator, String facilitatorId, int min, String membership) {
    ApiClient.Response created = coordinator.post("/api/groups", new JsonObject().put("name", "Dukungan Sebaya")
        .put("purpose", "Peer support for workers cutting down on alcohol").put("type", "support")
        .put("setting", "Employee assistance programme").put("problem", "Alcohol use and absenteeism")
        .put("plannedSize", new JsonObject().put("min", min).put("max", 7)).put("membership", membership)
        .put("plannedSessions", new JsonObject().put("count", 8).put("rhythm", "weekly"))
        .put("facilitatorIds", new io.vertx.core.json.JsonArray().add(facilitatorId)));
    if (created.status() != 201) {
      throw new AssertionError("group creation failed: " + created);
    }
    return created.json();
  }

  /** The first coordinator (created through set-up on first use). */
  public Person coordinator() {
    if (coordinator == null) {
      ApiClient client = new ApiClient(node);
      ApiClient.Response response = client.post("/api/setup", new JsonObject()
          .put("login", "coord@example.org").put("name", "Siti Coordinator").put("password", PASSWORD));
      if (response.status() != 201) {
        throw new AssertionError("set-up failed: " + response);
      }
      coordinator = new Person(response.json().getString("id"), "coord@example.org", "coordinator", client);
    }
    return coordinator;
  }

  /** A new facilitator, invited by the coordinator. */
  public Person facilitator(String name) {
    return invited("facilitator", name, "fac" + (++counter) + "@example.org", coordinator().client());
  }

  /** A new member, invited by {@code inviter} (for a group when groupId is not null). */
  public Person member(String name, Person inviter, String groupId) {
    String login = "member" + (++counter);
    return invited("member", name, login, inviter.client(), groupId);
  }

  private Person invited(String role, String name, String login, ApiClient inviter) {
    return invited(role, name, login, inviter, null);
  }

  private Person invited(String role, String name, String login, ApiClient inviter, String groupId) {
    JsonObject body = new JsonObject().put("role", role).put("name", name).put("groupId", groupId);
    if (!"member".equals(role)) {
      body.put("login", login);
    }
    ApiClient.Response invitation = inviter.post("/api/invitations", body);
    if (invitation.status() != 201) {
      throw new AssertionError("invitation failed: " + invitation);
    }
    ApiClient client = new ApiClient(node);
    JsonObject accept = new JsonObject().put("token", invitation.json().getString("token"))
        .put("password", PASSWORD);
    if ("member".equals(role)) {
      accept.put("login", login);
    }
    ApiClient.Response accepted = client.post("/api/invitations/accept", accept);
    if (accepted.status() != 201) {
      throw new AssertionError("accepting the invitation failed: " + accepted);
    }
    return new Person(accepted.json().getString("id"), login, role, client);
  }
}
