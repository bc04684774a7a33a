package kelompok.system;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import kelompok.system.InvalidInput.FieldProblem;

/**
 * Reads a request body field by field, collecting every problem so one answer names all bad
 * fields; {@link #done()} throws them together. Field names in problems are prefixed with the
 * optional path given (for nested objects).
 */
public final class Input {

  private final JsonObject body;
  private final String prefix;
  private final List<FieldProblem> problems;

  public Input(JsonObject body) {
    this(body, "", new ArrayList<>());
  }

  private Input(JsonObject body, String prefix, List<FieldProblem> problems) {
    this.body = body == null ? new JsonObject() : body;
    this.prefix = prefix;
    this.problems = problems;
  }

  /** A nested object's reader sharing this one's problems (null object reads as empty). */
  public Input object(String field) {
    Object value = body.getValue(field);
    if (value != null && !(value instanceof JsonObject)) {
      problem(field, "not-object", "must be an object");
    }
    return new Input(value instanceof JsonObject o ? o : new JsonObject(), prefix + field + ".", problems);
  }

  public boolean has(String field) {
    return body.containsKey(field);
  }

  /** A text, stripped; null when absent and not required. */
  public String text(String field, int max, boolean required) {
    Object value = body.getValue(field);
    if (value == null) {
      if (required) {
        problem(field, "required", "is required");
      }
      return null;
    }
    if (!(value instanceof String s)) {
      problem(field, "not-text", "must be text");
      return null;
    }
    String text = s.strip();
    if (required && text.isEmpty()) {
      problem(field, "required", "is required");
    }
    if (text.length() > max) {
      problem(field, "too-long", "may have at most " + max + " characters (has " + text.length() + ")");
    }
    return text;
  }

  /** A whole number in range; {@code fallback} when absent. */
  public Integer integer(String field, int min, int max, Integer fallback) {
    Object value = body.getValue(field);
    if (value == null) {
      if (fallback == null) {
        problem(field, "required", "is required");
      }
      return fallback;
    }
    if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      problem(field, "not-integer", "must be a whole number");
      return fallback;
    }
    long number = n.longValue();
    if (number < min || number > max) {
      problem(field, "out-of-range", "must be from " + min + " to " + max);
      return fallback;
    }
    return (int) number;
  }

  public Boolean bool(String field, Boolean fallback) {
    Object value = body.getValue(field);
    if (value == null) {
      if (fallback == null) {
        problem(field, "required", "is required");
      }
      return fallback;
    }
    if (!(value instanceof Boolean b)) {
      problem(field, "not-boolean", "must be true or false");
      return fallback;
    }
    return b;
  }

  /** An instant in ISO-8601 form, for example 2026-03-01T09:00:00Z. */
  public Instant instant(String field, boolean required) {
    String text = text(field, 40, required);
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      problem(field, "not-time", "must be a time like 2026-03-01T09:00:00Z");
      return null;
    }
  }

  /** A list of texts, each stripped, non-empty and at most {@code maxLength} long. */
  public List<String> texts(String field, int maxItems, int maxLength) {
    Object value = body.getValue(field);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)) {
      problem(field, "not-list", "must be a list");
      return List.of();
    }
    if (array.size() > maxItems) {
      problem(field, "too-many", "may have at most " + maxItems + " entries");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      Object item = array.getValue(i);
      if (!(item instanceof String s) || s.isBlank()) {
        problem(field + "[" + i + "]", "not-text", "must be non-empty text");
      } else if (s.strip().length() > maxLength) {
        problem(field + "[" + i + "]", "too-long", "may have at most " + maxLength + " characters");
      } else {
        out.add(s.strip());
      }
    }
    return out;
  }

  /** The version of the record the client edited (required for every update). */
  public long version() {
    Object value = body.getValue("version");
    if (!(value instanceof Number n) || n.longValue() < 0 || n.doubleValue() != Math.rint(n.doubleValue())) {
      problem("version", "required", "send the version of the record you edited");
      return -1;
    }
    return n.longValue();
  }

  public void problem(String field, String code, String message) {
    problems.add(new FieldProblem(prefix + field, code, prefix + field + " " + message));
  }

  /** Throws every problem found, if any. */
  public void done() {
    if (!problems.isEmpty()) {
      throw new InvalidInput(problems);
    }
  }
}
