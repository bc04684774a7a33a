package kelompok.sessions;

import java.util.List;
import kelompok.system.InvalidInput;

/** Attendance at one session, and the rate that counts toward the 62.5% mark. */
final class Attendance {

  /** Trials of group interventions set the attendance a member needs at a median of 62.5%. */
  static final double MARK = 0.625;

  static final List<String> STATUSES = List.of("attended", "late", "excused", "no-show", "cancelled");

  private Attendance() {}

  static void checkStatus(String status, String field) {
    if (!STATUSES.contains(status)) {
      throw InvalidInput.of(field, "unknown-attendance", field + " must be one of " + String.join(", ", STATUSES));
    }
  }

  /** Whether the status counts as present (attended or late). */
  static boolean present(String status) {
    return "attended".equals(status) || "late".equals(status);
  }

  /**
   * The rate: sessions present over sessions held that the member was expected at. Excused
   * absences and no-shows both count as absent (the trials count attendance over sessions
   * offered); "cancelled" (the member's own session was called off for them) is not counted.
   *
   * @return the rate from 0 to 1, or null when no session was held for the member yet
   */
  static Double rate(List<String> statusesAtHeldSessions) {
    long expected = statusesAtHeldSessions.stream().filter(s -> !"cancelled".equals(s)).count();
    if (expected == 0) {
      return null;
    }
    long present = statusesAtHeldSessions.stream().filter(Attendance::present).count();
    return (double) present / expected;
  }
}
