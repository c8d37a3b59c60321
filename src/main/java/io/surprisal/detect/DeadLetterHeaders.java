package io.surprisal.detect;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers of a dead-lettered event: its original headers first, then why and where from, all
 * as UTF-8 text, so that an operator can read them with any console consumer and replay the event
 * (its key and value bytes are unchanged) to {@link #SOURCE_TOPIC} once the cause is fixed.
 */
public final class DeadLetterHeaders {
  /** A {@link DeadLetterCode} name, e.g. {@code MISSING_FEATURE}. */
  public static final String ERROR_CODE = "surprisal.error.code";
  /** One line saying what was wrong, at most {@value #MAX_MESSAGE_CHARS} characters. */
  public static final String ERROR_MESSAGE = "surprisal.error.message";
  /** The feature path at fault, for the feature codes only. */
  public static final String ERROR_FEATURE = "surprisal.error.feature";
  /** The input topic the event was read from. */
  public static final String SOURCE_TOPIC = "surprisal.source.topic";
  /** Its partition, in decimal. */
  public static final String SOURCE_PARTITION = "surprisal.source.partition";
  /** Its offset, in decimal. */
  public static final String SOURCE_OFFSET = "surprisal.source.offset";
  /** The model version in force when the event was refused, in decimal; absent without a model. */
  public static final String MODEL_VERSION = "surprisal.model.version";

  static final int MAX_MESSAGE_CHARS = 1000;

  private DeadLetterHeaders() {}

  /**
   * A new header list: a copy of {@code original}, then the error and source headers.
   *
   * @param modelVersion the version in force, or null
   */
  static Headers of(Headers original, UnscorableEventException error, EventSource source, Long modelVersion) {
    RecordHeaders headers = new RecordHeaders(original.toArray());
    add(headers, ERROR_CODE, error.code().name());
    add(headers, ERROR_MESSAGE, oneLine(error.getMessage()));
    if (error.feature() != null) {
      add(headers, ERROR_FEATURE, error.feature());
    }
    add(headers, SOURCE_TOPIC, source.topic());
    add(headers, SOURCE_PARTITION, Integer.toString(source.partition()));
    add(headers, SOURCE_OFFSET, Long.toString(source.offset()));
    if (modelVersion != null) {
      add(headers, MODEL_VERSION, Long.toString(modelVersion));
    }
    return headers;
  }

  private static void add(Headers headers, String key, String value) {
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }

  private static String oneLine(String text) {
    String line = String.valueOf(text).replace('\r', ' ').replace('\n', ' ');
    return line.length() <= MAX_MESSAGE_CHARS ? line : line.substring(0, MAX_MESSAGE_CHARS - 3) + "...";
  }
}
