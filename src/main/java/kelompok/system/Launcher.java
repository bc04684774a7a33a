package kelompok.system;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** The jar's entry point: loads the configuration and starts a node, or says in one line why not. */
public final class Launcher {

  private Launcher() {}

  public static void main(String[] args) {
    configureLogging();
    int code = launch(System.getenv(), System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * Starts a node from {@code env}; answers 0 once it listens, or prints one line naming the key at
   * fault and answers a non-zero exit code.
   */
  static int launch(Map<String, String> env, PrintStream out, PrintStream err) {
    Config config;
    try {
      config = Config.load(env);
    } catch (ConfigException e) {
      err.println("kelompok: configuration error: " + e.getMessage());
      return 2;
    }
    CompletableFuture<KelompokServer> started = new CompletableFuture<>();
    KelompokServer.start(config).onComplete(r -> {
      if (r.succeeded()) {
        started.complete(r.result());
      } else {
        started.completeExceptionally(r.cause());
      }
    });
    try {
      KelompokServer server = started.get();
      out.println("Kelompok is running on http://" + displayHost(config.httpHost()) + ":"
          + server.port() + "/ (" + (server.storage().isEmbedded()
              ? "embedded MongoDB in " + config.dataDir().toAbsolutePath().normalize()
              : "MongoDB " + Storage.redacted(config.mongoUri())) + ")");
      if (server.accounts().setupNeeded().toCompletionStage().toCompletableFuture().get()) {
        out.println("No account exists yet: open http://" + displayHost(config.httpHost()) + ":"
            + server.port() + "/setup.html to create the first coordinator.");
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> server.close()
          .toCompletionStage().toCompletableFuture().join()));
      return 0;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ConfigException) {
        err.println("kelompok: configuration error: " + cause.getMessage());
        return 2;
      }
      err.println("kelompok: cannot start: " + Config.oneLine(cause));
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  /** Kelompok's log format and levels, unless the operator set a logging file of their own. */
  private static void configureLogging() {
    if (System.getProperty("java.util.logging.config.file") != null) {
      return;
    }
    try (java.io.InputStream in = Launcher.class.getResourceAsStream("/logging.properties")) {
      if (in != null) {
        java.util.logging.LogManager.getLogManager().readConfiguration(in);
      }
    } catch (java.io.IOException e) {
      System.err.println("kelompok: logging set-up failed: " + e.getMessage());
    }
  }

  private static String displayHost(String host) {
    return "0.0.0.0".equals(host) ? "localhost" : host;
  }
}
