package kelompok.accounts;

import kelompok.system.InvalidInput;

/** The three kinds of account. */
public enum Role {
  COORDINATOR, FACILITATOR, MEMBER;

  /** The wire code: lower case. */
  public String code() {
    return name().toLowerCase();
  }

  /** Parses a wire code, or fails naming {@code field}. */
  public static Role fromCode(String code, String field) {
    if (code != null) {
      for (Role role : values()) {
        if (role.code().equals(code)) {
          return role;
        }
      }
    }
    throw InvalidInput.of(field, "unknown-role",
        "role must be one of coordinator, facilitator, member (got " + code + ")");
  }
}
