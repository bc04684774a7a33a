package kelompok.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kelompok.system.People;
import kelompok.system.People.Person;
import kelompok.system.TestNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged change is in the embedded store's file when the answer leaves: a copy of the
 * file taken right after the answers (what a crash at that moment would leave behind) holds every
 * acknowledged op, and opens with the note's text replaying to what the editors were told.
 */
class NotesDurabilityTest {

  @Test
  @DisplayName("Every acknowledged change is in the data file at once, so a crash right after the answer loses none")
  void acknowledgedMeansOnDisk(@TempDir Path dir, @TempDir Path crashed) throws Exception {
    String noteId;
    String text;
    try (TestNode node = TestNode.start(dir, Map.of())) {
      People people = new People(node);
      Person facilitator = people.facilitator("Dewi");
      String groupId = People.newGroup(people.coordinator().client(), facilitator.id(), 2, "closed").getString("id");
      noteId = NotesApiTest.newNote(facilitator.client(), groupId);
      text = facilitator.client().get("/api/notes/" + noteId).json().getString("text");
      for (int i = 0; i < 20; i++) {
        JsonObject answer = facilitator.client().post("/api/notes/" + noteId + "/changes", new JsonObject()
            .put("version", i).put("clientID", "c")
            .put("changes", new JsonArray().add(text.length()).add(new JsonArray().add(0).add("k" + i)))).json();
        assertEquals(true, answer.getBoolean("accepted"), answer.encode());
        text = text + "k" + i;
      }
      // what a crash would leave: the file as it is on disk this very moment
      Files.copy(dir.resolve("kelompok.mv"), crashed.resolve("kelompok.mv"));
    }
    try (TestNode after = TestNode.start(crashed, Map.of())) {
      List<JsonObject> ops = TestNode.await(after.server().storage().client().findWithOptions(NoteRepository.OPS,
          new JsonObject().put("note", noteId), new FindOptions().setSort(new JsonObject().put("version", 1))));
      assertEquals(20, ops.size(), "every acknowledged op is in the copy");
      JsonObject note = TestNode.await(after.server().storage().client()
          .findOne(NoteRepository.NOTES, new JsonObject().put("_id", noteId), null));
      NoteEngine.State state = new NoteEngine.State(note.getString("initialText"), 0, false);
      for (JsonObject op : ops) {
        state = NoteEngine.applyOp(state, op);
      }
      assertEquals(text, state.text(), "the op log replays to the acknowledged text");
    }
  }
}
