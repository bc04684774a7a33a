package kelompok.system;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * An RFC 9457 problem answer ({@code application/problem+json}). Handlers either throw (or fail the
 * context with) {@link HttpProblem} or {@link InvalidInput}, or call {@link #send} directly.
 */
public final class Problem {

  public static final String CONTENT_TYPE = "application/problem+json";

  private Problem() {}

  /** A failure carrying its HTTP status and a message a person can act on. */
  public static final class HttpProblem extends RuntimeException {
    private final int status;
    private final String title;
    private final transient JsonObject extra;

    public HttpProblem(int status, String title, String detail) {
      this(status, title, detail, null);
    }

    public HttpProblem(int status, String title, String detail, JsonObject extra) {
      super(detail, null, false, false);
      this.status = status;
      this.title = title;
      this.extra = extra;
    }

    public int status() {
      return status;
    }

    public String title() {
      return title;
    }

    public JsonObject extra() {
      return extra;
    }
  }

  public static HttpProblem notFound(String detail) {
    return new HttpProblem(404, "Not found", detail);
  }

  public static HttpProblem forbidden(String detail) {
    return new HttpProblem(403, "Forbidden", detail);
  }

  public static HttpProblem conflict(String detail, JsonObject extra) {
    return new HttpProblem(409, "Conflict", detail, extra);
  }

  /** Ends the response with a problem document (if it is not ended already). */
  public static void send(RoutingContext ctx, int status, String title, String detail, JsonObject extra) {
    HttpServerResponse response = ctx.response();
    if (response.ended() || response.headWritten()) {
      return;
    }
    JsonObject body = new JsonObject()
        .put("type", "about:blank")
        .put("title", title)
        .put("status", status)
        .put("detail", detail)
        .put("instance", ctx.request().path());
    if (extra != null) {
      body.mergeIn(extra);
    }
    response.setStatusCode(status)
        .putHeader("Content-Type", CONTENT_TYPE)
        .putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }

  /** Ends the response with the problem that best describes {@code failure}. */
  static void send(RoutingContext ctx, InvalidInput failure) {
    JsonArray errors = new JsonArray();
    failure.problems().forEach(p -> errors.add(new JsonObject()
        .put("field", p.field()).put("code", p.code()).put("message", p.message())));
    String title = failure.status() == 409 ? "Conflict" : "Invalid input";
    send(ctx, failure.status(), title, failure.getMessage(), new JsonObject().put("errors", errors));
  }
}
