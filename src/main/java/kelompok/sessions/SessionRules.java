package kelompok.sessions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kelompok.system.Input;

/** Rules for scheduling: times in order, sane lengths, weekly series. */
final class SessionRules {

  static final Duration LONGEST = Duration.ofHours(12);
  static final int MAX_WEEKS = 52;

  /** One planned meeting time. */
  record Slot(Instant start, Instant end) {}

  private SessionRules() {}

  /** Checks start and end (reporting on {@code in}); answers the slots of the series. */
  static List<Slot> slots(Input in, Instant start, Instant end, int weeks) {
    List<Slot> out = new ArrayList<>();
    if (start == null || end == null) {
      return out;
    }
    if (!end.isAfter(start)) {
      in.problem("end", "before-start", "must be after start");
      return out;
    }
    if (Duration.between(start, end).compareTo(LONGEST) > 0) {
      in.problem("end", "too-long", "a session may last at most 12 hours");
      return out;
    }
    for (int week = 0; week < weeks; week++) {
      Duration shift = Duration.ofDays(7L * week);
      out.add(new Slot(start.plus(shift), end.plus(shift)));
    }
    return out;
  }
}
