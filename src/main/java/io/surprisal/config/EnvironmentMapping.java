package io.surprisal.config;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names of environment variables that set configuration keys, for containers and Kubernetes.
 * The rule is the one of Confluent's Kafka images:
 *
 * <ol>
 *   <li>only variables starting with {@value #PREFIX} count, except the {@link #RESERVED} ones;
 *   <li>the prefix is removed and the rest lower-cased;
 *   <li>{@code ___} (three underscores) becomes {@code -}, {@code __} (two) becomes {@code _},
 *       {@code _} (one) becomes {@code .}.
 * </ol>
 *
 * <p>So {@code SURPRISAL_BOOTSTRAP_SERVERS} sets {@code bootstrap.servers}, {@code
 * SURPRISAL_SASL_JAAS_CONFIG} sets {@code sasl.jaas.config}, {@code SURPRISAL_SCORE_WINDOW___SIZE}
 * sets {@code score.window-size} and {@code SURPRISAL_MODEL_MAX__BYTES} sets {@code
 * model.max_bytes}. A key with upper-case letters or two separators in a row has no variable: set
 * it in the properties file or with {@code --set}.
 */
public final class EnvironmentMapping {
  /** Prefix of the variables that set configuration keys. */
  public static final String PREFIX = "SURPRISAL_";

  /** Variables of the launcher and of logging that share the prefix but are not configuration. */
  public static final Set<String> RESERVED =
      Set.of("SURPRISAL_LOG_LEVEL", "SURPRISAL_JAVA_OPTS", "SURPRISAL_REBUILD");

  private static final Pattern MAPPABLE_KEY = Pattern.compile("[a-z0-9]+([._-][a-z0-9]+)*");
  private static final Pattern VARIABLE_BODY = Pattern.compile("[A-Za-z0-9_]+");

  private EnvironmentMapping() {}

  /**
   * The key that a variable sets, or empty if the variable does not set configuration (it lacks
   * the prefix or is {@link #RESERVED}).
   *
   * @throws ConfigException if the variable has the prefix but breaks the rule: characters other
   *     than letters, digits and underscores, four or more underscores in a row, or an underscore
   *     right after the prefix or at the end
   */
  public static Optional<String> keyFor(String variable) {
    if (!variable.startsWith(PREFIX) || RESERVED.contains(variable)) {
      return Optional.empty();
    }
    String body = variable.substring(PREFIX.length());
    if (!VARIABLE_BODY.matcher(body).matches()
        || body.startsWith("_")
        || body.endsWith("_")
        || body.contains("____")) {
      throw new ConfigException(
          "environment variable "
              + variable
              + " does not name a configuration key: after "
              + PREFIX
              + " use letters and digits separated by _ (for '.'), __ (for '_') or ___ (for '-')");
    }
    StringBuilder key = new StringBuilder(body.length());
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c != '_') {
        key.append(Character.toLowerCase(c));
        i++;
        continue;
      }
      int run = 0;
      while (i < body.length() && body.charAt(i) == '_') {
        run++;
        i++;
      }
      key.append(run == 1 ? '.' : run == 2 ? '_' : '-');
    }
    return Optional.of(key.toString());
  }

  /**
   * The variable that sets a key: the inverse of {@link #keyFor}.
   *
   * @throws IllegalArgumentException if the key cannot be written as a variable (upper-case
   *     letters, characters other than letters, digits, '.', '_' and '-', or two separators in a
   *     row)
   */
  public static String variableFor(String key) {
    if (!MAPPABLE_KEY.matcher(key).matches()) {
      throw new IllegalArgumentException(
          "key '" + key + "' has no environment variable; set it in the file or with --set");
    }
    StringBuilder variable = new StringBuilder(PREFIX);
    for (char c : key.toCharArray()) {
      switch (c) {
        case '.' -> variable.append('_');
        case '_' -> variable.append("__");
        case '-' -> variable.append("___");
        default -> variable.append(Character.toUpperCase(c));
      }
    }
    return variable.toString().toUpperCase(Locale.ROOT);
  }
}
