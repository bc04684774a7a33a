package kelompok.system;

import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns every failure and unknown route into a problem+json answer. */
final class HttpErrors {

  private static final Logger LOG = Logger.getLogger(HttpErrors.class.getName());

  private final long bodyLimit;

  HttpErrors(long bodyLimit) {
    this.bodyLimit = bodyLimit;
  }

  /** Installs the error mapping; answers its catch-all failure route. */
  io.vertx.ext.web.Route install(Router router) {
    io.vertx.ext.web.Route failures = router.route().failureHandler(this::onFailure);
    router.errorHandler(404, ctx -> Problem.send(ctx, 404, "Not found",
        "Nothing is at " + ctx.request().path() + ".", null));
    router.errorHandler(405, ctx -> Problem.send(ctx, 405, "Method not allowed",
        ctx.request().method() + " is not allowed on " + ctx.request().path() + ".", null));
    router.errorHandler(500, this::onFailure);
    return failures;
  }

  private void onFailure(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof InvalidInput invalid) {
      Problem.send(ctx, invalid);
    } else if (failure instanceof Problem.HttpProblem problem) {
      Problem.send(ctx, problem.status(), problem.title(), problem.getMessage(), problem.extra());
    } else if (failure instanceof DecodeException || failure instanceof IllegalArgumentException
        && failure.getCause() instanceof DecodeException) {
      Problem.send(ctx, 400, "Invalid input", "The request body is not valid JSON.", null);
    } else if (failure instanceof HttpException http) {
      sendStatus(ctx, http.getStatusCode(), http.getPayload());
    } else if (ctx.statusCode() == 403) {
      Problem.send(ctx, 403, "Forbidden", "The request's security token (CSRF) is missing or does not"
          + " match this session; reload the page and try again. (" + Config.oneLine(failure) + ")", null);
    } else if (failure == null || ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      sendStatus(ctx, ctx.statusCode() < 0 ? 500 : ctx.statusCode(), null);
    } else {
      String id = UUID.randomUUID().toString();
      LOG.log(Level.SEVERE, "Fault " + id + " on " + ctx.request().method() + " "
          + ctx.request().path(), failure);
      Problem.send(ctx, 500, "Server fault",
          "Something went wrong on the server; nothing was changed by this request. Reference " + id
              + ".", null);
    }
  }

  private void sendStatus(RoutingContext ctx, int status, String payload) {
    switch (status) {
      case 413 -> Problem.send(ctx, 413, "Request too large",
          "The request body is larger than the limit of " + bodyLimit + " bytes.", null);
      case 404 -> Problem.send(ctx, 404, "Not found",
          "Nothing is at " + ctx.request().path() + ".", null);
      case 401 -> Problem.send(ctx, 401, "Sign-in needed", "Sign in to do this.", null);
      case 403 -> Problem.send(ctx, 403, "Forbidden",
          payload != null ? payload : "You are not allowed to do this.", null);
      case 400 -> Problem.send(ctx, 400, "Bad request",
          payload != null ? payload : "The request could not be understood.", null);
      default -> Problem.send(ctx, status, status >= 500 ? "Server fault" : "Request failed",
          payload != null ? payload : "The request failed with status " + status + ".", null);
    }
  }
}
