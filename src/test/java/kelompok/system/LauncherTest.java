package kelompok.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {

  private record Outcome(int code, String err) {}

  private Outcome launch(Map<String, String> env) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Launcher.launch(env, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(code, err.toString(StandardCharsets.UTF_8));
  }

  private static void assertOneLine(String err) {
    assertEquals(1, err.lines().count(), "expected one line, got: " + err);
    assertFalse(err.contains("\tat "), "no stack trace: " + err);
  }

  @Test
  @DisplayName("Start-up with a port that is not a number stops with one line naming the key")
  void badPort() {
    Outcome outcome = launch(Map.of("KELOMPOK_HTTP_PORT", "abc"));
    assertEquals(2, outcome.code());
    assertOneLine(outcome.err());
    assertTrue(outcome.err().contains("KELOMPOK_HTTP_PORT: 'abc' is not a whole number"), outcome.err());
  }

  @Test
  @DisplayName("Start-up on a data folder that cannot be written stops with one line naming the key")
  void unwritableDataDir(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("a-file");
    Files.writeString(file, "not a folder");
    Outcome outcome = launch(Map.of("KELOMPOK_HTTP_PORT", "0",
        "KELOMPOK_DATA_DIR", file.resolve("data").toString()));
    assertEquals(2, outcome.code());
    assertOneLine(outcome.err());
    assertTrue(outcome.err().contains("KELOMPOK_DATA_DIR: cannot create data folder"), outcome.err());
  }

  @Test
  @DisplayName("Start-up with a MongoDB that cannot be reached stops with one line naming the key")
  void unreachableMongo() {
    Outcome outcome = launch(Map.of("KELOMPOK_HTTP_PORT", "0",
        "KELOMPOK_MONGO_URI", "mongodb://user:secret@127.0.0.1:1/?directConnection=true",
        "KELOMPOK_MONGO_TIMEOUT_MS", "500"));
    assertEquals(2, outcome.code());
    assertOneLine(outcome.err());
    assertTrue(outcome.err().contains("KELOMPOK_MONGO_URI: cannot reach MongoDB at mongodb://***@127.0.0.1:1"),
        outcome.err());
    assertFalse(outcome.err().contains("secret"), "the password is never printed");
  }
}
