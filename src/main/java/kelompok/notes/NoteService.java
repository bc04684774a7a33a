package kelompok.notes;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kelompok.accounts.Principal;
import kelompok.accounts.Role;
import kelompok.audit.Audit;
import kelompok.groups.GroupService;
import kelompok.sessions.SessionService;
import kelompok.system.Input;
import kelompok.system.Problem;

/**
 * Session notes: who may open, hear and change them (the group's facilitators; coordinators read
 * only unless assigned; members never), creation from the template, signing and locking, dated
 * addenda, history and export. Every open and every signature is audited.
 */
final class NoteService {

  private final NoteRepository repo;
  private final NoteEngine engine;
  private final GroupService groups;
  private final SessionService sessions;
  private final Audit audit;

  NoteService(NoteRepository repo, NoteEngine engine, GroupService groups, SessionService sessions, Audit audit) {
    this.repo = repo;
    this.engine = engine;
    this.groups = groups;
    this.sessions = sessions;
    this.audit = audit;
  }

  /** Whether the person may change the note: a facilitator assigned to its group. */
  static boolean mayEdit(Principal p, JsonObject group) {
    return p.role() != Role.MEMBER && group.getJsonArray("facilitatorIds", new JsonArray()).contains(p.id());
  }

  /** The note and its group, if the person may read it; otherwise a 404 that says nothing more. */
  Future<JsonObject[]> readable(Principal by, String noteId) {
    if (by.is(Role.MEMBER)) {
      return Future.failedFuture(Problem.forbidden("Members do not read session notes."));
    }
    return repo.note(noteId).compose(note -> note == null
        ? Future.failedFuture(Problem.notFound("There is no note " + noteId + " you work with."))
        : groups.visible(by, note.getString("groupId")).map(group -> new JsonObject[] {note, group})
            .recover(e -> Future.failedFuture(Problem.notFound("There is no note " + noteId + " you work with."))));
  }

  /**
   * Whether the person may hear the note (or, with {@code edit}, change it): the bridge's check,
   * which reads neither the note's text nor anything else it does not need.
   */
  Future<Boolean> mayUse(Principal by, String noteId, boolean edit) {
    if (by.is(Role.MEMBER)) {
      return Future.succeededFuture(false);
    }
    return repo.groupOf(noteId).compose(groupId -> groupId == null ? Future.succeededFuture(false)
        : groups.visible(by, groupId).map(group -> !edit || mayEdit(by, group)).otherwise(false));
  }

  Future<JsonObject[]> editable(Principal by, String noteId) {
    return readable(by, noteId).compose(pair -> mayEdit(by, pair[1]) ? Future.succeededFuture(pair)
        : Future.failedFuture(Problem.forbidden("Only the group's facilitators change its notes.")));
  }

  /** Creates the note of a session from the template (one note per session). */
  Future<JsonObject> create(Principal by, String groupId, String sessionId, JsonObject body, String address) {
    Input in = new Input(body);
    String lang = in.text("lang", 5, false);
    in.done();
    return groups.visible(by, groupId).compose(group -> {
      if (!mayEdit(by, group)) {
        return Future.failedFuture(Problem.forbidden("Only the group's facilitators write its notes."));
      }
      return Future.all(sessions.list(groupId), groups.members(groupId)).compose(all -> {
        JsonObject session = all.<List<JsonObject>>resultAt(0).stream()
            .filter(s -> s.getString("id").equals(sessionId)).findFirst().orElse(null);
        if (session == null) {
          return Future.failedFuture(Problem.notFound("There is no session " + sessionId + " in this group."));
        }
        if ("cancelled".equals(session.getString("status"))) {
          return Future.failedFuture(kelompok.system.InvalidInput.of("sessionId", "cancelled",
              "the session was cancelled; it has no note"));
        }
        List<JsonObject> members = all.resultAt(1);
        JsonObject attendance = session.getJsonObject("attendance", new JsonObject());
        List<JsonObject> expected = members.stream().filter(m -> Set.of("active", "completed", "dropped-out",
            "referred-elsewhere").contains(m.getString("status"))).toList();
        List<String> present = expected.stream().filter(m -> {
          JsonObject a = attendance.getJsonObject(m.getString("_id"));
          return a == null || Set.of("attended", "late").contains(a.getString("status"));
        }).map(m -> m.getString("name")).toList();
        String text = NoteTemplate.text("id".equals(lang) ? "id" : "en", group.getString("name"),
            session.getString("start"), session.getString("topic"), present, expected.size());
        JsonObject note = new JsonObject().put("_id", UUID.randomUUID().toString()).put("groupId", groupId)
            .put("sessionId", sessionId).put("sessionStart", session.getString("start"))
            .put("initialText", text).put("text", text).put("version", 0L).put("locked", false)
            .put("facilitatorIds", group.getJsonArray("facilitatorIds").copy())
            .put("signatures", new JsonArray()).put("addenda", new JsonArray())
            .put("createdBy", by.toJson()).put("createdAt", Instant.now().toString());
        return repo.insertNote(note)
            .recover(e -> Future.failedFuture(NoteRepository.isDuplicate(e)
                ? Problem.conflict("This session has a note already.", new JsonObject()) : e))
            .compose(v -> audit.record(by.toJson(), "note.create", Audit.target("note", note.getString("_id")),
                new JsonObject().put("group", groupId).put("session", sessionId), address))
            .map(v -> view(note, by, group));
      });
    });
  }

  /** Opens a note (audited): its current text and version, signatures, addenda. */
  Future<JsonObject> open(Principal by, String noteId, String address) {
    return readable(by, noteId).compose(pair -> engine.fresh(noteId).compose(state ->
        audit.record(by.toJson(), "note.open", Audit.target("note", noteId), null, address)
            .compose(v -> repo.note(noteId))
            .map(note -> view(note.put("text", state.text()).put("version", state.version())
                .put("locked", state.locked()), by, pair[1]))));
  }

  Future<List<JsonObject>> list(Principal by, String groupId) {
    return groups.visible(by, groupId).compose(g -> repo.notesOfGroup(groupId)).map(notes -> notes.stream()
        .map(n -> new JsonObject().put("id", n.getString("_id")).put("sessionId", n.getString("sessionId"))
            .put("sessionStart", n.getString("sessionStart")).put("locked", n.getBoolean("locked", false))
            .put("version", n.getLong("version")).put("signatures", n.getJsonArray("signatures")))
        .toList());
  }

  /**
   * Signs the note at the version the facilitator read; when every facilitator of the note has
   * signed the current version, it is locked (from every node).
   */
  Future<JsonObject> sign(Principal by, String noteId, JsonObject body, String address) {
    Input in = new Input(body);
    long version = in.version();
    in.done();
    return editable(by, noteId).compose(pair -> engine.fresh(noteId).compose(state -> {
      if (state.locked()) {
        return Future.failedFuture(Problem.conflict("The note is already signed and locked.", new JsonObject()));
      }
      if (state.version() != version) {
        return Future.failedFuture(Problem.conflict("The note changed since you read it (your version " + version
            + ", now " + state.version() + "); read it again before signing.",
            new JsonObject().put("currentVersion", state.version())));
      }
      JsonObject signature = new JsonObject().put("userId", by.id()).put("name", by.name())
          .put("version", version).put("at", Instant.now().toString());
      return repo.update(noteId, new JsonObject().put("$push", new JsonObject().put("signatures", signature)))
          .compose(v -> audit.record(by.toJson(), "note.sign", Audit.target("note", noteId),
              new JsonObject().put("version", version), address))
          .compose(v -> repo.note(noteId))
          .compose(note -> {
            JsonArray needed = note.getJsonArray("facilitatorIds", new JsonArray());
            boolean all = needed.stream().allMatch(id -> note.getJsonArray("signatures").stream()
                .map(JsonObject.class::cast).anyMatch(s -> id.equals(s.getString("userId"))
                    && s.getLong("version") == version));
            return (all ? engine.lock(noteId, by, version)
                .recover(e -> Future.failedFuture(e instanceof TextChange.InvalidChange
                    ? Problem.conflict("Your signature is kept, but " + e.getMessage() + ".", new JsonObject()) : e))
                .compose(v -> repo.update(noteId, new JsonObject()
                .put("$set", new JsonObject().put("locked", true).put("lockedAt", Instant.now().toString()))))
                : Future.<Void>succeededFuture()).map(v -> all);
          })
          .compose(locked -> open(by, noteId, address));
    }));
  }

  /** A dated addendum by a named facilitator, only once the note is locked. */
  Future<JsonObject> addendum(Principal by, String noteId, JsonObject body, String address) {
    Input in = new Input(body);
    String text = in.text("text", 10_000, true);
    in.done();
    return editable(by, noteId).compose(pair -> engine.fresh(noteId).compose(state -> {
      if (!state.locked()) {
        return Future.failedFuture(kelompok.system.InvalidInput.of("text", "not-locked",
            "the note is not signed yet: change the note itself"));
      }
      JsonObject addendum = new JsonObject().put("id", UUID.randomUUID().toString()).put("text", text)
          .put("by", by.toJson()).put("at", Instant.now().toString());
      return repo.update(noteId, new JsonObject().put("$push", new JsonObject().put("addenda", addendum)))
          .compose(v -> audit.record(by.toJson(), "note.addendum", Audit.target("note", noteId), null, address))
          .map(v -> addendum);
    }));
  }

  /** The text as it was at {@code version}, replayed from the first text and the op log. */
  Future<JsonObject> history(Principal by, String noteId, long version, String address) {
    return readable(by, noteId).compose(pair -> {
      JsonObject note = pair[0];
      return replayTo(noteId, new NoteEngine.State(note.getString("initialText", ""), 0, false), version)
          .compose(state -> audit.record(by.toJson(), "note.history", Audit.target("note", noteId),
              new JsonObject().put("version", version), address).map(v -> new JsonObject()
              .put("version", state.version()).put("text", state.text()).put("locked", state.locked())));
    });
  }

  private Future<NoteEngine.State> replayTo(String noteId, NoteEngine.State from, long version) {
    return engine.ops(noteId, from.version()).compose(ops -> {
      NoteEngine.State state = from;
      for (JsonObject op : ops) {
        if (op.getLong("version") > version) {
          return Future.succeededFuture(state);
        }
        state = NoteEngine.applyOp(state, op);
      }
      return ops.size() == 1000 ? replayTo(noteId, state, version) : Future.succeededFuture(state);
    });
  }

  /** The note as Markdown, with its signatures and addenda (an export, audited). */
  Future<String> markdown(Principal by, String noteId, String address, String format) {
    return open(by, noteId, address).compose(note -> audit.record(by.toJson(), "note.export",
        Audit.target("note", noteId), new JsonObject().put("format", format), address).map(v -> {
          StringBuilder out = new StringBuilder(note.getString("text"));
          out.append("\n\n---\n");
          note.getJsonArray("signatures").forEach(s -> out.append("Signed by ").append(((JsonObject) s).getString("name"))
              .append(" at ").append(((JsonObject) s).getString("at")).append(" (version ")
              .append(((JsonObject) s).getLong("version")).append(")\n"));
          note.getJsonArray("addenda").forEach(a -> out.append("\n### Addendum, ").append(((JsonObject) a).getString("at"))
              .append(", ").append(((JsonObject) a).getJsonObject("by").getString("name")).append("\n")
              .append(((JsonObject) a).getString("text")).append("\n"));
          return out.toString();
        }));
  }

  /** Counts the group's notes that are not yet signed and locked (for the closing gate). */
  Future<JsonObject> facts(String groupId) {
    return repo.notesOfGroup(groupId).map(notes -> new JsonObject().put("unsignedNotes",
        (int) notes.stream().filter(n -> !n.getBoolean("locked", false)).count()));
  }

  private static JsonObject view(JsonObject note, Principal by, JsonObject group) {
    return new JsonObject().put("id", note.getString("_id")).put("groupId", note.getString("groupId"))
        .put("groupName", group.getString("name"))
        .put("sessionId", note.getString("sessionId")).put("sessionStart", note.getString("sessionStart"))
        .put("text", note.getString("text")).put("version", note.getLong("version"))
        .put("locked", note.getBoolean("locked", false)).put("signatures", note.getJsonArray("signatures"))
        .put("addenda", note.getJsonArray("addenda")).put("facilitatorIds", note.getJsonArray("facilitatorIds"))
        .put("canEdit", mayEdit(by, group));
  }
}
