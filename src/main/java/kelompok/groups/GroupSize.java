package kelompok.groups;

import io.vertx.core.json.JsonObject;
import java.util.List;

/** Warns (never forbids) when the active members fall outside the group's planned size. */
final class GroupSize {

  private GroupSize() {}

  static List<JsonObject> warnings(JsonObject group, List<JsonObject> members) {
    JsonObject planned = group.getJsonObject("plannedSize", new JsonObject());
    int min = planned.getInteger("min", 5);
    int max = planned.getInteger("max", 7);
    long active = members.stream().filter(m -> "active".equals(m.getString("status"))).count();
    boolean running = List.of("development", "evaluation-termination").contains(group.getString("phase"));
    if (running && active < min) {
      return List.of(new JsonObject().put("code", "size.below").put("active", active).put("min", min)
          .put("message", "Only " + active + " active members; the plan is " + min + " to " + max + "."));
    }
    if (active > max) {
      return List.of(new JsonObject().put("code", "size.above").put("active", active).put("max", max)
          .put("message", active + " active members; the plan is " + min + " to " + max + "."));
    }
    return List.of();
  }
}
