package io.surprisal.io;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The column names of a CSV file, from its first non-empty line, with spaces around each name
 * removed. Names are unique; a column may have an empty name (pandas writes one for its index), but
 * such a column cannot be selected and is rejected by {@link #except}.
 */
public final class CsvHeader {
  private final String source;
  private final long line;
  private final List<String> names;
  private final Map<String, Integer> index = new HashMap<>();

  /**
   * @throws CsvFormatException if two columns have the same name
   */
  CsvHeader(String source, long line, List<String> names) {
    this.source = source;
    this.line = line;
    this.names = List.copyOf(names);
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      Integer earlier = name.isEmpty() ? null : index.putIfAbsent(name, i);
      if (earlier != null) {
        throw new CsvFormatException(source, line, i + 1, name,
            "duplicate column name in the header; column " + (earlier + 1) + " has it too");
      }
    }
  }

  /** The names in file order. */
  public List<String> names() {
    return names;
  }

  public int size() {
    return names.size();
  }

  /** The line of the header row (1 unless empty lines come first). */
  public long line() {
    return line;
  }

  /** The 0-based position of the named column. */
  public OptionalInt indexOf(String name) {
    Integer i = name.isEmpty() ? null : index.get(name);
    return i == null ? OptionalInt.empty() : OptionalInt.of(i);
  }

  /**
   * The 0-based positions of the named columns, in the order given.
   *
   * @param reason why they are needed, completing "column 'x' is ... but missing", for example
   *     "required by the model"
   * @throws MissingColumnException naming every requested column the header lacks
   */
  public int[] require(List<String> requested, String reason) {
    int[] positions = new int[requested.size()];
    Set<String> missing = new LinkedHashSet<>();
    for (int i = 0; i < positions.length; i++) {
      OptionalInt at = indexOf(requested.get(i));
      if (at.isPresent()) {
        positions[i] = at.getAsInt();
      } else {
        missing.add(requested.get(i));
      }
    }
    if (!missing.isEmpty()) {
      throw new MissingColumnException(source, line, List.copyOf(missing), names, reason);
    }
    return positions;
  }

  /**
   * Every column but the excluded ones, in file order: the features of {@code fit --exclude}.
   *
   * <p>No column is dropped silently for holding text: a column that is not excluded is a feature,
   * and reading it fails at its first cell that is not a number, naming file, line and column, so a
   * typo in one cell of a numeric column cannot make that column quietly disappear from the model.
   *
   * @throws MissingColumnException if an excluded name is not a column (likely a typo)
   * @throws CsvFormatException if a column that would be kept has an empty name
   */
  public List<String> except(Collection<String> excluded) {
    require(List.copyOf(excluded), "excluded");
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name.isEmpty()) {
        throw new CsvFormatException(source, line, i + 1, null,
            "column has no name in the header; name it, or remove it from the file");
      }
      if (!excluded.contains(name)) {
        kept.add(name);
      }
    }
    return kept;
  }

  @Override
  public String toString() {
    return String.join(",", names);
  }
}
