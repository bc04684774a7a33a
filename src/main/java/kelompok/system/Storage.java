package kelompok.system;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;

/**
 * Kelompok's MongoDB: the configured one, or an in-process wire-protocol server (mongo-java-server
 * on H2 MVStore, one file under the data folder, bound to loopback) reached through the same real
 * driver. Each feature creates the indexes it needs with {@link #ensureIndexes} as it starts.
 */
public final class Storage {

  private static final Logger LOG = Logger.getLogger(Storage.class.getName());
  static final String FILE_NAME = "kelompok.mv";

  /** One index a feature needs. */
  public record Index(String collection, JsonObject keys, boolean unique) {}

  private final Vertx vertx;
  private final Config config;
  private MongoServer embedded;
  private H2Backend backend;
  private String connectionString;
  private MongoClient client;
  private final Object commitLock = new Object();
  private final java.util.concurrent.atomic.AtomicLong commitRequests = new java.util.concurrent.atomic.AtomicLong();
  private long committedUpTo;
  private final java.util.concurrent.atomic.AtomicLong commits = new java.util.concurrent.atomic.AtomicLong();

  Storage(Vertx vertx, Config config) {
    this.vertx = vertx;
    this.config = config;
  }

  /** Starts the embedded server when needed, connects and checks the connection. */
  Future<MongoClient> start() {
    return vertx.<String>executeBlocking(this::openConnectionString, false)
        .compose(uri -> {
          connectionString = uri;
          client = MongoClient.create(vertx, new JsonObject()
              .put("connection_string", uri)
              .put("db_name", config.mongoDatabase())
              .put("serverSelectionTimeoutMS", config.mongoTimeoutMs())
              .put("connectTimeoutMS", config.mongoTimeoutMs()));
          return ping();
        })
        .recover(e -> Future.failedFuture(e instanceof ConfigException ? e
            : new ConfigException(Config.Key.MONGO_URI.env(),
                "cannot reach MongoDB at " + redacted(connectionString) + " (" + Config.oneLine(e) + ")")))
        .map(v -> client);
  }

  /** Creates the given indexes one after another (creating an existing index changes nothing). */
  public Future<Void> ensureIndexes(List<Index> indexes) {
    Future<Void> chain = Future.succeededFuture();
    for (Index index : indexes) {
      chain = chain.compose(v -> client.createIndexWithOptions(index.collection(), index.keys(),
          new IndexOptions().unique(index.unique())));
    }
    return chain;
  }

  /** Answers whether the database answers a ping within the configured timeout. */
  public Future<Void> ping() {
    return client.runCommand("ping", new JsonObject().put("ping", 1)).mapEmpty();
  }

  /** The driver client, for feature repositories. */
  public MongoClient client() {
    return client;
  }

  /** The connection string in use, so a second node can share the same database. */
  public String connectionString() {
    return connectionString;
  }

  /** True when the embedded wire-protocol server is in use. */
  public boolean isEmbedded() {
    return embedded != null;
  }

  /**
   * Makes every write done before the call durable: on the embedded store, commits the H2 file
   * (which otherwise commits in the background about once a second) and flushes it to the disk
   * (fsync), so an acknowledged write survives a crash of the process and of the machine; on a
   * real MongoDB nothing is needed here, as durable writes use the majority write concern. Calls
   * that arrive while a commit runs share the next one, so a burst of writes costs one or two.
   */
  public Future<Void> commitToDisk() {
    H2Backend target = backend;
    if (target == null || !config.durableAcks()) {
      return Future.succeededFuture();
    }
    long mine = commitRequests.incrementAndGet();
    return vertx.executeBlocking(() -> {
      synchronized (commitLock) {
        if (committedUpTo < mine) {
          long upTo = commitRequests.get();
          target.commit();
          target.getMvStore().sync();
          committedUpTo = upTo;
          commits.incrementAndGet();
        }
      }
      return null;
    }, false);
  }

  /** How many disk commits ran (for the benchmark's figures). */
  public long commits() {
    return commits.get();
  }

  /** Stops the embedded server at once; tests use it to see how a failing database shows. */
  void killEmbedded() {
    if (embedded != null) {
      embedded.shutdownNow();
      embedded = null;
      backend = null;
    }
  }

  Future<Void> close() {
    Future<Void> closing = client == null ? Future.succeededFuture() : client.close();
    return closing.eventually(() -> vertx.executeBlocking(() -> {
      if (embedded != null) {
        embedded.shutdownNow();
        embedded = null;
        backend = null;
      }
      return null;
    }, false)).mapEmpty();
  }

  private String openConnectionString() {
    if (!config.embeddedMongo()) {
      return config.mongoUri();
    }
    Path dir = config.dataDir().toAbsolutePath().normalize();
    String key = Config.Key.DATA_DIR.env();
    try {
      Files.createDirectories(dir);
    } catch (IOException | SecurityException e) {
      throw new ConfigException(key, "cannot create data folder " + dir + " (" + Config.oneLine(e) + ")");
    }
    if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
      throw new ConfigException(key, "data folder " + dir + " is not a writable folder");
    }
    Path file = dir.resolve(FILE_NAME);
    try {
      // small pages: a commit rewrites each page it touched, and ops of many notes touch many
      backend = new EmbeddedBackend(new org.h2.mvstore.MVStore.Builder().fileName(file.toString())
          .pageSplitSize(4096).open());
    } catch (RuntimeException e) {
      throw new ConfigException(key, "cannot open " + file + " (" + Config.oneLine(e)
          + "); is another Kelompok running on this folder?");
    }
    embedded = new MongoServer(backend);
    InetSocketAddress address = embedded.bind();
    LOG.info(() -> "Embedded MongoDB on " + address + ", file " + file);
    return "mongodb://127.0.0.1:" + address.getPort();
  }

  static String redacted(String uri) {
    if (uri == null) {
      return "(none)";
    }
    return uri.replaceFirst("//[^@/]*@", "//***@");
  }
}
