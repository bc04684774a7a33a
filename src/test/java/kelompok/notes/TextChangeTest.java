package kelompok.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TextChangeTest {

  private static String reason(Object change, int length) {
    return assertThrows(TextChange.InvalidChange.class, () -> TextChange.parse(change, length)).getMessage();
  }

  @Test
  @DisplayName("Keeps, deletes and inserts lines as CodeMirror's JSON says")
  void applies() {
    assertEquals("Hi there\nall", TextChange.parse(List.of(2, List.of(0, " there", "all")), 2).apply("Hi"));
    assertEquals("H", TextChange.parse(List.of(1, List.of(1)), 2).apply("Hi"));
    assertEquals("x", TextChange.parse(List.of(List.of(0, "x")), 0).apply(""));
    assertEquals("", TextChange.parse(List.of(), 0).apply(""));
  }

  @Test
  @DisplayName("Counts in UTF-16 code units, as Java and CodeMirror do: an emoji is two")
  void surrogatePairs() {
    assertEquals("😀!", TextChange.parse(List.of(2, List.of(0, "!")), 2).apply("😀"));
  }

  @Test
  @DisplayName("Refuses a change that would split an emoji or insert half of one")
  void halfCharacters() {
    TextChange split = TextChange.parse(List.of(1, List.of(1)), 2);
    assertEquals("part 0 splits a character (an emoji or other surrogate pair) at 1",
        assertThrows(TextChange.InvalidChange.class, () -> split.checkCharacters("😀")).getMessage());
    TextChange half = TextChange.parse(List.of(List.of(0, "\uD83D")), 0);
    assertEquals("part 0 inserts half of a character (a lone surrogate)",
        assertThrows(TextChange.InvalidChange.class, () -> half.checkCharacters("")).getMessage());
    TextChange.parse(List.of(2, List.of(0, "😀")), 2).checkCharacters("😀");
  }

  @Test
  @DisplayName("Refuses a wrong total length, saying both lengths")
  void wrongLength() {
    assertEquals("the change covers 12 characters but the note has 10; it was made for another version of the note",
        reason(List.of(12), 10));
  }

  @Test
  @DisplayName("Refuses negative, fractional and non-numeric lengths")
  void badNumbers() {
    assertEquals("part 0 must not be negative (got -1)", reason(List.of(-1, 11), 10));
    assertEquals("part 0 must be a whole number (got 1.5)", reason(List.of(1.5, 8.5), 10));
    assertEquals("part 0 must be a number", reason(List.of("3"), 3));
    assertEquals("part 1 deleted length must not be negative (got -2)", reason(List.of(1, List.of(-2, "x")), 1));
  }

  @Test
  @DisplayName("Refuses line breaks inside an inserted line, and non-list changes")
  void lineBreaks() {
    assertEquals("part 0 line 1 contains a line break; lines are separate entries", reason(List.of(List.of(0, "a\nb")), 0));
    assertEquals("part 0 line 1 contains a line break; lines are separate entries", reason(List.of(List.of(0, "a\r")), 0));
    assertEquals("a change must be a list (CodeMirror's ChangeSet.toJSON())", reason("insert", 0));
    assertEquals("part 0 is an empty list; it needs the deleted length first", reason(List.of(List.of()), 0));
  }

  @Test
  @DisplayName("Refuses a change that inserts too much or makes the note too long")
  void limits() {
    String big = "x".repeat(TextChange.MAX_INSERT + 1);
    assertEquals("a change may insert at most 100000 characters", reason(List.of(List.of(0, big)), 0));
  }
}
