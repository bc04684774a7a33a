package kelompok.groups;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kelompok.system.InvalidInput;

/**
 * The gates between phases: what a group's record must hold before it moves on, said in words a
 * social worker understands. Forward moves go one phase at a time; the only move back is from
 * development to selection, for an open group, with a reason.
 */
final class PhaseGate {

  /** One thing still missing: a stable code, its English message, and the numbers in it. */
  record Missing(String code, String message, Map<String, Object> params) {}

  private PhaseGate() {}

  /** Checks the move itself; throws for a move that is never allowed (field "to" or "reason"). */
  static void checkMove(Phase from, Phase to, boolean openMembership, String reason) {
    if (from == to) {
      throw InvalidInput.of("to", "same-phase", "the group is already in " + to.code());
    }
    if (to.ordinal() < from.ordinal()) {
      if (!(from == Phase.DEVELOPMENT && to == Phase.SELECTION)) {
        throw InvalidInput.of("to", "backward", "a group can only go back from development to "
            + "selection (to take in new members)");
      }
      if (!openMembership) {
        throw InvalidInput.of("to", "closed-membership",
            "only a group with open membership can reopen selection");
      }
      if (reason == null || reason.isBlank()) {
        throw InvalidInput.of("reason", "required", "say why selection is reopened");
      }
      return;
    }
    if (from.next() != to) {
      throw InvalidInput.of("to", "skip", "a group moves one phase at a time: from "
          + from.code() + " the next phase is " + from.next().code());
    }
  }

  /** What is missing before a group in {@code from} may move forward to the next phase. */
  static List<Missing> missing(Phase from, GroupFacts f) {
    List<Missing> out = new ArrayList<>();
    switch (from) {
      case INTAKE -> {
        if (f.candidates() == 0) {
          out.add(m("intake.no-candidates", "Record at least one candidate's intake.", Map.of()));
        }
        if (f.candidatesWithoutContract() > 0) {
          out.add(m("intake.contract-missing", f.candidatesWithoutContract() + " candidate(s) have no "
              + "contract of commitment or no consent to confidentiality yet.",
              Map.of("count", f.candidatesWithoutContract())));
        }
      }
      case ASSESSMENT -> {
        if (f.problems() == 0) {
          out.add(m("assessment.no-problem", "Name at least one problem the group works on.", Map.of()));
        }
        if (f.shortTermGoals() == 0) {
          out.add(m("assessment.no-short-goal", "Set at least one short-term goal.", Map.of()));
        }
        if (f.longTermGoals() == 0) {
          out.add(m("assessment.no-long-goal", "Set at least one long-term goal.", Map.of()));
        }
        if (f.plannedActions() == 0) {
          out.add(m("assessment.no-action", "Plan at least one action the group will take.", Map.of()));
        }
      }
      case SELECTION -> {
        if (f.selectedOrActive() < f.plannedMin()) {
          out.add(m("selection.too-few", "Selection needs at least " + f.plannedMin()
              + " accepted members; " + f.selectedOrActive() + " so far.",
              Map.of("have", f.selectedOrActive(), "need", f.plannedMin())));
        }
        if (f.undecidedCandidates() > 0) {
          out.add(m("selection.undecided", f.undecidedCandidates() + " candidate(s) still wait for a "
              + "decision.", Map.of("count", f.undecidedCandidates())));
        }
        if (f.sessionsScheduled() == 0) {
          out.add(m("selection.no-session", "Schedule the first session.", Map.of()));
        }
      }
      case DEVELOPMENT -> {
        if (f.sessionsHeld() == 0) {
          out.add(m("development.no-session-held", "Mark at least one session as held.", Map.of()));
        }
        if (f.ongoingEvaluations() == 0 && !f.finalEvaluation()) {
          out.add(m("development.no-evaluation", "Start the evaluation: write at least one evaluation "
              + "note.", Map.of()));
        }
      }
      case EVALUATION -> {
        if (f.unsignedNotes() > 0) {
          out.add(m("closing.unsigned-notes", f.unsignedNotes() + " session note(s) are not signed yet.",
              Map.of("count", f.unsignedNotes())));
        }
        if (!f.finalEvaluation()) {
          out.add(m("closing.no-final-evaluation", "Write the final evaluation of process and results.",
              Map.of()));
        }
        if (!f.terminationRecorded()) {
          out.add(m("closing.no-termination", "Write the termination summary and its reason.", Map.of()));
        }
        if (f.activeWithoutOutcome() > 0) {
          out.add(m("closing.member-outcomes", f.activeWithoutOutcome() + " active member(s) have no "
              + "outcome (completed, dropped out or referred elsewhere) yet.",
              Map.of("count", f.activeWithoutOutcome())));
        }
      }
      case CLOSED -> out.add(m("closed", "The group is closed.", Map.of()));
      default -> throw new IllegalStateException(from.name());
    }
    return out;
  }

  private static Missing m(String code, String message, Map<String, Object> params) {
    return new Missing(code, message, params);
  }
}
