package kelompok.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kelompok.system.InvalidInput;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The phase gates and member moves as plain rules. */
class GroupRulesTest {

  private static GroupFacts facts(int selected, int sessions) {
    return new GroupFacts(false, 5, 6, 0, 1, 1, 1, 1, 0, selected, sessions, 0, 0, false, 0, false, 0);
  }

  private static String field(Runnable r) {
    return assertThrows(InvalidInput.class, r::run).problems().get(0).field();
  }

  @Test
  @DisplayName("Selection needs at least the planned minimum of accepted members and a first session")
  void selectionGate() {
    List<PhaseGate.Missing> missing = PhaseGate.missing(Phase.SELECTION, facts(4, 0));
    assertEquals(List.of("selection.too-few", "selection.no-session"), missing.stream().map(PhaseGate.Missing::code).toList());
    assertEquals("Selection needs at least 5 accepted members; 4 so far.", missing.get(0).message());
    assertEquals(List.of(), PhaseGate.missing(Phase.SELECTION, facts(5, 1)));
  }

  @Test
  @DisplayName("A group moves one phase at a time; skipping a phase is refused on the field 'to'")
  void noSkipping() {
    assertEquals("to", field(() -> PhaseGate.checkMove(Phase.INTAKE, Phase.SELECTION, true, null)));
    PhaseGate.checkMove(Phase.INTAKE, Phase.ASSESSMENT, true, null);
  }

  @Test
  @DisplayName("Only an open group may go back from development to selection, and only with a reason")
  void reopenSelection() {
    assertEquals("to", field(() -> PhaseGate.checkMove(Phase.DEVELOPMENT, Phase.SELECTION, false, "new members")));
    assertEquals("reason", field(() -> PhaseGate.checkMove(Phase.DEVELOPMENT, Phase.SELECTION, true, " ")));
    assertEquals("to", field(() -> PhaseGate.checkMove(Phase.EVALUATION, Phase.INTAKE, true, "why")));
    PhaseGate.checkMove(Phase.DEVELOPMENT, Phase.SELECTION, true, "Two new referrals");
  }

  @Test
  @DisplayName("A group closes only when notes are signed, the final evaluation and termination exist, and every member has an outcome")
  void closingGate() {
    GroupFacts f = new GroupFacts(false, 5, 6, 0, 1, 1, 1, 1, 0, 5, 8, 8, 2, false, 3, false, 2);
    assertEquals(List.of("closing.unsigned-notes", "closing.no-final-evaluation", "closing.no-termination",
        "closing.member-outcomes"), PhaseGate.missing(Phase.EVALUATION, f).stream().map(PhaseGate.Missing::code).toList());
  }

  @Test
  @DisplayName("Unknown phases and stages are refused naming the field")
  void unknownCodes() {
    assertEquals("to", field(() -> Phase.fromCode("finished", "to")));
    assertEquals("stage", field(() -> Stage.fromCode("storming", "stage")));
  }

  @Test
  @DisplayName("A candidate is decided only after assessment; dropping out needs a reason")
  void memberMoves() {
    assertTrue(MemberStatus.REFERRED.mayMoveTo(MemberStatus.ASSESSED));
    assertTrue(!MemberStatus.REFERRED.mayMoveTo(MemberStatus.ACTIVE));
    assertTrue(MemberStatus.DROPPED_OUT.needsReason());
    assertTrue(!MemberStatus.COMPLETED.mayMoveTo(MemberStatus.ACTIVE));
  }

  @Test
  @DisplayName("Every stage has its signs in English and Indonesian")
  void stageSigns() {
    for (Stage stage : Stage.values()) {
      assertTrue(stage.signs().size() >= 2, stage.code());
      stage.signs().forEach(s -> assertTrue(!s.en().isBlank() && !s.id().isBlank()));
    }
  }
}
