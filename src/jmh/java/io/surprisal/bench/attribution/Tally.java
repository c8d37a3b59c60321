package io.surprisal.bench.attribution;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Counts of one group of broken events: how many alerted, and whose top-1 each method named. */
final class Tally {
  private final String label;
  private int events;
  private int alerts;
  private int oldHits;
  private int newHits;
  private int oldNear;
  private int newNear;
  private final Map<String, Integer> oldNamed = new TreeMap<>();
  private final Map<String, Integer> newNamed = new TreeMap<>();

  Tally(String label) {
    this.label = label;
  }

  void event() {
    events++;
  }

  /**
   * An alerting event: the feature each method named first, the features that were broken, and
   * those plus the features that follow from them by the data's own relations.
   */
  void alert(String oldTop, String newTop, Set<String> broken, Set<String> followers) {
    alerts++;
    oldHits += broken.contains(oldTop) ? 1 : 0;
    newHits += broken.contains(newTop) ? 1 : 0;
    oldNear += followers.contains(oldTop) ? 1 : 0;
    newNear += followers.contains(newTop) ? 1 : 0;
    oldNamed.merge(oldTop, 1, Integer::sum);
    newNamed.merge(newTop, 1, Integer::sum);
  }

  /**
   * One line of results; with {@code detail}, the share that names a broken feature or one that
   * follows from it, and the features each method named first.
   */
  String report(boolean detail) {
    String line = String.format(Locale.ROOT, "%-18s %5d events, %5d alert; top-1 is a broken feature:"
        + " baseline Shapley %5.1f %% (%d), conditional repair %5.1f %% (%d)", label, events, alerts,
        percent(oldHits), oldHits, percent(newHits), newHits);
    if (detail) {
      line += String.format(Locale.ROOT, "%n    broken or following: Shapley %.1f %%, repair %.1f %%",
          percent(oldNear), percent(newNear));
      line += "\n    Shapley named " + oldNamed + "\n    repair named  " + newNamed;
    }
    return line;
  }

  private double percent(int hits) {
    return alerts == 0 ? Double.NaN : 100.0 * hits / alerts;
  }
}
