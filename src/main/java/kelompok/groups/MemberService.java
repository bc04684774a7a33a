package kelompok.groups;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kelompok.accounts.Principal;
import kelompok.system.Input;
import kelompok.system.InvalidInput;

/** Candidates and members of a group: intake, selection, status and outcome. */
final class MemberService {

  static final List<String> AGE_BANDS = List.of("under-18", "18-25", "26-40", "41-60", "over-60");
  static final List<String> PROBLEM_SOURCES = List.of("self-told", "worker-observed");

  private final GroupService groups;
  private final GroupRepository repo;

  MemberService(GroupService groups, GroupRepository repo) {
    this.groups = groups;
    this.repo = repo;
  }

  /** Adds a candidate (referred). A group in development takes new people only if it is open. */
  Future<JsonObject> add(Principal by, String groupId, JsonObject body, String address) {
    Input in = new Input(body);
    String name = in.text("name", 120, true);
    String userId = in.text("userId", 64, false);
    in.done();
    return groups.visible(by, groupId).compose(group -> {
      GroupService.requireOpen(group);
      Phase phase = Phase.fromCode(group.getString("phase"), "phase");
      if (phase.ordinal() >= Phase.DEVELOPMENT.ordinal() && !"open".equals(group.getString("membership"))) {
        throw InvalidInput.of("groupId", "closed-membership",
            "this group has closed membership and has begun: it takes no new members");
      }
      JsonObject member = new JsonObject().put("_id", UUID.randomUUID().toString())
          .put("groupId", groupId).put("name", name).put("userId", userId == null || userId.isEmpty() ? null : userId)
          .put("status", MemberStatus.REFERRED.code()).put("version", 0L)
          .put("joinedLate", phase.ordinal() >= Phase.DEVELOPMENT.ordinal())
          .put("createdAt", Instant.now().toString()).put("createdBy", by.toJson())
          .put("history", new JsonArray()).put("edits", new JsonArray());
      return repo.insertMember(member)
          .compose(v -> groups.changed(by, group, "member.add", new JsonObject().put("member", member.getString("_id")), address))
          .map(v -> Groups.clean(member));
    });
  }

  /** Links a member account that joined through an invitation for this group, as a candidate. */
  void joined(JsonObject event) {
    String groupId = event.getString("groupId");
    JsonObject by = event.getJsonObject("by", new JsonObject());
    repo.group(groupId).compose(group -> group == null ? Future.succeededFuture()
        : repo.insertMember(new JsonObject().put("_id", UUID.randomUUID().toString()).put("groupId", groupId)
            .put("name", event.getString("name")).put("userId", event.getString("userId"))
            .put("status", MemberStatus.REFERRED.code()).put("version", 0L).put("joinedLate", false)
            .put("createdAt", Instant.now().toString()).put("createdBy", by)
            .put("history", new JsonArray()).put("edits", new JsonArray())));
  }

  /** Records intake, selection, goal attainment or a status move for one member. */
  Future<JsonObject> update(Principal by, String groupId, String memberId, JsonObject body, String address) {
    Input in = new Input(body);
    long version = in.version();
    JsonObject set = new JsonObject();
    if (in.has("intake")) {
      Input intake = in.object("intake");
      String source = intake.text("problemSource", 40, true);
      if (source != null && !source.isEmpty() && !PROBLEM_SOURCES.contains(source)) {
        intake.problem("problemSource", "unknown", "must be self-told or worker-observed");
      }
      set.put("intake", new JsonObject().put("problemSource", source)
          .put("problemStory", intake.text("problemStory", 4000, false))
          .put("contractAgreed", intake.bool("contractAgreed", false))
          .put("confidentialityConsent", intake.bool("confidentialityConsent", false))
          .put("recordedBy", by.toJson()).put("at", Instant.now().toString()));
    }
    if (in.has("selection")) {
      Input sel = in.object("selection");
      String age = sel.text("ageBand", 20, false);
      if (age != null && !age.isEmpty() && !AGE_BANDS.contains(age)) {
        sel.problem("ageBand", "unknown", "must be one of " + String.join(", ", AGE_BANDS));
      }
      set.put("selection", new JsonObject().put("ageBand", age)
          .put("gender", sel.text("gender", 60, false))
          .put("socialStatus", sel.text("socialStatus", 500, false))
          .put("contribution", sel.text("contribution", 2000, false)));
    }
    if (in.has("goalAttainment")) {
      set.put("goalAttainment", in.text("goalAttainment", 4000, false));
    }
    if (in.has("followUp")) {
      set.put("followUp", in.text("followUp", 2000, false));
    }
    String statusCode = in.text("status", 40, false);
    String reason = in.text("reason", 2000, false);
    in.done();
    MemberStatus to = statusCode == null || statusCode.isEmpty() ? null : MemberStatus.fromCode(statusCode, "status");
    if (to == null && set.isEmpty()) {
      throw InvalidInput.of("body", "nothing", "send intake, selection, goalAttainment, followUp or status");
    }
    return groups.visible(by, groupId).compose(group -> {
      GroupService.requireOpen(group);
      return repo.update(GroupRepository.MEMBERS, Groups.byId(memberId).put("groupId", groupId), version,
          current -> {
            if (to != null) {
              MemberStatus from = MemberStatus.fromCode(current.getString("status"), "status");
              checkMove(from, to, reason, group);
              set.put("status", to.code()).put("history", Members.history(current, to, reason, by));
              if (to == MemberStatus.SELECTED || to == MemberStatus.NOT_SELECTED) {
                set.put("decision", new JsonObject().put("decision", to.code()).put("reason", reason)
                    .put("by", by.toJson()).put("at", Instant.now().toString()));
              }
            }
            return Future.succeededFuture(set);
          }, by, "member.update")
          .compose(m -> groups.changed(by, group, "member.update",
              new JsonObject().put("member", memberId).put("status", to == null ? null : to.code()), address)
              .map(g -> Groups.clean(m)));
    });
  }

  private static void checkMove(MemberStatus from, MemberStatus to, String reason, JsonObject group) {
    if (!from.mayMoveTo(to)) {
      throw InvalidInput.of("status", "not-allowed", "a member who is " + from.code() + " cannot become "
          + to.code());
    }
    boolean decision = to == MemberStatus.SELECTED || to == MemberStatus.NOT_SELECTED;
    if ((to.needsReason() || decision) && (reason == null || reason.isBlank())) {
      throw InvalidInput.of("reason", "required", "give the reason for " + to.code());
    }
    Phase phase = Phase.fromCode(group.getString("phase"), "phase");
    if (to == MemberStatus.ACTIVE && phase.ordinal() < Phase.DEVELOPMENT.ordinal()) {
      throw InvalidInput.of("status", "too-early", "members become active when the group's development begins");
    }
  }
}
