package io.surprisal.detect;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.test.TestRecord;

/** Reads dead-letter headers as text. */
final class DeadLetterAssertions {
  private DeadLetterAssertions() {}

  /** The last value of header {@code key} as UTF-8 text, or null. */
  static String header(TestRecord<?, ?> record, String key) {
    return header(record.headers(), key);
  }

  static String header(Headers headers, String key) {
    Header header = headers.lastHeader(key);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** Every header as a (key, UTF-8 text) pair, in order. */
  static List<Map.Entry<String, String>> all(Headers headers) {
    return Arrays.stream(headers.toArray())
        .map(h -> Map.entry(h.key(), new String(h.value(), StandardCharsets.UTF_8)))
        .toList();
  }
}
