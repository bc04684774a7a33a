package kelompok.groups;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import kelompok.system.Input;

/** Reads and checks the fields of a group's description (on create and on edit). */
final class GroupInput {

  static final int NAME_MAX = 200;
  static final int TEXT_MAX = 4000;
  static final int SHORT_MAX = 200;

  private GroupInput() {}

  /**
   * The description fields present in {@code in}; with {@code creating}, required ones must be
   * there and defaults are filled in. Problems are collected in {@code in}.
   */
  static JsonObject read(Input in, boolean creating) {
    JsonObject out = new JsonObject();
    if (creating || in.has("name")) {
      out.put("name", in.text("name", NAME_MAX, true));
    }
    for (String field : List.of("purpose", "problem")) {
      if (creating || in.has(field)) {
        out.put(field, in.text(field, TEXT_MAX, false));
      }
    }
    if (creating || in.has("setting")) {
      out.put("setting", in.text("setting", SHORT_MAX, false));
    }
    if (creating || in.has("type")) {
      String type = in.text("type", 40, true);
      if (type != null && !type.isEmpty()) {
        try {
          out.put("type", GroupType.fromCode(type, "type").code());
        } catch (kelompok.system.InvalidInput e) {
          in.problem("type", "unknown-type", e.problems().get(0).message());
        }
      }
    }
    if (creating || in.has("plannedSize")) {
      Input size = in.object("plannedSize");
      Integer min = size.integer("min", 2, 50, 5);
      Integer max = size.integer("max", 2, 50, 7);
      if (min != null && max != null && min > max) {
        in.problem("plannedSize.max", "below-min", "must not be below plannedSize.min");
      }
      out.put("plannedSize", new JsonObject().put("min", min).put("max", max));
    }
    if (creating || in.has("membership")) {
      String membership = in.text("membership", 10, false);
      if (membership == null || membership.isEmpty()) {
        membership = "closed";
      }
      if (!membership.equals("open") && !membership.equals("closed")) {
        in.problem("membership", "unknown", "must be open or closed");
      }
      out.put("membership", membership);
    }
    if (creating || in.has("plannedSessions")) {
      Input sessions = in.object("plannedSessions");
      out.put("plannedSessions", new JsonObject()
          .put("count", sessions.integer("count", 1, 200, 8))
          .put("rhythm", sessions.text("rhythm", SHORT_MAX, false)));
    }
    if (creating || in.has("facilitatorIds")) {
      List<String> ids = in.texts("facilitatorIds", 10, 64);
      if (ids.isEmpty()) {
        in.problem("facilitatorIds", "required", "must name at least one facilitator");
      }
      out.put("facilitatorIds", new JsonArray(ids.stream().distinct().toList()));
    }
    return out;
  }
}
