package kelompok.notes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rebasing on the server, as {@code rebaseUpdates} of {@code @codemirror/collab} does it: a push
 * made on an older version is mapped over the updates accepted since, and the pusher's own
 * updates that were already accepted (an answer that got lost) are dropped. The mapping follows
 * CodeMirror's change sets: a change is a list of sections (length covered, length inserted or -1
 * for kept text) with the inserted texts; mapping and composing walk two such lists side by side.
 * {@code RebaseAgreementTest} checks the result against the npm package on random cases.
 */
final class Rebase {

  /** One update: a change in {@code ChangeSet.toJSON()} form and the id of the client that made it. */
  record Update(List<?> changes, String clientId) {}

  private Rebase() {}

  /**
   * The updates mapped over {@code over} (the updates accepted since the version they were made
   * on), without those of them already in {@code over}.
   */
  static List<Update> rebase(List<Update> updates, List<Update> over) {
    if (over.isEmpty() || updates.isEmpty()) {
      return updates;
    }
    Changes changes = null;
    int skip = 0;
    for (Update update : over) {
      Update other = skip < updates.size() ? updates.get(skip) : null;
      if (other != null && other.clientId() != null && other.clientId().equals(update.clientId())) {
        if (changes != null) {
          changes = changes.mapDesc(Changes.of(other.changes()), true);
        }
        skip++;
      } else {
        Changes next = Changes.of(update.changes());
        changes = changes == null ? next : changes.composeDesc(next);
      }
    }
    List<Update> rest = updates.subList(skip, updates.size());
    if (changes == null) {
      return rest;
    }
    List<Update> result = new ArrayList<>();
    for (Update update : rest) {
      Changes mine = Changes.of(update.changes());
      List<?> mapped = changes.isEmpty() ? update.changes() : map(mine, changes, false, true).toJson();
      changes = changes.mapDesc(mine, true);
      result.add(new Update(mapped, update.clientId()));
    }
    return result;
  }

  /** {@code change} mapped over {@code over}: {@code ChangeSet.map(over.desc, before)}. */
  static List<?> map(List<?> change, List<?> over, boolean before) {
    Changes b = Changes.of(over);
    return b.isEmpty() ? change : map(Changes.of(change), b, before, true).toJson();
  }

  /** A change set (with texts) or a change description (without). */
  private record Changes(int[] sections, String[] inserted) {

    static Changes of(List<?> json) {
      int[] sections = new int[json.size() * 2];
      String[] inserted = new String[json.size()];
      for (int i = 0; i < json.size(); i++) {
        Object part = json.get(i);
        if (part instanceof List<?> section) {
          sections[2 * i] = ((Number) section.get(0)).intValue();
          StringBuilder text = new StringBuilder();
          for (int j = 1; j < section.size(); j++) {
            text.append(j > 1 ? "\n" : "").append((String) section.get(j));
          }
          inserted[i] = text.toString();
          sections[2 * i + 1] = section.size() == 1 ? 0 : text.length();
        } else {
          sections[2 * i] = ((Number) part).intValue();
          sections[2 * i + 1] = -1;
          inserted[i] = "";
        }
      }
      return new Changes(sections, inserted);
    }

    boolean isSet() {
      return inserted != null;
    }

    boolean isEmpty() {
      return sections.length == 0 || sections.length == 2 && sections[1] < 0;
    }

    Changes mapDesc(Changes other, boolean before) {
      return isSet() ? map(this, other, before, true) : other.isEmpty() ? this : map(this, other, before, false);
    }

    Changes composeDesc(Changes other) {
      return isEmpty() ? other : other.isEmpty() ? this : compose(this, other);
    }

    List<Object> toJson() {
      List<Object> parts = new ArrayList<>();
      for (int i = 0; i < sections.length; i += 2) {
        int len = sections[i];
        int ins = sections[i + 1];
        if (ins < 0) {
          parts.add(len);
        } else {
          List<Object> part = new ArrayList<>();
          part.add(len);
          if (ins > 0) {
            part.addAll(Arrays.asList(inserted[i >> 1].split("\n", -1)));
          }
          parts.add(part);
        }
      }
      return parts;
    }
  }

  /** Walks the sections of a change. */
  private static final class Iter {
    final Changes set;
    int i;
    int len;
    int ins;
    int off;

    Iter(Changes set) {
      this.set = set;
      next();
    }

    void next() {
      if (i < set.sections().length) {
        len = set.sections()[i++];
        ins = set.sections()[i++];
      } else {
        len = 0;
        ins = -2;
      }
      off = 0;
    }

    boolean done() {
      return ins == -2;
    }

    int len2() {
      return ins < 0 ? len : ins;
    }

    String text() {
      int index = (i - 2) >> 1;
      return set.inserted() == null || index >= set.inserted().length ? "" : set.inserted()[index];
    }

    void forward(int n) {
      if (n == len) {
        next();
      } else {
        len -= n;
        off += n;
      }
    }

    void forward2(int n) {
      if (ins == -1) {
        forward(n);
      } else if (n == ins) {
        next();
      } else {
        ins -= n;
        off += n;
      }
    }
  }

  /** Collects sections, joining neighbours as CodeMirror does. */
  private static final class Builder {
    int[] sections = new int[16];
    int size;
    final List<String> texts;

    Builder(boolean withTexts) {
      texts = withTexts ? new ArrayList<>() : null;
    }

    void section(int len, int ins, boolean forceJoin) {
      if (len == 0 && ins <= 0) {
        return;
      }
      int last = size - 2;
      if (last >= 0 && ins <= 0 && ins == sections[last + 1]) {
        sections[last] += len;
      } else if (last >= 0 && len == 0 && sections[last] == 0) {
        sections[last + 1] += ins;
      } else if (forceJoin) {
        sections[last] += len;
        sections[last + 1] += ins;
      } else {
        if (size + 2 > sections.length) {
          sections = Arrays.copyOf(sections, sections.length * 2);
        }
        sections[size++] = len;
        sections[size++] = ins;
      }
    }

    void insert(String value) {
      if (texts == null || value.isEmpty()) {
        return;
      }
      int index = (size - 2) >> 1;
      if (index < texts.size()) {
        texts.set(texts.size() - 1, texts.get(texts.size() - 1) + value);
      } else {
        while (texts.size() < index) {
          texts.add("");
        }
        texts.add(value);
      }
    }

    Changes build() {
      int[] result = Arrays.copyOf(sections, size);
      if (texts == null) {
        return new Changes(result, null);
      }
      String[] inserted = new String[size / 2];
      for (int k = 0; k < inserted.length; k++) {
        inserted[k] = k < texts.size() ? texts.get(k) : "";
      }
      return new Changes(result, inserted);
    }
  }

  /** {@code a} made to apply after {@code b} (both made on the same text). */
  private static Changes map(Changes setA, Changes setB, boolean before, boolean withTexts) {
    Builder out = new Builder(withTexts);
    Iter a = new Iter(setA);
    Iter b = new Iter(setB);
    for (int inserted = -1;;) {
      if (a.done() && b.len != 0 || b.done() && a.len != 0) {
        throw new IllegalArgumentException("mismatched change lengths");
      } else if (a.ins == -1 && b.ins == -1) {
        int len = Math.min(a.len, b.len);
        out.section(len, -1, false);
        a.forward(len);
        b.forward(len);
      } else if (b.ins >= 0 && (a.ins < 0 || inserted == a.i
          || a.off == 0 && (b.len < a.len || b.len == a.len && !before))) {
        int len = b.len;
        out.section(b.ins, -1, false);
        while (len != 0) {
          int piece = Math.min(a.len, len);
          if (a.ins >= 0 && inserted < a.i && a.len <= piece) {
            out.section(0, a.ins, false);
            out.insert(a.text());
            inserted = a.i;
          }
          a.forward(piece);
          len -= piece;
        }
        b.next();
      } else if (a.ins >= 0) {
        int len = 0;
        int left = a.len;
        while (left != 0) {
          if (b.ins == -1) {
            int piece = Math.min(left, b.len);
            len += piece;
            left -= piece;
            b.forward(piece);
          } else if (b.ins == 0 && b.len < left) {
            left -= b.len;
            b.next();
          } else {
            break;
          }
        }
        out.section(len, inserted < a.i ? a.ins : 0, false);
        if (inserted < a.i) {
          out.insert(a.text());
        }
        inserted = a.i;
        a.forward(a.len - left);
      } else if (a.done() && b.done()) {
        return out.build();
      } else {
        throw new IllegalArgumentException("mismatched change lengths");
      }
    }
  }

  /** The description of {@code a} followed by {@code b}. */
  private static Changes compose(Changes setA, Changes setB) {
    Builder out = new Builder(false);
    Iter a = new Iter(setA);
    Iter b = new Iter(setB);
    for (boolean open = false;;) {
      if (a.done() && b.done()) {
        return out.build();
      } else if (a.ins == 0) {
        out.section(a.len, 0, open);
        a.next();
      } else if (b.len == 0 && !b.done()) {
        out.section(0, b.ins, open);
        b.next();
      } else if (a.done() || b.done()) {
        throw new IllegalArgumentException("mismatched change lengths");
      } else {
        int len = Math.min(a.len2(), b.len);
        int sectionLen = out.size;
        if (a.ins == -1) {
          out.section(len, b.ins == -1 ? -1 : b.off != 0 ? 0 : b.ins, open);
        } else if (b.ins == -1) {
          out.section(a.off != 0 ? 0 : a.len, len, open);
        } else {
          out.section(a.off != 0 ? 0 : a.len, b.off != 0 ? 0 : b.ins, open);
        }
        open = (a.ins > len || b.ins >= 0 && b.len > len) && (open || out.size > sectionLen);
        a.forward2(len);
        b.forward(len);
      }
    }
  }
}
