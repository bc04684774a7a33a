package kelompok.groups;

import java.util.Map;
import java.util.Set;
import kelompok.system.InvalidInput;

/**
 * Where a person stands with a group: a candidate is referred, assessed, then selected or not; a
 * selected person becomes active; an active member completes, drops out or is referred elsewhere.
 */
enum MemberStatus {
  REFERRED, ASSESSED, SELECTED, NOT_SELECTED, ACTIVE, COMPLETED, DROPPED_OUT, REFERRED_ELSEWHERE;

  private static final Map<MemberStatus, Set<MemberStatus>> NEXT = Map.of(
      REFERRED, Set.of(ASSESSED, NOT_SELECTED),
      ASSESSED, Set.of(SELECTED, NOT_SELECTED),
      SELECTED, Set.of(ACTIVE, NOT_SELECTED),
      NOT_SELECTED, Set.of(ASSESSED),
      ACTIVE, Set.of(COMPLETED, DROPPED_OUT, REFERRED_ELSEWHERE),
      COMPLETED, Set.of(),
      DROPPED_OUT, Set.of(),
      REFERRED_ELSEWHERE, Set.of());

  String code() {
    return name().toLowerCase().replace('_', '-');
  }

  /** Whether a reason must be given for moving to this status. */
  boolean needsReason() {
    return this == NOT_SELECTED || this == DROPPED_OUT || this == REFERRED_ELSEWHERE;
  }

  /** Whether this is an outcome that ends membership. */
  boolean isOutcome() {
    return this == COMPLETED || this == DROPPED_OUT || this == REFERRED_ELSEWHERE;
  }

  boolean mayMoveTo(MemberStatus next) {
    return NEXT.get(this).contains(next);
  }

  static MemberStatus fromCode(String code, String field) {
    for (MemberStatus status : values()) {
      if (status.code().equals(code)) {
        return status;
      }
    }
    throw InvalidInput.of(field, "unknown-status", "unknown member status '" + code + "'");
  }
}
