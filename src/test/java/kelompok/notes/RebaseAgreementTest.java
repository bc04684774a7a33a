package kelompok.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The server rebases a late push exactly as {@code rebaseUpdates} of {@code @codemirror/collab}
 * (from the build's npm packages) does, on thousands of random cases: other clients' updates in
 * between, the pusher's own updates already accepted, emoji, CRLF typed into the editor, empty
 * documents.
 */
class RebaseAgreementTest {

  static final int CASES = 3000;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 20261124})
  @DisplayName("Java rebases every random push exactly as CodeMirror's collab does, and the texts agree")
  void agreesWithCodeMirror(int seed) throws Exception {
    List<Map<String, Object>> cases = TextChangeAgreementTest.generate("gen-rebase-cases.mjs", seed, CASES);
    assertEquals(CASES, cases.size());
    int mapped = 0;
    int deduplicated = 0;
    for (Map<String, Object> c : cases) {
      List<Rebase.Update> over = updates(c.get("over"));
      List<Rebase.Update> updates = updates(c.get("updates"));
      List<Rebase.Update> rebased = Rebase.rebase(updates, over);
      assertEquals(json(updates(c.get("rebased"))), json(rebased), () -> "case " + c);
      String text = (String) c.get("doc");
      for (Rebase.Update u : over) {
        text = TextChange.parse(u.changes(), text.length()).apply(text);
      }
      for (Rebase.Update u : rebased) {
        text = TextChange.parse(u.changes(), text.length()).apply(text);
      }
      assertEquals(c.get("result"), text, () -> "case " + c);
      if (over.stream().anyMatch(u -> !u.clientId().equals("me")) && !rebased.isEmpty()) {
        mapped++;
      }
      if (rebased.size() < updates.size()) {
        deduplicated++;
      }
    }
    assertTrue(mapped > CASES / 2, "most cases map over other clients' updates: " + mapped);
    assertTrue(deduplicated > CASES / 10, "many cases drop updates already accepted: " + deduplicated);
  }

  @Test
  @DisplayName("Two insertions at the same place: the one the server accepted first comes first")
  void sameplace() {
    List<Rebase.Update> over = List.of(new Rebase.Update(List.of(2, List.of(0, "A"), 1), "other"));
    List<Rebase.Update> mine = List.of(new Rebase.Update(List.of(2, List.of(0, "B"), 1), "me"));
    List<?> changes = Rebase.rebase(mine, over).get(0).changes();
    assertEquals("abAB.", TextChange.parse(changes, 4).apply("abA."));
  }

  @Test
  @DisplayName("A deletion that swallowed the place of an insertion keeps the insertion where the text was")
  void deletedAround() {
    List<Rebase.Update> over = List.of(new Rebase.Update(List.of(1, List.of(3), 1), "other"));
    List<Rebase.Update> mine = List.of(new Rebase.Update(List.of(2, List.of(0, "X"), 3), "me"));
    List<?> changes = Rebase.rebase(mine, over).get(0).changes();
    assertEquals("aXe", TextChange.parse(changes, 2).apply("ae"));
  }

  @Test
  @DisplayName("An update the server already accepted from the same client is dropped, the next is mapped past it")
  void alreadyAccepted() {
    Rebase.Update first = new Rebase.Update(List.of(List.of(0, "1"), 3), "me");
    Rebase.Update second = new Rebase.Update(List.of(4, List.of(0, "2")), "me");
    List<Rebase.Update> over = List.of(first, new Rebase.Update(List.of(List.of(0, "x"), 4), "other"));
    List<Rebase.Update> rebased = Rebase.rebase(List.of(first, second), over);
    assertEquals(1, rebased.size());
    assertEquals("x1abc2", TextChange.parse(rebased.get(0).changes(), 5).apply("x1abc"));
  }

  @SuppressWarnings("unchecked")
  private static List<Rebase.Update> updates(Object json) {
    List<Rebase.Update> list = new ArrayList<>();
    for (Object o : (List<Object>) json) {
      Map<String, Object> u = (Map<String, Object>) o;
      list.add(new Rebase.Update((List<?>) u.get("changes"), (String) u.get("clientID")));
    }
    return list;
  }

  /** Updates as comparable JSON text (numbers written the same whatever their Java type). */
  private static List<String> json(List<Rebase.Update> updates) {
    return updates.stream().map(u -> u.clientId() + " " + io.vertx.core.json.Json.encode(normal(u.changes()))).toList();
  }

  private static Object normal(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(RebaseAgreementTest::normal).toList();
    }
    return value instanceof Number n ? (Object) n.longValue() : value;
  }
}
