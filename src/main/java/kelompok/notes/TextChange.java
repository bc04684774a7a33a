package kelompok.notes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One change to a note's text in CodeMirror's {@code ChangeSet.toJSON()} form: a list whose
 * entries are either a number (that many UTF-16 code units kept) or a list {@code [deleted,
 * ...insertedLines]} (that many units deleted, then the lines inserted, joined by "\n"). Parsing
 * checks everything before anything is applied, so a refused change leaves the note as it was.
 */
final class TextChange {

  /** Most text one change may insert (UTF-16 code units). */
  static final int MAX_INSERT = 100_000;
  /** Longest a note may become. */
  static final int MAX_DOCUMENT = 1_000_000;
  /** Most entries one change may have. */
  static final int MAX_PARTS = 20_000;

  /** Keep {@code length} units, or delete {@code length} units and insert {@code text}. */
  private record Part(boolean keep, int length, String text) {}

  private final List<Part> parts;
  private final int before;
  private final int after;

  private TextChange(List<Part> parts, int before, int after) {
    this.parts = parts;
    this.before = before;
    this.after = after;
  }

  /**
   * Parses and checks a change against a document of {@code documentLength} units.
   *
   * @param json the change as decoded from JSON (numbers, lists, strings)
   * @throws InvalidChange with a reason a person can act on
   */
  static TextChange parse(Object json, int documentLength) {
    if (!(json instanceof List<?> list)) {
      throw new InvalidChange("a change must be a list (CodeMirror's ChangeSet.toJSON())");
    }
    if (list.size() > MAX_PARTS) {
      throw new InvalidChange("a change may have at most " + MAX_PARTS + " parts");
    }
    List<Part> parts = new ArrayList<>(list.size());
    long covered = 0;
    long inserted = 0;
    for (int i = 0; i < list.size(); i++) {
      Object entry = list.get(i);
      if (entry instanceof List<?> section) {
        if (section.isEmpty()) {
          throw new InvalidChange("part " + i + " is an empty list; it needs the deleted length first");
        }
        int deleted = length(section.get(0), "part " + i + " deleted length");
        StringBuilder text = new StringBuilder();
        for (int j = 1; j < section.size(); j++) {
          if (!(section.get(j) instanceof String line)) {
            throw new InvalidChange("part " + i + " line " + j + " is not text");
          }
          if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            throw new InvalidChange("part " + i + " line " + j + " contains a line break; lines are separate entries");
          }
          if (j > 1) {
            text.append('\n');
          }
          text.append(line);
        }
        covered += deleted;
        inserted += text.length();
        if (inserted > MAX_INSERT) {
          throw new InvalidChange("a change may insert at most " + MAX_INSERT + " characters");
        }
        parts.add(new Part(false, deleted, text.toString()));
      } else {
        int kept = length(entry, "part " + i);
        covered += kept;
        parts.add(new Part(true, kept, null));
      }
    }
    if (covered != documentLength) {
      throw new InvalidChange("the change covers " + covered + " characters but the note has "
          + documentLength + "; it was made for another version of the note");
    }
    long after = documentLength - parts.stream().filter(p -> !p.keep()).mapToLong(Part::length).sum() + inserted;
    if (after > MAX_DOCUMENT) {
      throw new InvalidChange("the note would become longer than " + MAX_DOCUMENT + " characters");
    }
    return new TextChange(Collections.unmodifiableList(parts), documentLength, (int) after);
  }

  /** Applies the change to the text it was checked against. */
  String apply(String document) {
    if (document.length() != before) {
      throw new IllegalArgumentException("change is for " + before + " characters, document has " + document.length());
    }
    StringBuilder out = new StringBuilder(after);
    int position = 0;
    for (Part part : parts) {
      if (part.keep()) {
        out.append(document, position, position + part.length());
      } else {
        out.append(part.text());
      }
      position += part.length();
    }
    return out.toString();
  }

  /**
   * Checks that the change keeps the text valid Unicode: no edge of a kept, deleted or replaced
   * range falls between the two halves of a character written as a surrogate pair (an emoji, say),
   * and no inserted text holds half a pair. Editors never do this; a text with half characters
   * could not be stored (MongoDB keeps UTF-8) and would read back changed.
   */
  void checkCharacters(String document) {
    int position = 0;
    for (int i = 0; i < parts.size(); i++) {
      Part part = parts.get(i);
      if (splits(document, position) || splits(document, position + part.length())) {
        throw new InvalidChange("part " + i + " splits a character (an emoji or other surrogate pair) at "
            + (splits(document, position) ? position : position + part.length()));
      }
      if (!part.keep() && !wellFormed(part.text())) {
        throw new InvalidChange("part " + i + " inserts half of a character (a lone surrogate)");
      }
      position += part.length();
    }
  }

  private static boolean splits(String document, int position) {
    return position > 0 && position < document.length()
        && Character.isHighSurrogate(document.charAt(position - 1))
        && Character.isLowSurrogate(document.charAt(position));
  }

  private static boolean wellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** The length of the text after the change. */
  int lengthAfter() {
    return after;
  }

  /** The length of text a well-formed change in JSON form applies to (what it keeps and deletes). */
  static int lengthBefore(List<?> json) {
    int length = 0;
    for (Object entry : json) {
      length += ((Number) (entry instanceof List<?> section ? section.get(0) : entry)).intValue();
    }
    return length;
  }

  /** Whether the change alters nothing. */
  boolean isEmpty() {
    return parts.stream().allMatch(p -> p.keep() || p.length() == 0 && p.text().isEmpty());
  }

  private static int length(Object value, String what) {
    if (!(value instanceof Number number)) {
      throw new InvalidChange(what + " must be a number");
    }
    double d = number.doubleValue();
    if (d != Math.rint(d) || Double.isInfinite(d)) {
      throw new InvalidChange(what + " must be a whole number (got " + value + ")");
    }
    if (d < 0) {
      throw new InvalidChange(what + " must not be negative (got " + value + ")");
    }
    if (d > MAX_DOCUMENT) {
      throw new InvalidChange(what + " is larger than any note (got " + value + ")");
    }
    return (int) d;
  }

  /** A change that cannot be applied, with the reason. */
  static final class InvalidChange extends RuntimeException {
    InvalidChange(String message) {
      super(message, null, false, false);
    }
  }
}
