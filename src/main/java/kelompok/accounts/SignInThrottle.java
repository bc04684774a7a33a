package kelompok.accounts;

import java.time.Duration;
import java.time.Instant;

/**
 * Slows down and then locks out repeated failed sign-ins, for one account or one address. After a
 * number of free failures each further try waits a little longer; after more failures within
 * {@link #WINDOW} the key is locked for {@link #LOCK_FOR}. An address (an agency's shared network
 * address, say) gets more room than one account.
 */
final class SignInThrottle {

  /** How many failures pass without delay, and how many lock. */
  record Limits(int free, int lockAfter) {}

  static final Limits ACCOUNT = new Limits(3, 8);
  static final Limits ADDRESS = new Limits(20, 50);
  static final Duration WINDOW = Duration.ofMinutes(15);
  static final Duration LOCK_FOR = Duration.ofMinutes(15);
  static final Duration STEP = Duration.ofMillis(500);

  /** The failures counted for one key, with when the counting window began and any lock. */
  record State(int failures, Instant windowStart, Instant lockedUntil) {
    static final State CLEAN = new State(0, null, null);

    boolean lockedAt(Instant now) {
      return lockedUntil != null && now.isBefore(lockedUntil);
    }
  }

  private SignInThrottle() {}

  /** The state after one more failure at {@code now}. */
  static State afterFailure(State state, Limits limits, Instant now) {
    boolean fresh = state.windowStart() == null || now.isAfter(state.windowStart().plus(WINDOW));
    int failures = fresh ? 1 : state.failures() + 1;
    Instant start = fresh ? now : state.windowStart();
    Instant lock = failures >= limits.lockAfter() ? now.plus(LOCK_FOR) : state.lockedUntil();
    return new State(failures, start, lock);
  }

  /** How long to hold the answer to the next try, so guessing gets slow before it gets locked. */
  static Duration delayFor(State state, Limits limits, Instant now) {
    boolean stale = state.windowStart() == null || now.isAfter(state.windowStart().plus(WINDOW));
    if (stale || state.failures() < limits.free()) {
      return Duration.ZERO;
    }
    return STEP.multipliedBy(state.failures() - limits.free() + 1L);
  }
}
