package kelompok.accounts;

import io.vertx.core.json.JsonObject;

/**
 * An account as stored in the {@code users} collection. {@code login} is an email address for
 * staff and an email or a chosen user name for members; it is stored lower-cased and unique.
 */
record Account(String id, String login, String name, Role role, boolean active, String passwordHash,
    long version) {

  static Account fromJson(JsonObject json) {
    return new Account(json.getString("_id"), json.getString("login"), json.getString("name"),
        Role.fromCode(json.getString("role"), "role"), json.getBoolean("active", false),
        json.getString("passwordHash"), json.getLong("version", 0L));
  }

  Principal principal() {
    return new Principal(id, name, login, role);
  }

  /** What the account looks like to a coordinator managing accounts (never the hash). */
  JsonObject toPublicJson() {
    return new JsonObject().put("id", id).put("login", login).put("name", name)
        .put("role", role.code()).put("active", active).put("version", version);
  }
}
