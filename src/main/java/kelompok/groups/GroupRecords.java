package kelompok.groups;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import kelompok.accounts.Principal;
import kelompok.system.Input;

/**
 * Each phase's own record on the group: assessment and planning, evaluation (ongoing notes and the
 * final evaluation), termination, and the stage timeline with its signs.
 */
final class GroupRecords {

  static final int TEXT_MAX = 4000;
  static final List<String> TERMINATION_REASONS = List.of("goals-reached", "time-ended", "budget-ended", "other");

  private final GroupService groups;

  GroupRecords(GroupService groups) {
    this.groups = groups;
  }

  Future<JsonObject> assessment(Principal by, String id, JsonObject body, String address) {
    Input in = new Input(body);
    long version = in.version();
    JsonObject assessment = new JsonObject()
        .put("problems", new JsonArray(in.texts("problems", 50, 1000)))
        .put("shortTermGoals", new JsonArray(in.texts("shortTermGoals", 50, 1000)))
        .put("longTermGoals", new JsonArray(in.texts("longTermGoals", 50, 1000)))
        .put("plannedActions", new JsonArray(in.texts("plannedActions", 50, 1000)))
        .put("by", by.toJson()).put("at", Instant.now().toString());
    in.done();
    return groups.changeRecord(by, id, version, "group.assessment",
        g -> new JsonObject().put("assessment", assessment), address);
  }

  Future<JsonObject> ongoingEvaluation(Principal by, String id, JsonObject body, String address) {
    Input in = new Input(body);
    long version = in.version();
    String text = in.text("text", TEXT_MAX, true);
    in.done();
    return groups.changeRecord(by, id, version, "group.evaluation-note", g -> {
      JsonObject evaluation = g.getJsonObject("evaluation", new JsonObject()).copy();
      JsonArray ongoing = evaluation.getJsonArray("ongoing", new JsonArray()).copy();
      ongoing.add(new JsonObject().put("id", UUID.randomUUID().toString()).put("phase", g.getString("phase"))
          .put("text", text).put("by", by.toJson()).put("at", Instant.now().toString()));
      return new JsonObject().put("evaluation", evaluation.put("ongoing", ongoing));
    }, address);
  }

  Future<JsonObject> finalEvaluation(Principal by, String id, JsonObject body, String address) {
    Input in = new Input(body);
    long version = in.version();
    String process = in.text("process", TEXT_MAX, true);
    String results = in.text("results", TEXT_MAX, true);
    in.done();
    return groups.changeRecord(by, id, version, "group.final-evaluation", g -> {
      requirePhase(g, Phase.EVALUATION, "the final evaluation is written in evaluation and termination");
      JsonObject evaluation = g.getJsonObject("evaluation", new JsonObject()).copy();
      return new JsonObject().put("evaluation", evaluation.put("final", new JsonObject()
          .put("process", process).put("results", results).put("by", by.toJson())
          .put("at", Instant.now().toString())));
    }, address);
  }

  Future<JsonObject> termination(Principal by, String id, JsonObject body, String address) {
    Input in = new Input(body);
    long version = in.version();
    String summary = in.text("summary", TEXT_MAX, true);
    String reason = in.text("reason", 40, true);
    String other = in.text("reasonOther", 1000, false);
    if (reason != null && !reason.isEmpty() && !TERMINATION_REASONS.contains(reason)) {
      in.problem("reason", "unknown", "must be one of " + String.join(", ", TERMINATION_REASONS));
    }
    if ("other".equals(reason) && (other == null || other.isEmpty())) {
      in.problem("reasonOther", "required", "is required when the reason is other");
    }
    in.done();
    return groups.changeRecord(by, id, version, "group.termination", g -> {
      requirePhase(g, Phase.EVALUATION, "termination is recorded in evaluation and termination");
      return new JsonObject().put("termination", new JsonObject().put("summary", summary)
          .put("reason", reason).put("reasonOther", other).put("by", by.toJson())
          .put("at", Instant.now().toString()));
    }, address);
  }

  /** Records an observed stage with the signs seen; a lower stage than the last is a fall-back. */
  Future<JsonObject> stage(Principal by, String id, JsonObject body, String address) {
    Input in = new Input(body);
    long version = in.version();
    String code = in.text("stage", 40, true);
    Instant observed = in.instant("observedAt", false);
    String sessionId = in.text("sessionId", 64, false);
    List<String> signs = in.texts("signs", 30, 80);
    String rationale = in.text("rationale", 2000, true);
    in.done();
    Stage stage = Stage.fromCode(code, "stage");
    Instant when = observed == null ? Instant.now() : observed;
    return groups.changeRecord(by, id, version, "group.stage", g -> {
      Set<String> allowed = Groups.signs(g).getJsonArray(stage.code()).stream()
          .map(s -> ((JsonObject) s).getString("code")).collect(Collectors.toSet());
      Input check = new Input(new JsonObject());
      for (int i = 0; i < signs.size(); i++) {
        if (!allowed.contains(signs.get(i))) {
          check.problem("signs[" + i + "]", "unknown-sign", "is not a sign of " + stage.code());
        }
      }
      if (when.isAfter(Instant.now().plusSeconds(300))) {
        check.problem("observedAt", "future", "cannot be in the future");
      }
      check.done();
      JsonObject previous = Groups.currentStage(g);
      boolean fallBack = previous != null
          && Stage.fromCode(previous.getString("stage"), "stage").ordinal() > stage.ordinal();
      JsonArray stages = g.getJsonArray("stages", new JsonArray()).copy();
      stages.add(new JsonObject().put("id", UUID.randomUUID().toString()).put("stage", stage.code())
          .put("observedAt", when.toString()).put("sessionId", sessionId == null || sessionId.isEmpty() ? null : sessionId)
          .put("signs", new JsonArray(signs)).put("rationale", rationale).put("fallBack", fallBack)
          .put("by", by.toJson()).put("at", Instant.now().toString()));
      return new JsonObject().put("stages", stages);
    }, address);
  }

  /** Adds a sign of the group's own to a stage's list. */
  Future<JsonObject> addSign(Principal by, String id, JsonObject body, String address) {
    Input in = new Input(body);
    long version = in.version();
    String code = in.text("stage", 40, true);
    String text = in.text("text", 200, true);
    in.done();
    Stage stage = Stage.fromCode(code, "stage");
    return groups.changeRecord(by, id, version, "group.sign", g -> {
      JsonObject custom = g.getJsonObject("customSigns", new JsonObject()).copy();
      JsonArray list = custom.getJsonArray(stage.code(), new JsonArray()).copy();
      list.add(new JsonObject().put("code", "own-" + UUID.randomUUID().toString().substring(0, 8))
          .put("en", text).put("id", text).put("by", by.toJson()));
      return new JsonObject().put("customSigns", custom.put(stage.code(), list));
    }, address);
  }

  private static void requirePhase(JsonObject group, Phase phase, String message) {
    if (!phase.code().equals(group.getString("phase"))) {
      throw kelompok.system.InvalidInput.of("phase", "wrong-phase", message);
    }
  }
}
