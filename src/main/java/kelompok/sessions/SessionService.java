package kelompok.sessions;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import kelompok.accounts.Principal;
import kelompok.groups.GroupService;
import kelompok.system.Input;
import kelompok.system.InvalidInput;
import kelompok.system.Problem;

/** A group's meetings: scheduling one or a weekly series, moving, cancelling, holding, attendance. */
public final class SessionService {

  static final String SESSIONS = "group_sessions";
  private static final Set<String> MEMBER_STATUSES = Set.of("active", "selected", "completed",
      "dropped-out", "referred-elsewhere");

  private final MongoClient mongo;
  private final GroupService groups;

  SessionService(MongoClient mongo, GroupService groups) {
    this.mongo = mongo;
    this.groups = groups;
  }

  /** Counts for the phase gates: sessions scheduled (not cancelled) and held. */
  Future<JsonObject> facts(String groupId) {
    return mongo.find(SESSIONS, new JsonObject().put("groupId", groupId)).map(list -> new JsonObject()
        .put("sessionsScheduled", (int) list.stream().filter(s -> !"cancelled".equals(s.getString("status"))).count())
        .put("sessionsHeld", (int) list.stream().filter(s -> "held".equals(s.getString("status"))).count()));
  }

  /** The sessions of a group, in time order. */
  public Future<List<JsonObject>> list(String groupId) {
    return mongo.findWithOptions(SESSIONS, new JsonObject().put("groupId", groupId),
        new FindOptions().setSort(new JsonObject().put("start", 1))).map(l -> l.stream().map(SessionService::clean).toList());
  }

  Future<List<JsonObject>> listFor(Principal by, String groupId) {
    return groups.visible(by, groupId).compose(g -> list(groupId));
  }

  Future<List<JsonObject>> schedule(Principal by, String groupId, JsonObject body, String address) {
    Input in = new Input(body);
    Instant start = in.instant("start", true);
    Instant end = in.instant("end", true);
    int weeks = in.integer("weeks", 1, SessionRules.MAX_WEEKS, 1);
    String topic = in.text("topic", 200, false);
    List<SessionRules.Slot> slots = SessionRules.slots(in, start, end, weeks);
    in.done();
    return groups.visible(by, groupId).compose(group -> {
      GroupService.requireOpen(group);
      String series = weeks > 1 ? UUID.randomUUID().toString() : null;
      List<JsonObject> docs = new ArrayList<>();
      for (SessionRules.Slot slot : slots) {
        docs.add(new JsonObject().put("_id", UUID.randomUUID().toString()).put("groupId", groupId)
            .put("start", slot.start().toString()).put("end", slot.end().toString()).put("topic", topic)
            .put("series", series).put("status", "scheduled").put("attendance", new JsonObject())
            .put("version", 0L).put("createdBy", by.toJson()).put("createdAt", Instant.now().toString()));
      }
      return mongo.bulkWrite(SESSIONS, docs.stream().map(io.vertx.ext.mongo.BulkOperation::createInsert).toList())
          .compose(r -> groups.changed(by, group, "session.schedule",
              new JsonObject().put("count", docs.size()), address))
          .map(g -> docs.stream().map(SessionService::clean).toList());
    });
  }

  /** Moves, cancels (with a reason), re-schedules or marks a session held. */
  Future<JsonObject> update(Principal by, String groupId, String sessionId, JsonObject body, String address) {
    Input in = new Input(body);
    long version = in.version();
    Instant start = in.instant("start", false);
    Instant end = in.instant("end", false);
    String status = in.text("status", 20, false);
    String reason = in.text("reason", 1000, false);
    in.done();
    return groups.visible(by, groupId).compose(group -> {
      GroupService.requireOpen(group);
      return session(groupId, sessionId).compose(current -> {
        Input check = new Input(body);
        JsonObject set = new JsonObject();
        if (start != null || end != null) {
          Instant s = start != null ? start : Instant.parse(current.getString("start"));
          Instant e = end != null ? end : Instant.parse(current.getString("end"));
          SessionRules.slots(check, s, e, 1);
          if ("cancelled".equals(current.getString("status"))) {
            check.problem("start", "cancelled", "a cancelled session cannot be moved");
          }
          set.put("start", s.toString()).put("end", e.toString());
        }
        if (status != null && !status.isEmpty()) {
          switch (status) {
            case "cancelled" -> {
              if (reason == null || reason.isEmpty()) {
                check.problem("reason", "required", "is required to cancel a session");
              }
              if ("held".equals(current.getString("status"))) {
                check.problem("status", "held", "a session that was held cannot be cancelled");
              }
              set.put("cancelReason", reason);
            }
            case "held" -> {
              if ("cancelled".equals(current.getString("status"))) {
                check.problem("status", "cancelled", "a cancelled session cannot be marked held");
              }
              if (Instant.parse(current.getString("start")).isAfter(Instant.now())) {
                check.problem("status", "future", "a session can be marked held once it has begun");
              }
            }
            case "scheduled" -> { }
            default -> check.problem("status", "unknown", "must be scheduled, held or cancelled");
          }
          set.put("status", status);
        }
        check.done();
        if (set.isEmpty()) {
          throw InvalidInput.of("body", "nothing", "send start/end or status to change");
        }
        return versioned(current, version, set);
      }).compose(s -> groups.changed(by, group, "session.update",
          new JsonObject().put("session", sessionId).put("fields", new JsonArray(body.fieldNames().stream().toList())), address)
          .map(g -> clean(s)));
    });
  }

  /** Records attendance for members of the group at one session. */
  Future<JsonObject> attendance(Principal by, String groupId, String sessionId, JsonObject body, String address) {
    Input in = new Input(body);
    long version = in.version();
    Object raw = body.getValue("entries");
    if (!(raw instanceof JsonArray entries) || entries.isEmpty()) {
      throw InvalidInput.of("entries", "required", "entries must list at least one member's attendance");
    }
    return groups.visible(by, groupId).compose(group -> {
      GroupService.requireOpen(group);
      return groups.members(groupId).compose(members -> session(groupId, sessionId).compose(current -> {
        Map<String, JsonObject> byId = members.stream()
            .filter(m -> MEMBER_STATUSES.contains(m.getString("status")))
            .collect(Collectors.toMap(m -> m.getString("_id"), m -> m));
        JsonObject attendance = current.getJsonObject("attendance", new JsonObject()).copy();
        long minutesMax = java.time.Duration.between(Instant.parse(current.getString("start")),
            Instant.parse(current.getString("end"))).toMinutes();
        for (int i = 0; i < entries.size(); i++) {
          Input entry = new Input(entries.getValue(i) instanceof JsonObject o ? o : new JsonObject());
          String memberId = entry.text("memberId", 64, true);
          String status = entry.text("status", 20, true);
          Integer minutes = entry.integer("minutes", 0, (int) minutesMax, -1);
          String field = "entries[" + i + "]";
          if (memberId != null && !memberId.isEmpty() && !byId.containsKey(memberId)) {
            in.problem(field + ".memberId", "not-member", "is not a member of this group");
          }
          if (status != null && !Attendance.STATUSES.contains(status)) {
            in.problem(field + ".status", "unknown", "must be one of " + String.join(", ", Attendance.STATUSES));
          }
          entry.done();
          attendance.put(memberId, new JsonObject().put("status", status)
              .put("minutes", minutes == -1 ? null : minutes).put("by", by.toJson()));
        }
        if ("cancelled".equals(current.getString("status"))) {
          in.problem("status", "cancelled", "the session was cancelled");
        }
        in.done();
        return versioned(current, version, new JsonObject().put("attendance", attendance));
      })).compose(s -> groups.changed(by, group, "session.attendance",
          new JsonObject().put("session", sessionId), address).map(g -> clean(s)));
    });
  }

  /** Each member's attendance rate over held sessions, against the 62.5% mark. */
  Future<JsonObject> rates(Principal by, String groupId) {
    return groups.visible(by, groupId).compose(g -> Future.all(groups.members(groupId), list(groupId)))
        .map(all -> {
          List<JsonObject> members = all.resultAt(0);
          List<JsonObject> held = all.<List<JsonObject>>resultAt(1).stream()
              .filter(s -> "held".equals(s.getString("status"))).toList();
          JsonArray out = new JsonArray();
          for (JsonObject member : members) {
            if (!MEMBER_STATUSES.contains(member.getString("status"))) {
              continue;
            }
            String id = member.getString("_id");
            List<String> statuses = held.stream()
                .map(s -> s.getJsonObject("attendance", new JsonObject()).getJsonObject(id))
                .filter(a -> a != null).map(a -> a.getString("status")).toList();
            Double rate = Attendance.rate(statuses);
            out.add(new JsonObject().put("memberId", id).put("name", member.getString("name"))
                .put("recorded", statuses.size()).put("rate", rate)
                .put("meetsMark", rate != null && rate >= Attendance.MARK));
          }
          return new JsonObject().put("mark", Attendance.MARK).put("members", out);
        });
  }

  private Future<JsonObject> session(String groupId, String sessionId) {
    return mongo.findOne(SESSIONS, new JsonObject().put("_id", sessionId).put("groupId", groupId), null)
        .compose(s -> s == null ? Future.failedFuture(Problem.notFound("There is no session " + sessionId
            + " in this group.")) : Future.succeededFuture(s));
  }

  private Future<JsonObject> versioned(JsonObject current, long version, JsonObject set) {
    if (current.getLong("version", 0L) != version) {
      return Future.failedFuture(Problem.conflict("This session was changed since you opened it (your "
          + "version " + version + ", now " + current.getLong("version") + "); nothing of yours was saved.",
          new JsonObject().put("current", clean(current))));
    }
    JsonObject match = new JsonObject().put("_id", current.getString("_id")).put("version", version);
    return mongo.updateCollection(SESSIONS, match, new JsonObject()
            .put("$set", set.copy().put("version", version + 1).put("updatedAt", Instant.now().toString())))
        .compose(r -> r.getDocMatched() == 1
            ? mongo.findOne(SESSIONS, new JsonObject().put("_id", current.getString("_id")), null)
            : session(current.getString("groupId"), current.getString("_id"))
                .compose(now -> Future.failedFuture(Problem.conflict("This session was changed at the same time; "
                    + "nothing of yours was saved.", new JsonObject().put("current", clean(now))))));
  }

  static JsonObject clean(JsonObject doc) {
    JsonObject out = doc.copy();
    out.put("id", out.remove("_id"));
    return out;
  }
}
