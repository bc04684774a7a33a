package kelompok.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kelompok's configuration, loaded once at start-up and handed down. Values come from the defaults,
 * then an optional JSON file (KELOMPOK_CONFIG, or conf/kelompok.json when it exists), then
 * environment variables; a later source wins. Every key is a {@link Key} with its default.
 */
public record Config(
    String httpHost,
    int httpPort,
    Path dataDir,
    String mongoUri,
    String mongoDatabase,
    int mongoTimeoutMs,
    long bodyLimitBytes,
    int sessionIdleMinutes,
    boolean clustered,
    List<String> clusterHosts,
    List<String> allowedOrigins,
    boolean secureCookies,
    boolean durableAcks,
    boolean notesRebase) {

  /** The named keys, their defaults and what they mean (README lists them from here). */
  public enum Key {
    CONFIG("KELOMPOK_CONFIG", "", "path of an optional JSON file with any of these keys"),
    HTTP_HOST("KELOMPOK_HTTP_HOST", "0.0.0.0", "address the HTTP server listens on"),
    HTTP_PORT("KELOMPOK_HTTP_PORT", "8080", "HTTP port (0 picks a free port)"),
    DATA_DIR("KELOMPOK_DATA_DIR", "./data", "folder for the embedded MongoDB's file"),
    MONGO_URI("KELOMPOK_MONGO_URI", "", "MongoDB connection string; empty starts the embedded one"),
    MONGO_DATABASE("KELOMPOK_MONGO_DATABASE", "kelompok", "database name"),
    MONGO_TIMEOUT_MS("KELOMPOK_MONGO_TIMEOUT_MS", "5000", "how long to wait for MongoDB"),
    BODY_LIMIT_BYTES("KELOMPOK_BODY_LIMIT_BYTES", "1048576", "largest request body accepted"),
    SESSION_IDLE_MINUTES("KELOMPOK_SESSION_IDLE_MINUTES", "30", "sign-in session idle timeout"),
    CLUSTERED("KELOMPOK_CLUSTERED", "false", "join a Hazelcast cluster of Kelompok nodes"),
    CLUSTER_HOSTS("KELOMPOK_CLUSTER_HOSTS", "",
        "cluster members to contact over TCP, comma-separated host[:port]; empty uses multicast"),
    ALLOWED_ORIGINS("KELOMPOK_ALLOWED_ORIGINS", "",
        "extra origins allowed to open the event bus, comma-separated (the server's own is allowed)"),
    SECURE_COOKIES("KELOMPOK_SECURE_COOKIES", "false",
        "mark cookies Secure: set true when users reach Kelompok over HTTPS (directly or via a proxy)"),
    DURABLE_ACKS("KELOMPOK_DURABLE_ACKS", "true",
        "commit the embedded store's file and flush it to the disk before a note change is acknowledged"),
    NOTES_REBASE("KELOMPOK_NOTES_REBASE", "true",
        "rebase a note change made on a recent older version on the server, as @codemirror/collab's "
            + "rebaseUpdates does; false answers it stale (the editor pulls, rebases and sends again)");

    final String env;
    final String defaultValue;
    final String meaning;

    Key(String env, String defaultValue, String meaning) {
      this.env = env;
      this.defaultValue = defaultValue;
      this.meaning = meaning;
    }

    /** The environment variable (and config-file key) that sets this value. */
    public String env() {
      return env;
    }

    public String defaultValue() {
      return defaultValue;
    }

    public String meaning() {
      return meaning;
    }
  }

  /** Loads from the process environment. */
  public static Config fromEnvironment() {
    return load(System.getenv());
  }

  /**
   * Loads defaults, then the config file, then {@code env}; checks every value.
   *
   * @throws ConfigException naming the first key whose value cannot be used
   */
  public static Config load(Map<String, String> env) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Key key : Key.values()) {
      values.put(key.env, key.defaultValue);
    }
    String file = env.getOrDefault(Key.CONFIG.env, "");
    Path path = file.isBlank() ? Path.of("conf", "kelompok.json") : Path.of(file);
    if (!file.isBlank() || Files.exists(path)) {
      values.putAll(readFile(path));
    }
    for (Key key : Key.values()) {
      String value = env.get(key.env);
      if (value != null) {
        values.put(key.env, value);
      }
    }
    return new Config(
        text(values, Key.HTTP_HOST, false),
        integer(values, Key.HTTP_PORT, 0, 65535),
        Path.of(text(values, Key.DATA_DIR, false)),
        text(values, Key.MONGO_URI, true),
        text(values, Key.MONGO_DATABASE, false),
        integer(values, Key.MONGO_TIMEOUT_MS, 100, 600_000),
        integer(values, Key.BODY_LIMIT_BYTES, 1024, 64 * 1024 * 1024),
        integer(values, Key.SESSION_IDLE_MINUTES, 1, 7 * 24 * 60),
        bool(values, Key.CLUSTERED),
        list(values, Key.CLUSTER_HOSTS),
        list(values, Key.ALLOWED_ORIGINS),
        bool(values, Key.SECURE_COOKIES),
        bool(values, Key.DURABLE_ACKS),
        bool(values, Key.NOTES_REBASE));
  }

  /** True when no MongoDB is configured and the embedded one is started. */
  public boolean embeddedMongo() {
    return mongoUri.isBlank();
  }

  private static Map<String, String> readFile(Path path) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(path.toFile());
    } catch (IOException e) {
      throw new ConfigException(Key.CONFIG.env,
          "cannot read config file " + path + " (" + oneLine(e) + ")");
    }
    if (root == null || !root.isObject()) {
      throw new ConfigException(Key.CONFIG.env, "config file " + path + " must hold a JSON object");
    }
    Map<String, String> values = new LinkedHashMap<>();
    root.fields().forEachRemaining(field -> {
      boolean known = Arrays.stream(Key.values()).anyMatch(k -> k.env.equals(field.getKey()));
      if (!known || field.getKey().equals(Key.CONFIG.env)) {
        throw new ConfigException(field.getKey(), "unknown key in config file " + path);
      }
      values.put(field.getKey(), field.getValue().asText());
    });
    return values;
  }

  private static List<String> list(Map<String, String> values, Key key) {
    return Arrays.stream(text(values, key, true).split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static String text(Map<String, String> values, Key key, boolean mayBeEmpty) {
    String value = values.get(key.env).trim();
    if (!mayBeEmpty && value.isEmpty()) {
      throw new ConfigException(key.env, "must not be empty");
    }
    return value;
  }

  private static int integer(Map<String, String> values, Key key, int min, int max) {
    String value = values.get(key.env).trim();
    int number;
    try {
      number = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new ConfigException(key.env, "'" + value + "' is not a whole number");
    }
    if (number < min || number > max) {
      throw new ConfigException(key.env, number + " is outside " + min + ".." + max);
    }
    return number;
  }

  private static boolean bool(Map<String, String> values, Key key) {
    String value = values.get(key.env).trim().toLowerCase();
    return switch (value) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default -> throw new ConfigException(key.env, "'" + value + "' is not true or false");
    };
  }

  static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}
