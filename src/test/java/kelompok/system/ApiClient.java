package kelompok.system;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A browser-like API client over real HTTP: keeps cookies (the session), and sends the CSRF token
 * from the XSRF-TOKEN cookie in the X-XSRF-TOKEN header on every state-changing request.
 */
public final class ApiClient {

  /** An answer: status, body and headers. */
  public record Response(int status, String body, HttpHeaders headers) {
    public JsonObject json() {
      return new JsonObject(body);
    }

    public JsonArray array() {
      return new JsonArray(body);
    }

    /** The field names of a problem+json answer's errors, for assertions. */
    public java.util.List<String> errorFields() {
      JsonArray errors = json().getJsonArray("errors", new JsonArray());
      return errors.stream().map(e -> ((JsonObject) e).getString("field")).toList();
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  /** After these the session id changes, and a GET fetches the CSRF token of the new session. */
  private static final java.util.Set<String> SESSION_CHANGING =
      java.util.Set.of("/api/session", "/api/setup", "/api/invitations/accept");

  private final TestNode node;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;
  private boolean sendCsrf = true;

  public ApiClient(TestNode node) {
    this.node = node;
    this.http = HttpClient.newBuilder().cookieHandler(cookies)
        .connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** Stops sending the CSRF header (to test that requests without it are refused). */
  public ApiClient withoutCsrf() {
    sendCsrf = false;
    return this;
  }

  public Response get(String path) {
    return send("GET", path, null);
  }

  public Response post(String path, JsonObject body) {
    return send("POST", path, body == null ? null : body.encode());
  }

  public Response patch(String path, JsonObject body) {
    return send("PATCH", path, body.encode());
  }

  public Response delete(String path) {
    return send("DELETE", path, null);
  }

  /** Adds a cookie as if the browser had it (to replay a stolen session id, say). */
  public ApiClient withCookie(HttpCookie cookie) {
    cookie.setVersion(0);
    cookies.getCookieStore().add(URI.create(node.url("/")), cookie);
    return this;
  }

  /** A request with one extra header. */
  public Response sendWithHeader(String method, String path, String body, String name, String value) {
    extraHeader = new String[] {name, value};
    try {
      return send(method, path, body);
    } finally {
      extraHeader = null;
    }
  }

  private String[] extraHeader;

  /** A request with a raw body. */
  public Response send(String method, String path, String body) {
    if (!"GET".equals(method) && csrfToken() == null) {
      send("GET", "/api/setup", null);
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url(path)))
        .timeout(Duration.ofSeconds(60))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    String token = csrfToken();
    if (sendCsrf && token != null && !"GET".equals(method)) {
      request.header("X-XSRF-TOKEN", token);
    }
    if (extraHeader != null) {
      request.header(extraHeader[0], extraHeader[1]);
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (!"GET".equals(method) && SESSION_CHANGING.contains(path) && response.statusCode() < 300) {
        send("GET", "/api/setup", null);
      }
      return new Response(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The current value of a cookie, or null. */
  public String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name)).map(HttpCookie::getValue).findFirst().orElse(null);
  }

  /** The sign-in session cookie's value, or null. */
  public String sessionCookie() {
    return cookie("kelompok.sid");
  }

  private String csrfToken() {
    return cookie("XSRF-TOKEN");
  }

  /** Signs in, failing the test with the answer when it does not succeed. */
  public JsonObject signIn(String login, String password) {
    Response response = post("/api/session", new JsonObject().put("login", login).put("password", password));
    if (response.status() != 200) {
      throw new AssertionError("sign-in as " + login + " failed: " + response);
    }
    return response.json();
  }
}
