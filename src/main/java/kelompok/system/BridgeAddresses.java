package kelompok.system;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import kelompok.accounts.Principal;

/**
 * Every event-bus address a browser may touch, in one place. Exact public addresses are listed
 * here; per-record addresses ({@code group.<id>}, {@code note.<id>}, ...) are declared by their
 * feature with {@link #declare}, each with the rule that decides, for the socket's signed-in user,
 * whether it may register for, send to or publish to that record's address. The bridge is
 * deny-by-default: anything not declared is refused.
 */
public final class BridgeAddresses {

  /** The server's clock, published every second to everyone: proves the live path works. */
  public static final String SERVER_TIME = "server.time";

  /** Addresses anyone may hear, signed in or not. */
  static final Set<String> PUBLIC = Set.of(SERVER_TIME);

  /** Ids in per-record addresses: letters, digits and dashes (UUIDs and Mongo ids). */
  static final String ID = "[A-Za-z0-9-]{1,64}";

  /** Decides whether {@code principal} may do {@code type} on the record {@code id}. */
  @FunctionalInterface
  public interface Rule {
    Future<Boolean> allows(Principal principal, BridgeEventType type, String id, JsonObject body);
  }

  /** A family of per-record addresses: {@code prefix.<id>}, the actions allowed, and the rule. */
  public record Family(String prefix, Set<BridgeEventType> types, Rule rule, Pattern pattern) {
    Family(String prefix, Set<BridgeEventType> types, Rule rule) {
      this(prefix, types, rule, Pattern.compile(Pattern.quote(prefix) + "\\.(" + ID + ")"));
    }
  }

  private final List<Family> families = new CopyOnWriteArrayList<>();
  private final Map<String, Set<BridgeEventType>> exact = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, Rule> exactRules = new java.util.concurrent.ConcurrentHashMap<>();

  /** Declares a family of per-record addresses; features call this before the bridge opens. */
  public void declare(String prefix, Set<BridgeEventType> types, Rule rule) {
    families.add(new Family(prefix, Set.copyOf(types), rule));
  }

  /** Declares one exact address that signed-in users may use as the rule says (id is null). */
  public void declareExact(String address, Set<BridgeEventType> types, Rule rule) {
    exact.put(address, Set.copyOf(types));
    exactRules.put(address, rule);
  }

  SockJSBridgeOptions options() {
    SockJSBridgeOptions options = new SockJSBridgeOptions()
        .setPingTimeout(30_000)
        .setReplyTimeout(10_000);
    PUBLIC.forEach(a -> options.addOutboundPermitted(new PermittedOptions().setAddress(a)));
    exact.forEach((address, types) -> {
      if (types.contains(BridgeEventType.REGISTER)) {
        options.addOutboundPermitted(new PermittedOptions().setAddress(address));
      }
      if (types.contains(BridgeEventType.SEND) || types.contains(BridgeEventType.PUBLISH)) {
        options.addInboundPermitted(new PermittedOptions().setAddress(address));
      }
    });
    for (Family family : families) {
      String regex = family.pattern().pattern();
      if (family.types().contains(BridgeEventType.REGISTER)) {
        options.addOutboundPermitted(new PermittedOptions().setAddressRegex(regex));
      }
      if (family.types().contains(BridgeEventType.SEND) || family.types().contains(BridgeEventType.PUBLISH)) {
        options.addInboundPermitted(new PermittedOptions().setAddressRegex(regex));
      }
    }
    return options;
  }

  /** The decision for one bridge event, against the socket's principal (null: signed out). */
  Future<Boolean> decide(Principal principal, BridgeEventType type, String address, JsonObject body) {
    if (type == BridgeEventType.REGISTER && PUBLIC.contains(address)) {
      return Future.succeededFuture(true);
    }
    if (principal == null) {
      return Future.succeededFuture(false);
    }
    Set<BridgeEventType> exactTypes = exact.get(address);
    if (exactTypes != null) {
      return exactTypes.contains(type) ? exactRules.get(address).allows(principal, type, null, body)
          : Future.succeededFuture(false);
    }
    for (Family family : families) {
      java.util.regex.Matcher matcher = family.pattern().matcher(address);
      if (matcher.matches()) {
        return family.types().contains(type)
            ? family.rule().allows(principal, type, matcher.group(1), body)
            : Future.succeededFuture(false);
      }
    }
    return Future.succeededFuture(false);
  }
}
