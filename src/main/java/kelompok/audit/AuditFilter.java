package kelompok.audit;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import kelompok.system.InvalidInput;
import kelompok.system.InvalidInput.FieldProblem;

/** The audit page's filter, parsed from query parameters and checked. */
record AuditFilter(String actor, String action, String targetType, String targetId, Instant from,
    Instant to, int page, int size) {

  static final int MAX_SIZE = 200;
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:@-]{1,200}");

  static AuditFilter parse(MultiMap params) {
    List<FieldProblem> problems = new ArrayList<>();
    String actor = token(params, "actor", problems);
    String action = token(params, "action", problems);
    String targetType = token(params, "targetType", problems);
    String targetId = token(params, "targetId", problems);
    Instant from = instant(params, "from", problems);
    Instant to = instant(params, "to", problems);
    int page = number(params, "page", 0, 0, 1_000_000, problems);
    int size = number(params, "size", 50, 1, MAX_SIZE, problems);
    if (from != null && to != null && from.isAfter(to)) {
      problems.add(new FieldProblem("to", "before-from", "'to' must not be before 'from'"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInput(problems);
    }
    return new AuditFilter(actor, action, targetType, targetId, from, to, page, size);
  }

  JsonObject query() {
    JsonObject query = new JsonObject();
    if (actor != null) {
      query.put("actor.id", actor);
    }
    if (action != null) {
      query.put("action", action);
    }
    if (targetType != null) {
      query.put("target.type", targetType);
    }
    if (targetId != null) {
      query.put("target.id", targetId);
    }
    if (from != null || to != null) {
      JsonObject range = new JsonObject();
      if (from != null) {
        range.put("$gte", from.toString());
      }
      if (to != null) {
        range.put("$lte", to.toString());
      }
      query.put("at", range);
    }
    return query;
  }

  private static String token(MultiMap params, String name, List<FieldProblem> problems) {
    String value = params.get(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    if (!TOKEN.matcher(value).matches()) {
      problems.add(new FieldProblem(name, "invalid", name + " has characters that cannot occur in it"));
    }
    return value;
  }

  private static Instant instant(MultiMap params, String name, List<FieldProblem> problems) {
    String value = params.get(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(name, "invalid-time",
          name + " must be a time like 2026-01-31T09:00:00Z"));
      return null;
    }
  }

  private static int number(MultiMap params, String name, int fallback, int min, int max,
      List<FieldProblem> problems) {
    String value = params.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(new FieldProblem(name, "out-of-range", name + " must be a whole number from " + min + " to " + max));
    return fallback;
  }
}
