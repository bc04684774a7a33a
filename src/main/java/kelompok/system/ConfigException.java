package kelompok.system;

/**
 * A configuration value that cannot be used. Its message is one line that names the key and says
 * why, fit to print to an operator as it is.
 */
public final class ConfigException extends RuntimeException {

  private final String key;

  public ConfigException(String key, String reason) {
    super(key + ": " + reason);
    this.key = key;
  }

  /** The configuration key at fault, as an operator sets it (for example KELOMPOK_HTTP_PORT). */
  public String key() {
    return key;
  }
}
