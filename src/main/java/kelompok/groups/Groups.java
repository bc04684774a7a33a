package kelompok.groups;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.web.Router;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kelompok.accounts.Accounts;
import kelompok.audit.Audit;
import kelompok.system.BridgeAddresses;
import kelompok.system.Storage;

/** The groups feature: wiring, and small helpers shared by its services. */
public final class Groups {

  /** Changes to a group are announced on {@code group.<id>}. */
  public static final String ADDRESS_PREFIX = "group";

  private final GroupService service;

  private Groups(GroupService service) {
    this.service = service;
  }

  /** Creates indexes, installs the routes and declares the {@code group.<id>} bridge address. */
  public static Future<Groups> install(Vertx vertx, Router router, Storage storage, Audit audit,
      Accounts accounts, BridgeAddresses addresses) {
    GroupRepository repo = new GroupRepository(storage.client());
    GroupService service = new GroupService(vertx, repo, audit, accounts.service());
    MemberService members = new MemberService(service, repo);
    GroupRecords records = new GroupRecords(service);
    addresses.declare(ADDRESS_PREFIX, Set.of(BridgeEventType.REGISTER), (principal, type, id, body) ->
        repo.group(id).map(group -> group != null && GroupService.mayWork(principal, group)));
    // a member who accepts an invitation made for a group becomes that group's candidate
    vertx.eventBus().<io.vertx.core.json.JsonObject>localConsumer(kelompok.accounts.AccountService.MEMBER_JOINED,
        msg -> members.joined(msg.body()));
    return storage.ensureIndexes(GroupRepository.INDEXES).map(v -> {
      new GroupRoutes(service, members, records, accounts.access()).install(router);
      return new Groups(service);
    });
  }

  public GroupService service() {
    return service;
  }

  static JsonObject byId(String id) {
    return new JsonObject().put("_id", id);
  }

  /** A stored document as the API shows it: {@code id} instead of {@code _id}. */
  static JsonObject clean(JsonObject doc) {
    JsonObject out = doc.copy();
    out.put("id", out.remove("_id"));
    return out;
  }

  /** The latest stage observation, or null. */
  static JsonObject currentStage(JsonObject group) {
    return group.getJsonArray("stages", new JsonArray()).stream().map(JsonObject.class::cast)
        .max(Comparator.comparing((JsonObject s) -> s.getString("observedAt"))
            .thenComparing(s -> s.getString("at")))
        .orElse(null);
  }

  /** The signs a facilitator may tick per stage: the standard ones and the group's own. */
  static JsonObject signs(JsonObject group) {
    JsonObject custom = group.getJsonObject("customSigns", new JsonObject());
    JsonObject out = new JsonObject();
    for (Stage stage : Stage.values()) {
      JsonArray list = new JsonArray();
      stage.signs().forEach(s -> list.add(new JsonObject().put("code", s.code()).put("en", s.en())
          .put("id", s.id())));
      custom.getJsonArray(stage.code(), new JsonArray()).forEach(list::add);
      out.put(stage.code(), list);
    }
    return out;
  }

  static JsonArray missingJson(List<PhaseGate.Missing> missing) {
    return new JsonArray(missing.stream().map(m -> new JsonObject().put("code", m.code())
        .put("message", m.message()).put("params", new JsonObject(Map.copyOf(m.params())))).toList());
  }

  /** Counts a group's records into the facts its gates need. */
  static GroupFacts facts(JsonObject group, List<JsonObject> members, JsonObject extra) {
    JsonObject assessment = group.getJsonObject("assessment", new JsonObject());
    JsonObject evaluation = group.getJsonObject("evaluation", new JsonObject());
    List<JsonObject> candidates = members.stream()
        .filter(m -> !MemberStatus.NOT_SELECTED.code().equals(m.getString("status"))).toList();
    int withoutContract = (int) candidates.stream().filter(m -> {
      JsonObject intake = m.getJsonObject("intake", new JsonObject());
      return !intake.getBoolean("contractAgreed", false) || !intake.getBoolean("confidentialityConsent", false)
          || intake.getString("problemSource") == null;
    }).count();
    int undecided = (int) members.stream().filter(m -> List.of("referred", "assessed")
        .contains(m.getString("status"))).count();
    int selected = (int) members.stream().filter(m -> List.of("selected", "active")
        .contains(m.getString("status"))).count();
    int activeWithoutOutcome = (int) members.stream()
        .filter(m -> List.of("active", "selected").contains(m.getString("status"))).count();
    return new GroupFacts("open".equals(group.getString("membership")),
        group.getJsonObject("plannedSize", new JsonObject()).getInteger("min", 5),
        candidates.size(), withoutContract,
        size(assessment, "problems"), size(assessment, "shortTermGoals"),
        size(assessment, "longTermGoals"), size(assessment, "plannedActions"),
        undecided, selected,
        extra.getInteger("sessionsScheduled", 0), extra.getInteger("sessionsHeld", 0),
        size(evaluation, "ongoing"), evaluation.getJsonObject("final") != null,
        extra.getInteger("unsignedNotes", 0), group.getJsonObject("termination") != null,
        activeWithoutOutcome);
  }

  private static int size(JsonObject record, String field) {
    return record.getJsonArray(field, new JsonArray()).size();
  }
}
