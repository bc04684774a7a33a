package kelompok.system;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Ends a response with the JSON a future gives, or fails the context with its error. */
public final class Reply {

  /**
   * Where the session handler leaves its flush: answers are written only once the sign-in session
   * is stored, so with the cluster's session store the next request already finds it.
   */
  public static final String SESSION_FLUSH = "kelompok.session-flush";

  private Reply() {}

  private static io.vertx.core.Future<Void> flushed(RoutingContext ctx) {
    java.util.function.Function<RoutingContext, io.vertx.core.Future<Void>> flush = ctx.get(SESSION_FLUSH);
    return flush == null || ctx.session() == null ? io.vertx.core.Future.succeededFuture()
        : flush.apply(ctx).timeout(2, java.util.concurrent.TimeUnit.SECONDS).recover(e -> {
          java.util.logging.Logger.getLogger(Reply.class.getName()).warning("session flush: " + e);
          return io.vertx.core.Future.succeededFuture();
        });
  }

  /** Answers {@code status} with the future's JSON (object, array, or nothing for 204). */
  public static void json(RoutingContext ctx, int status, Future<?> result) {
    result.transform(r -> flushed(ctx).map(v -> r)).onSuccess(r -> {
      if (r.failed()) {
        ctx.fail(r.cause());
        return;
      }
      if (ctx.response().ended()) {
        return;
      }
      Object value = r.result();
      ctx.response().putHeader("Cache-Control", "no-store");
      if (value == null) {
        ctx.response().setStatusCode(status == 200 ? 204 : status).end();
        return;
      }
      String body = value instanceof JsonObject o ? o.encode()
          : value instanceof JsonArray a ? a.encode()
          : value instanceof java.util.List<?> l ? new JsonArray(l).encode()
          : JsonObject.mapFrom(value).encode();
      ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
    });
  }

  /** The request body as a JSON object, or a 400 naming the body when it is not one. */
  public static JsonObject body(RoutingContext ctx) {
    JsonObject body;
    try {
      body = ctx.body() == null ? null : ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      throw InvalidInput.of("body", "not-json", "the request body must be a JSON object");
    }
    if (body == null) {
      throw InvalidInput.of("body", "required", "the request body must be a JSON object");
    }
    return body;
  }
}
