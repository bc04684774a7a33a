package kelompok.accounts;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.auth.hashing.HashingStrategy;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Password and PIN hashing: PBKDF2-HMAC-SHA512 with 210,000 iterations and a 16-byte random salt
 * (vertx-auth-common), always computed on a worker thread, never on the event loop.
 */
final class Passwords {

  static final int ITERATIONS = 210_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Vertx vertx;
  private final HashingStrategy strategy = HashingStrategy.load();
  /** Checked against when the account does not exist, so timing does not tell. */
  private final String decoy;

  Passwords(Vertx vertx) {
    this.vertx = vertx;
    this.decoy = hashNow("decoy-" + RANDOM.nextLong());
  }

  Future<String> hash(String password) {
    return vertx.executeBlocking(() -> hashNow(password), false);
  }

  /** Verifies against {@code storedHash}, or against a decoy when there is none (same cost). */
  Future<Boolean> verify(String storedHash, String password) {
    String hash = storedHash == null ? decoy : storedHash;
    return vertx.executeBlocking(() -> strategy.verify(hash, password) && storedHash != null, false);
  }

  private String hashNow(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return strategy.hash("pbkdf2", Map.of("it", Integer.toString(ITERATIONS)),
        Base64.getEncoder().withoutPadding().encodeToString(salt), password);
  }

  /** A random token, URL-safe, with 256 bits of entropy. */
  static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
