package kelompok.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import kelompok.system.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Walks every route of the real router. */
class RouteRulesTest {

  private static TestNode node;

  @BeforeAll
  static void start() {
    node = TestNode.start();
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  @Test
  @DisplayName("Every route has an authorization rule or is named infrastructure (headers, sessions, static pages)")
  void everyRouteHasARule() {
    List<Access.RouteRule> routes = node.server().routes();
    List<Access.RouteRule> missing = routes.stream()
        .filter(r -> r.rule().equals("NO RULE"))
        .toList();
    assertEquals(List.of(), missing, "routes without a rule");
    assertTrue(routes.stream().filter(r -> r.path().startsWith("/api/") && !r.rule().startsWith("infrastructure"))
        .count() >= 15, "the walk sees the API routes");
    System.out.println("Role-by-route matrix:\n" + routes.stream()
        .filter(r -> !r.rule().startsWith("infrastructure") && r.path().startsWith("/api"))
        .map(r -> r.method() + " " + r.path() + " -> " + r.rule())
        .collect(Collectors.joining("\n")));
  }

  @Test
  @DisplayName("Nothing in the router can change or delete an audit entry: the audit route is read-only")
  void auditIsReadOnly() {
    List<Access.RouteRule> audit = node.server().routes().stream()
        .filter(r -> r.path().startsWith("/api/audit")).toList();
    assertEquals(1, audit.size());
    assertEquals("GET", audit.get(0).method());
    assertEquals("coordinator", audit.get(0).rule());
  }
}
