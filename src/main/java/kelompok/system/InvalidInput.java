package kelompok.system;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that breaks a rule, with one problem per field. Leaves HTTP as a 400 (or the status given)
 * problem+json whose {@code errors} name each field and why.
 */
public final class InvalidInput extends RuntimeException {

  /** One field's problem: the field's path, a stable code, and a message a person can act on. */
  public record FieldProblem(String field, String code, String message) {}

  private final transient List<FieldProblem> problems;
  private final int status;

  public InvalidInput(List<FieldProblem> problems) {
    this(400, problems);
  }

  public InvalidInput(int status, List<FieldProblem> problems) {
    super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
    this.status = status;
    this.problems = List.copyOf(problems);
  }

  /** A single problem. */
  public static InvalidInput of(String field, String code, String message) {
    return new InvalidInput(List.of(new FieldProblem(field, code, message)));
  }

  public List<FieldProblem> problems() {
    return problems;
  }

  public int status() {
    return status;
  }
}
