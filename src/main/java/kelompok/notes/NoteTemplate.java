package kelompok.notes;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The first text of a session note: a group part (topic, activities and interventions, group
 * dynamics and stage, how many were present) and a part per attending member (participation,
 * response, progress on their own goals, plan), in English or Indonesian.
 */
final class NoteTemplate {

  private static final Map<String, List<String>> WORDS = Map.of(
      "en", List.of("Session note", "Group", "Topic", "Present", "of", "Activities and interventions",
          "Group dynamics and stage", "Members", "Participation", "Response", "Progress on own goals", "Plan"),
      "id", List.of("Catatan sesi", "Kelompok", "Topik", "Hadir", "dari", "Kegiatan dan intervensi",
          "Dinamika dan tahap kelompok", "Anggota", "Partisipasi", "Respons", "Kemajuan tujuan pribadi", "Rencana"));

  private NoteTemplate() {}

  static String text(String lang, String groupName, String start, String topic, List<String> present, int expected) {
    List<String> w = WORDS.getOrDefault(lang, WORDS.get("en"));
    String date = ZonedDateTime.parse(start.endsWith("Z") ? start : start + "Z").withZoneSameInstant(ZoneOffset.UTC)
        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd"));
    StringBuilder out = new StringBuilder();
    out.append("# ").append(w.get(0)).append(": ").append(groupName).append(", ").append(date).append("\n\n");
    out.append("## ").append(w.get(1)).append("\n");
    out.append(w.get(2)).append(": ").append(topic == null ? "" : topic).append("\n");
    out.append(w.get(3)).append(": ").append(present.size()).append(' ').append(w.get(4)).append(' ')
        .append(expected).append("\n");
    out.append(w.get(5)).append(":\n");
    out.append(w.get(6)).append(":\n\n");
    out.append("## ").append(w.get(7)).append("\n");
    for (String name : present) {
      out.append("\n### ").append(name).append("\n");
      for (int i = 8; i < 12; i++) {
        out.append(w.get(i)).append(":\n");
      }
    }
    return out.toString().replace("\r", "");
  }
}
