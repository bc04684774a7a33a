package kelompok.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The server's change application agrees with CodeMirror's own ({@code @codemirror/state} from the
 * build's npm packages) on thousands of random changes: emoji and other surrogate pairs, CRLF
 * typed into the editor, empty documents, multi-line inserts, deletions and replacements.
 */
class TextChangeAgreementTest {

  static final int CASES = 5000;
  private static final ObjectMapper JSON = new ObjectMapper();

  static List<Map<String, Object>> generate(int seed, int count) throws Exception {
    return generate("gen-change-cases.mjs", seed, count);
  }

  /** Runs one of the case generators in webroot/tools with the build's npm packages. */
  static List<Map<String, Object>> generate(String generator, int seed, int count) throws Exception {
    Path out = Files.createTempFile("change-cases-", ".jsonl");
    Path script = Path.of("webroot", "tools", generator).toAbsolutePath();
    if (!Files.isDirectory(Path.of("webroot", "node_modules", "@codemirror", "state"))) {
      throw new IllegalStateException("webroot/node_modules is missing: the Maven build installs it (npm ci)");
    }
    Process process = new ProcessBuilder("node", script.toString(), Integer.toString(seed),
        Integer.toString(count), out.toString())
        .directory(Path.of("webroot").toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "node finished");
    assertEquals(0, process.exitValue(), output);
    List<Map<String, Object>> cases = new ArrayList<>();
    for (String line : Files.readAllLines(out)) {
      if (!line.isBlank()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> c = JSON.readValue(line, Map.class);
        cases.add(c);
      }
    }
    Files.delete(out);
    return cases;
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 20261124})
  @DisplayName("Java applies every random CodeMirror change exactly as CodeMirror does")
  void agreesWithCodeMirror(int seed) throws Exception {
    List<Map<String, Object>> cases = generate(seed, CASES);
    assertEquals(CASES, cases.size());
    int nonTrivial = 0;
    for (Map<String, Object> c : cases) {
      String doc = (String) c.get("doc");
      TextChange change = TextChange.parse(c.get("change"), doc.length());
      String result = change.apply(doc);
      assertEquals(c.get("result"), result, () -> "case " + c);
      assertEquals(c.get("editorResult"), result, () -> "editor case " + c);
      if (!change.isEmpty()) {
        nonTrivial++;
      }
    }
    assertTrue(nonTrivial > CASES / 2, "most cases change something: " + nonTrivial);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {3})
  @DisplayName("Each random change is refused against a document of another length")
  void refusesWrongLength(int seed) throws Exception {
    for (Map<String, Object> c : generate(seed, 500)) {
      String doc = (String) c.get("doc");
      assertThrows(TextChange.InvalidChange.class, () -> TextChange.parse(c.get("change"), doc.length() + 1));
    }
  }
}
