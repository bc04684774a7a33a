package kelompok.groups;

import kelompok.system.InvalidInput;

/** The helping process of a group (Zastrow, as taught by Suharto), then closed. */
public enum Phase {
  INTAKE("intake"),
  ASSESSMENT("assessment-planning"),
  SELECTION("selection"),
  DEVELOPMENT("development"),
  EVALUATION("evaluation-termination"),
  CLOSED("closed");

  private final String code;

  Phase(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** The phase after this one, or null for closed. */
  Phase next() {
    return this == CLOSED ? null : values()[ordinal() + 1];
  }

  static Phase fromCode(String code, String field) {
    for (Phase phase : values()) {
      if (phase.code.equals(code)) {
        return phase;
      }
    }
    throw InvalidInput.of(field, "unknown-phase", "unknown phase '" + code + "': use one of intake, "
        + "assessment-planning, selection, development, evaluation-termination, closed");
  }
}
