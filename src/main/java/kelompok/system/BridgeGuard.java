package kelompok.system;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.web.Session;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Logger;
import kelompok.accounts.AccountService;
import kelompok.accounts.Principal;

/**
 * The bridge-event hook: every REGISTER, SEND and PUBLISH from a browser passes here and is refused
 * unless the rule for its address allows it for the socket's signed-in user. A socket's user is
 * read from its sign-in session when the socket opens; when that session or account ends, the
 * socket is closed. Messages a browser sends carry the server's idea of who sent them in their
 * headers ({@code userId}, {@code role}, {@code name}), replacing whatever the browser put there.
 */
final class BridgeGuard {

  private static final Logger LOG = Logger.getLogger(BridgeGuard.class.getName());

  private record SocketUser(String sessionId, Future<Principal> principal) {}

  private final BridgeAddresses addresses;
  private final Function<String, Future<Principal>> accounts;
  private final Map<SockJSSocket, SocketUser> sockets = new ConcurrentHashMap<>();

  BridgeGuard(Vertx vertx, BridgeAddresses addresses, Function<String, Future<Principal>> accounts) {
    this.addresses = addresses;
    this.accounts = accounts;
    vertx.eventBus().<JsonObject>consumer(AccountService.ENDED, msg -> closeEnded(msg.body()));
  }

  void handle(BridgeEvent event) {
    SockJSSocket socket = event.socket();
    switch (event.type()) {
      case SOCKET_CREATED -> {
        Session session = socket.webSession();
        String userId = session == null || session.isDestroyed() ? null : session.get("userId");
        sockets.put(socket, new SocketUser(session == null ? null : session.id(),
            userId == null ? Future.succeededFuture(null) : accounts.apply(userId)));
        event.complete(true);
      }
      case SOCKET_CLOSED -> {
        sockets.remove(socket);
        event.complete(true);
      }
      case REGISTER, SEND, PUBLISH -> authorize(event);
      default -> event.complete(true);
    }
  }

  private void authorize(BridgeEvent event) {
    JsonObject raw = event.getRawMessage();
    String address = raw == null ? null : raw.getString("address");
    SocketUser user = sockets.get(event.socket());
    if (address == null || user == null) {
      event.complete(false);
      return;
    }
    user.principal()
        .compose(principal -> addresses.decide(principal, event.type(), address,
                raw.getValue("body") instanceof JsonObject body ? body : null)
            .map(allowed -> {
              if (allowed && principal != null && event.type() != BridgeEventType.REGISTER) {
                raw.put("headers", new JsonObject().put("userId", principal.id())
                    .put("role", principal.role().code()).put("name", principal.name()));
                event.setRawMessage(raw);
              }
              return allowed;
            }))
        .onComplete(r -> {
          boolean allowed = r.succeeded() && Boolean.TRUE.equals(r.result());
          if (!allowed) {
            LOG.fine(() -> "Bridge refused " + event.type() + " " + address);
          }
          event.complete(allowed);
        });
  }

  private void closeEnded(JsonObject ended) {
    String userId = ended.getString("userId");
    String sessionId = ended.getString("sessionId");
    sockets.forEach((socket, user) -> {
      boolean sameSession = sessionId != null && sessionId.equals(user.sessionId());
      if (sameSession) {
        socket.close(4001, "signed out");
        return;
      }
      if (userId != null) {
        user.principal().onSuccess(p -> {
          if (p != null && userId.equals(p.id())) {
            socket.close(4001, "account changed");
          }
        });
      }
    });
  }
}
