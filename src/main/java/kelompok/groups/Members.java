package kelompok.groups;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import kelompok.accounts.Principal;

/** Small helpers for member records. */
final class Members {

  private Members() {}

  /** The member's status history with one more move appended. */
  static JsonArray history(JsonObject member, MemberStatus to, String reason, Principal by) {
    JsonArray history = member.getJsonArray("history", new JsonArray()).copy();
    history.add(new JsonObject().put("from", member.getString("status")).put("to", to.code())
        .put("reason", reason).put("by", by.toJson()).put("at", Instant.now().toString()));
    return history;
  }
}
