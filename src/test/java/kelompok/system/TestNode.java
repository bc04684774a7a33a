package kelompok.system;

import io.vertx.core.Future;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Kelompok node for tests: its own random port and fresh data folder (embedded MongoDB), or
 * the configuration given. Close it after the test.
 */
public final class TestNode implements AutoCloseable {

  private final KelompokServer server;
  private final Path dataDir;
  private boolean ownsDataDir;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).build();

  private TestNode(KelompokServer server, Path dataDir) {
    this.server = server;
    this.dataDir = dataDir;
  }

  /** Starts a node on a random port with a new, empty data folder. */
  public static TestNode start() {
    return start(Map.of());
  }

  /** Starts a node with extra configuration (environment-variable names) on a new data folder. */
  public static TestNode start(Map<String, String> env) {
    try {
      Path dir = Files.createTempDirectory("kelompok-test-");
      TestNode node = start(dir, env);
      node.ownsDataDir = true;
      return node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts a node on the given data folder (to test what survives a restart). */
  public static TestNode start(Path dataDir, Map<String, String> env) {
    Map<String, String> all = new HashMap<>();
    all.put("KELOMPOK_HTTP_PORT", "0");
    all.put("KELOMPOK_HTTP_HOST", "127.0.0.1");
    all.put("KELOMPOK_DATA_DIR", dataDir.toString());
    all.put("KELOMPOK_MONGO_TIMEOUT_MS", "2000");
    all.putAll(env);
    return new TestNode(await(KelompokServer.start(Config.load(all))), dataDir);
  }

  /** Waits for a Vert.x future from a test thread (30 s at most). */
  public static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(cause);
    }
  }

  public KelompokServer server() {
    return server;
  }

  public int port() {
    return server.port();
  }

  public Path dataDir() {
    return dataDir;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  /** A GET over real HTTP. */
  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
  }

  /** A request over real HTTP. */
  public HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    await(server.close());
    if (ownsDataDir) {
      try (var files = Files.walk(dataDir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a leftover temporary folder is harmless
      }
    }
  }
}
