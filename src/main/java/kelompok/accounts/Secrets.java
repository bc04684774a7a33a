package kelompok.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import kelompok.system.InvalidInput;

/** Rules for passwords, PINs and invitation tokens. */
final class Secrets {

  static final int MIN_PASSWORD = 10;
  static final int MAX_PASSWORD = 200;

  private Secrets() {}

  /** A password of 10 to 200 characters, or a PIN of 6 to 12 digits (members only). */
  static void checkNewSecret(String secret, boolean pinAllowed, String field) {
    if (secret == null || secret.isEmpty()) {
      throw InvalidInput.of(field, "required", "a password is required");
    }
    if (secret.length() > MAX_PASSWORD) {
      throw InvalidInput.of(field, "too-long", "a password may have at most " + MAX_PASSWORD + " characters");
    }
    boolean digits = secret.chars().allMatch(Character::isDigit);
    if (digits && pinAllowed) {
      if (secret.length() < 6 || secret.length() > 12) {
        throw InvalidInput.of(field, "pin-length", "a PIN has 6 to 12 digits");
      }
      return;
    }
    if (secret.length() < MIN_PASSWORD) {
      throw InvalidInput.of(field, "too-short", "a password needs at least " + MIN_PASSWORD
          + " characters" + (pinAllowed ? " (or use a PIN of 6 to 12 digits)" : ""));
    }
  }

  /** The SHA-256 of an invitation token, as stored: the token itself is never stored. */
  static String digest(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
