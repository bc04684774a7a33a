package kelompok.groups;

import kelompok.system.InvalidInput;

/** Kinds of group. */
enum GroupType {
  SUPPORT, THERAPY, EDUCATIONAL, RECREATIONAL, SELF_HELP, TASK;

  String code() {
    return name().toLowerCase().replace('_', '-');
  }

  static GroupType fromCode(String code, String field) {
    for (GroupType type : values()) {
      if (type.code().equals(code)) {
        return type;
      }
    }
    throw InvalidInput.of(field, "unknown-type", "unknown group type '" + code + "': use one of "
        + "support, therapy, educational, recreational, self-help, task");
  }
}
