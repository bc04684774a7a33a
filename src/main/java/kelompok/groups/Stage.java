package kelompok.groups;

import java.util.List;
import kelompok.system.InvalidInput;

/**
 * How a group develops (Garland, Jones and Kolodny), with the signs a facilitator ticks when
 * judging the stage. Each sign has a stable code and its English and Indonesian wording.
 */
public enum Stage {
  PRE_AFFILIATION("pre-affiliation", List.of(
      new Sign("distance", "Members keep their distance", "Anggota menjaga jarak"),
      new Sign("approach-avoid", "Members approach and then avoid", "Anggota mendekat lalu menghindar"),
      new Sign("guarded", "Members try interaction but stay guarded",
          "Anggota mencoba berinteraksi tetapi tetap berhati-hati"))),
  POWER_CONTROL("power-control", List.of(
      new Sign("test-leader", "Members test who leads", "Anggota menguji siapa yang memimpin"),
      new Sign("status", "Members seek status and positions", "Anggota mencari status dan posisi"),
      new Sign("defend", "Members defend themselves", "Anggota mempertahankan diri"),
      new Sign("control", "Members try to control so as to be accepted",
          "Anggota berusaha mengendalikan agar diterima"),
      new Sign("test-worker", "Conflict and testing of the worker",
          "Konflik dan pengujian terhadap pekerja sosial"))),
  INTIMACY("intimacy", List.of(
      new Sign("open-up", "Members open up to one another", "Anggota saling terbuka"),
      new Sign("family", "The group feels like a family", "Kelompok terasa seperti keluarga"),
      new Sign("personal-change", "Members feel free to work on personal change",
          "Anggota merasa bebas mengupayakan perubahan pribadi"))),
  DIFFERENTIATION("differentiation", List.of(
      new Sign("objective", "Decisions are made objectively, not on impulse",
          "Keputusan dibuat secara objektif, bukan karena dorongan emosi"),
      new Sign("value-differences", "Members value their differences", "Anggota menghargai perbedaan"),
      new Sign("freedom", "Communication and freedom grow", "Komunikasi dan kebebasan berkembang"))),
  SEPARATION("separation", List.of(
      new Sign("ending", "The group is ending, usually with goals reached",
          "Kelompok berakhir, biasanya setelah tujuan tercapai"),
      new Sign("reluctant", "Members are reluctant to part", "Anggota enggan berpisah")));

  /** One observable sign of a stage. */
  public record Sign(String code, String en, String id) {}

  private final String code;
  private final List<Sign> signs;

  Stage(String code, List<Sign> signs) {
    this.code = code;
    this.signs = signs;
  }

  public String code() {
    return code;
  }

  public List<Sign> signs() {
    return signs;
  }

  static Stage fromCode(String code, String field) {
    for (Stage stage : values()) {
      if (stage.code.equals(code)) {
        return stage;
      }
    }
    throw InvalidInput.of(field, "unknown-stage", "unknown stage '" + code + "': use one of "
        + "pre-affiliation, power-control, intimacy, differentiation, separation");
  }
}
