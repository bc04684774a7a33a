package kelompok.system;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/** A running Kelompok node: its Vert.x instance, its HTTP port, its storage. */
public final class KelompokServer {

  private final Vertx vertx;
  private final MainVerticle main;

  private KelompokServer(Vertx vertx, MainVerticle main) {
    this.vertx = vertx;
    this.main = main;
  }

  /**
   * Starts a node with the given configuration, clustered when the configuration says so. On
   * failure everything started is closed again and the future fails (with a {@link
   * ConfigException} when a configured value is at fault).
   */
  public static Future<KelompokServer> start(Config config) {
    Future<Vertx> vertx = config.clustered()
        ? Vertx.builder().withClusterManager(clusterManager(config)).buildClustered()
        : Future.succeededFuture(Vertx.vertx());
    return vertx.compose(v -> {
      MainVerticle main = new MainVerticle(config);
      return v.deployVerticle(main)
          .map(id -> new KelompokServer(v, main))
          .onFailure(e -> new Thread(() -> v.close(), "kelompok-abort").start());
    });
  }

  /** Hazelcast with Vert.x's default cluster settings, joined over TCP when hosts are given. */
  private static HazelcastClusterManager clusterManager(Config config) {
    com.hazelcast.config.Config hazelcast = io.vertx.spi.cluster.hazelcast.ConfigUtil.loadConfig();
    hazelcast.setClusterName("kelompok");
    hazelcast.setProperty("hazelcast.phone.home.enabled", "false");
    hazelcast.setProperty("hazelcast.logging.type", "jdk");
    if (!config.clusterHosts().isEmpty()) {
      com.hazelcast.config.JoinConfig join = hazelcast.getNetworkConfig().getJoin();
      join.getMulticastConfig().setEnabled(false);
      join.getAutoDetectionConfig().setEnabled(false);
      join.getTcpIpConfig().setEnabled(true).setMembers(config.clusterHosts());
    }
    return new HazelcastClusterManager(hazelcast);
  }

  public Vertx vertx() {
    return vertx;
  }

  /** The HTTP port actually bound. */
  public int port() {
    return main.port();
  }

  public Storage storage() {
    return main.storage();
  }

  /** Every HTTP route with its authorization rule, for the route-walking test and the docs. */
  public java.util.List<kelompok.accounts.Access.RouteRule> routes() {
    return main.routes();
  }

  /** The accounts feature (tests use it to create accounts directly). */
  public kelompok.accounts.Accounts accounts() {
    return main.accounts();
  }

  /** Stops the node: HTTP, storage (committing the embedded file), then Vert.x itself. */
  public Future<Void> close() {
    return vertx.close();
  }
}
