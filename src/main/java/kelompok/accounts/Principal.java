package kelompok.accounts;

import io.vertx.core.json.JsonObject;

/** The signed-in person a request or a bridge socket acts for. */
public record Principal(String id, String name, String email, Role role) {

  public boolean is(Role r) {
    return role == r;
  }

  /** How the person appears in audit entries and attributions. */
  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("name", name).put("role", role.code());
  }
}
