package kelompok.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

  @Test
  @DisplayName("With nothing set, the defaults apply: port 8080, ./data, the embedded MongoDB")
  void defaults() {
    Config config = Config.load(Map.of());
    assertEquals(8080, config.httpPort());
    assertEquals(Path.of("./data"), config.dataDir());
    assertTrue(config.embeddedMongo());
    assertEquals(30, config.sessionIdleMinutes());
    assertEquals(List.of(), config.allowedOrigins());
  }

  @Test
  @DisplayName("A config file overrides the defaults and environment variables override the file")
  void precedence(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("k.json");
    Files.writeString(file, "{\"KELOMPOK_HTTP_PORT\": 9000, \"KELOMPOK_MONGO_DATABASE\": \"fromfile\"}");
    Config config = Config.load(Map.of("KELOMPOK_CONFIG", file.toString(),
        "KELOMPOK_MONGO_DATABASE", "fromenv", "KELOMPOK_ALLOWED_ORIGINS", "https://a.example, https://b.example"));
    assertEquals(9000, config.httpPort());
    assertEquals("fromenv", config.mongoDatabase());
    assertEquals(List.of("https://a.example", "https://b.example"), config.allowedOrigins());
  }

  @Test
  @DisplayName("A port that is not a number is refused with the key's name and the value")
  void badPort() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> Config.load(Map.of("KELOMPOK_HTTP_PORT", "eighty")));
    assertEquals("KELOMPOK_HTTP_PORT: 'eighty' is not a whole number", e.getMessage());
  }

  @Test
  @DisplayName("A port out of range, a bad boolean and an unknown file key are each refused by name")
  void otherBadValues(@TempDir Path dir) throws Exception {
    assertEquals("KELOMPOK_HTTP_PORT: 70000 is outside 0..65535", assertThrows(ConfigException.class,
        () -> Config.load(Map.of("KELOMPOK_HTTP_PORT", "70000"))).getMessage());
    assertEquals("KELOMPOK_CLUSTERED: 'maybe' is not true or false", assertThrows(ConfigException.class,
        () -> Config.load(Map.of("KELOMPOK_CLUSTERED", "maybe"))).getMessage());
    Path file = dir.resolve("k.json");
    Files.writeString(file, "{\"KELOMPOK_HTTP_PROT\": 1}");
    ConfigException e = assertThrows(ConfigException.class,
        () -> Config.load(Map.of("KELOMPOK_CONFIG", file.toString())));
    assertEquals("KELOMPOK_HTTP_PROT", e.key());
  }

  @Test
  @DisplayName("A config file that is missing or not JSON is refused with its path")
  void badFile(@TempDir Path dir) throws Exception {
    ConfigException missing = assertThrows(ConfigException.class,
        () -> Config.load(Map.of("KELOMPOK_CONFIG", dir.resolve("none.json").toString())));
    assertTrue(missing.getMessage().startsWith("KELOMPOK_CONFIG: cannot read config file"), missing.getMessage());
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "[1,2]");
    assertTrue(assertThrows(ConfigException.class,
        () -> Config.load(Map.of("KELOMPOK_CONFIG", file.toString()))).getMessage()
        .endsWith("must hold a JSON object"));
  }
}
