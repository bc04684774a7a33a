package kelompok.groups;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import kelompok.accounts.AccountService;
import kelompok.accounts.Principal;
import kelompok.accounts.Role;
import kelompok.audit.Audit;
import kelompok.system.Input;
import kelompok.system.InvalidInput;
import kelompok.system.Problem;

/**
 * Groups: their description, their phase and its gates, their records per phase, and who may see
 * them. Every change is version-checked, audited, and announced on {@code group.<id>}.
 */
public final class GroupService {

  private final Vertx vertx;
  private final GroupRepository repo;
  private final Audit audit;
  private final AccountService accounts;
  private final List<Function<String, Future<JsonObject>>> factSources = new ArrayList<>();

  GroupService(Vertx vertx, GroupRepository repo, Audit audit, AccountService accounts) {
    this.vertx = vertx;
    this.repo = repo;
    this.audit = audit;
    this.accounts = accounts;
  }

  /**
   * Lets another feature add to a group's facts for the gates ({@code sessionsScheduled},
   * {@code sessionsHeld}, {@code unsignedNotes}).
   */
  public void addFacts(Function<String, Future<JsonObject>> source) {
    factSources.add(source);
  }

  /** The group if {@code principal} may see it: coordinators all, facilitators their own. */
  public Future<JsonObject> visible(Principal principal, String groupId) {
    return repo.group(groupId).compose(group -> {
      if (group == null || !mayWork(principal, group)) {
        return Future.failedFuture(Problem.notFound("There is no group " + groupId + " you work with."));
      }
      return Future.succeededFuture(group);
    });
  }

  /** Whether the person may see and edit the group's working records. */
  public static boolean mayWork(Principal principal, JsonObject group) {
    return principal.is(Role.COORDINATOR) || principal.is(Role.FACILITATOR)
        && group.getJsonArray("facilitatorIds", new JsonArray()).contains(principal.id());
  }

  /** The active member records of a group (for attendance and note templates). */
  public Future<List<JsonObject>> members(String groupId) {
    return repo.members(groupId);
  }

  /** The groups a member account belongs to (as active or selected member). */
  public Future<List<String>> groupsOfMember(String userId) {
    return repo.membershipsOf(userId).map(list -> list.stream()
        .filter(m -> List.of("active", "selected", "completed").contains(m.getString("status")))
        .map(m -> m.getString("groupId")).distinct().toList());
  }

  Future<JsonObject> create(Principal by, JsonObject body, String address) {
    Input in = new Input(body);
    JsonObject group = GroupInput.read(in, true);
    in.done();
    return checkFacilitators(group.getJsonArray("facilitatorIds")).compose(v -> {
      String id = UUID.randomUUID().toString();
      String now = Instant.now().toString();
      group.put("_id", id).put("phase", Phase.INTAKE.code()).put("archived", false)
          .put("version", 0L).put("createdAt", now).put("createdBy", by.toJson())
          .put("phaseHistory", new JsonArray()).put("stages", new JsonArray())
          .put("customSigns", new JsonObject()).put("assessment", new JsonObject())
          .put("evaluation", new JsonObject().put("ongoing", new JsonArray()))
          .put("edits", new JsonArray());
      return repo.insertGroup(group)
          .compose(x -> changed(by, group, "group.create", null, address))
          .map(x -> Groups.clean(group));
    });
  }

  Future<List<JsonObject>> list(Principal by, String q, String phase, String stage,
      String facilitator, boolean archived) {
    JsonObject query = new JsonObject().put("archived", archived);
    if (by.is(Role.FACILITATOR)) {
      query.put("facilitatorIds", by.id());
    } else if (facilitator != null && !facilitator.isBlank()) {
      query.put("facilitatorIds", facilitator);
    }
    if (phase != null && !phase.isBlank()) {
      query.put("phase", Phase.fromCode(phase, "phase").code());
    }
    if (q != null && !q.isBlank()) {
      if (q.length() > 100) {
        throw InvalidInput.of("q", "too-long", "q may have at most 100 characters");
      }
      query.put("name", new JsonObject().put("$regex", Pattern.quote(q)).put("$options", "i"));
    }
    String wantedStage = stage == null || stage.isBlank() ? null : Stage.fromCode(stage, "stage").code();
    return repo.groups(query).map(groups -> groups.stream()
        .map(g -> summary(g))
        .filter(g -> wantedStage == null || wantedStage.equals(g.getString("stage")))
        .toList());
  }

  /** The group with everything its page shows. */
  Future<JsonObject> detail(Principal by, String id) {
    return visible(by, id).compose(group -> Future.all(repo.members(id), facts(group))
        .map(all -> {
          List<JsonObject> members = all.resultAt(0);
          GroupFacts facts = all.resultAt(1);
          JsonObject out = Groups.clean(group);
          out.put("members", new JsonArray(members.stream().map(Groups::clean).toList()));
          out.put("stage", Groups.currentStage(group));
          out.put("warnings", new JsonArray(GroupSize.warnings(group, members)));
          Phase phase = Phase.fromCode(group.getString("phase"), "phase");
          if (phase != Phase.CLOSED) {
            out.put("next", new JsonObject().put("phase", phase.next().code())
                .put("missing", Groups.missingJson(PhaseGate.missing(phase, facts))));
          }
          out.put("signs", Groups.signs(group));
          return out;
        }));
  }

  Future<JsonObject> update(Principal by, String id, JsonObject body, String address) {
    Input in = new Input(body);
    long version = in.version();
    JsonObject set = GroupInput.read(in, false);
    in.done();
    if (set.isEmpty()) {
      throw InvalidInput.of("body", "nothing", "send at least one field to change");
    }
    Future<Void> check = set.containsKey("facilitatorIds") ? requireCoordinator(by, "assign facilitators")
        .compose(v -> checkFacilitators(set.getJsonArray("facilitatorIds"))) : Future.succeededFuture();
    return check.compose(v -> visible(by, id)).compose(g -> repo.update(GroupRepository.GROUPS,
            Groups.byId(id), version, current -> {
              requireOpen(current);
              return Future.succeededFuture(set);
            }, by, "group.update"))
        .compose(g -> changed(by, g, "group.update", new JsonObject().put("fields", new JsonArray(List.copyOf(set.fieldNames()))), address));
  }

  Future<JsonObject> archive(Principal by, String id, JsonObject body, String address) {
    Input in = new Input(body);
    long version = in.version();
    boolean archived = in.bool("archived", true);
    in.done();
    return repo.update(GroupRepository.GROUPS, Groups.byId(id), version,
            g -> Future.succeededFuture(new JsonObject().put("archived", archived)), by, "group.archive")
        .compose(g -> changed(by, g, archived ? "group.archive" : "group.unarchive", null, address));
  }

  /** Moves the group to another phase if the move is allowed and the gate is met. */
  Future<JsonObject> movePhase(Principal by, String id, JsonObject body, String address) {
    Input in = new Input(body);
    long version = in.version();
    String toCode = in.text("to", 40, true);
    String reason = in.text("reason", 2000, false);
    in.done();
    Phase to = Phase.fromCode(toCode, "to");
    return visible(by, id).compose(group -> repo.update(GroupRepository.GROUPS, Groups.byId(id), version,
        current -> {
          requireNotArchived(current);
          Phase from = Phase.fromCode(current.getString("phase"), "phase");
          PhaseGate.checkMove(from, to, "open".equals(current.getString("membership")), reason);
          Future<Void> gate = to.ordinal() < from.ordinal() ? Future.succeededFuture()
              : facts(current).compose(facts -> {
                List<PhaseGate.Missing> missing = PhaseGate.missing(from, facts);
                return missing.isEmpty() ? Future.succeededFuture()
                    : Future.failedFuture(new Problem.HttpProblem(422, "Not ready to move on",
                        "The group cannot move to " + to.code() + " yet: " + String.join(" ",
                            missing.stream().map(PhaseGate.Missing::message).toList()),
                        new JsonObject().put("missing", Groups.missingJson(missing))));
              });
          return gate.map(v -> {
            JsonArray history = current.getJsonArray("phaseHistory", new JsonArray()).copy();
            history.add(new JsonObject().put("from", from.code()).put("to", to.code())
                .put("reason", reason).put("by", by.toJson()).put("at", Instant.now().toString()));
            return new JsonObject().put("phase", to.code()).put("phaseHistory", history);
          });
        }, by, "group.phase"))
        .compose(g -> (to == Phase.DEVELOPMENT ? activateSelected(by, id) : Future.<Void>succeededFuture())
            .map(g))
        .compose(g -> changed(by, g, "group.phase", new JsonObject().put("to", to.code())
            .put("reason", reason), address));
  }

  /** The gate's answer for the next phase, without moving. */
  Future<JsonObject> gate(Principal by, String id) {
    return visible(by, id).compose(group -> facts(group).map(facts -> {
      Phase phase = Phase.fromCode(group.getString("phase"), "phase");
      List<PhaseGate.Missing> missing = PhaseGate.missing(phase, facts);
      return new JsonObject().put("phase", phase.code())
          .put("next", phase.next() == null ? null : phase.next().code())
          .put("ready", missing.isEmpty()).put("missing", Groups.missingJson(missing));
    }));
  }

  /** Changes one of the group's records with a version check (used by the record services). */
  Future<JsonObject> changeRecord(Principal by, String id, long version, String what,
      Function<JsonObject, JsonObject> change, String address) {
    return visible(by, id).compose(g -> repo.update(GroupRepository.GROUPS, Groups.byId(id), version,
            current -> {
              requireOpen(current);
              return Future.succeededFuture(change.apply(current));
            }, by, what))
        .compose(g -> changed(by, g, what, null, address));
  }

  GroupRepository repository() {
    return repo;
  }

  /** Audits a change to the group (or its sessions) and announces it on {@code group.<id>}. */
  public Future<JsonObject> changed(Principal by, JsonObject group, String action, JsonObject details,
      String address) {
    String id = group.getString("_id");
    return audit.record(by.toJson(), action, Audit.target("group", id), details, address).map(v -> {
      vertx.eventBus().publish(Groups.ADDRESS_PREFIX + "." + id, new JsonObject().put("type", action)
          .put("groupId", id).put("version", group.getLong("version")).put("by", by.toJson()));
      return Groups.clean(group);
    });
  }

  /** Refuses changes to an archived or closed group, naming the field. */
  public static void requireOpen(JsonObject group) {
    requireNotArchived(group);
    if (Phase.CLOSED.code().equals(group.getString("phase"))) {
      throw InvalidInput.of("phase", "closed", "the group is closed; its records can no longer change");
    }
  }

  static void requireNotArchived(JsonObject group) {
    if (group.getBoolean("archived", false)) {
      throw InvalidInput.of("archived", "archived", "the group is archived; unarchive it first");
    }
  }

  private Future<Void> requireCoordinator(Principal by, String what) {
    return by.is(Role.COORDINATOR) ? Future.succeededFuture()
        : Future.failedFuture(Problem.forbidden("Only a coordinator may " + what + "."));
  }

  private Future<Void> checkFacilitators(JsonArray ids) {
    List<Future<Principal>> lookups = ids.stream().map(id -> accounts.activePrincipal((String) id)).toList();
    return Future.all(lookups).compose(all -> {
      List<InvalidInput.FieldProblem> problems = new ArrayList<>();
      for (int i = 0; i < lookups.size(); i++) {
        Principal p = lookups.get(i).result();
        if (p == null || p.is(Role.MEMBER)) {
          problems.add(new InvalidInput.FieldProblem("facilitatorIds[" + i + "]", "not-facilitator",
              "facilitatorIds[" + i + "] is not an active facilitator or coordinator account"));
        }
      }
      return problems.isEmpty() ? Future.succeededFuture() : Future.failedFuture(new InvalidInput(problems));
    });
  }

  private Future<Void> activateSelected(Principal by, String groupId) {
    return repo.members(groupId).compose(members -> Future.all(members.stream()
        .filter(m -> MemberStatus.SELECTED.code().equals(m.getString("status")))
        .map(m -> repo.update(GroupRepository.MEMBERS, Groups.byId(m.getString("_id")),
            m.getLong("version"), cur -> Future.succeededFuture(new JsonObject()
                .put("status", MemberStatus.ACTIVE.code())
                .put("history", Members.history(cur, MemberStatus.ACTIVE, "group development began", by))),
            by, "member.status"))
        .toList()).mapEmpty());
  }

  Future<GroupFacts> facts(JsonObject group) {
    String id = group.getString("_id");
    List<Future<JsonObject>> extra = factSources.stream().map(f -> f.apply(id)).toList();
    return Future.all(repo.members(id), Future.all(extra)).map(all -> {
      JsonObject merged = new JsonObject();
      extra.forEach(f -> merged.mergeIn(f.result()));
      return Groups.facts(group, all.resultAt(0), merged);
    });
  }

  static String summaryStage(JsonObject group) {
    JsonObject stage = Groups.currentStage(group);
    return stage == null ? null : stage.getString("stage");
  }

  private static JsonObject summary(JsonObject group) {
    return new JsonObject().put("id", group.getString("_id")).put("name", group.getString("name"))
        .put("type", group.getString("type")).put("phase", group.getString("phase"))
        .put("stage", summaryStage(group)).put("membership", group.getString("membership"))
        .put("facilitatorIds", group.getJsonArray("facilitatorIds"))
        .put("archived", group.getBoolean("archived")).put("version", group.getLong("version"));
  }
}
