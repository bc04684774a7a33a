package kelompok.system;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/** Security headers on every answer, pages and API alike. */
final class SecurityHeaders {

  static final String CSP = String.join("; ",
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      // the note editor (CodeMirror) positions elements with style attributes; <style> stays blocked
      "style-src-attr 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self' ws: wss:",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "object-src 'none'");

  private SecurityHeaders() {}

  static void handle(RoutingContext ctx) {
    MultiMap headers = ctx.response().headers();
    headers.set("Content-Security-Policy", CSP)
        .set("X-Content-Type-Options", "nosniff")
        .set("Referrer-Policy", "no-referrer")
        .set("X-Frame-Options", "DENY")
        .set("Cross-Origin-Opener-Policy", "same-origin")
        .set("Cross-Origin-Resource-Policy", "same-origin")
        .set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    if (ctx.request().isSSL()) {
      headers.set("Strict-Transport-Security", "max-age=31536000");
    }
    ctx.next();
  }
}
