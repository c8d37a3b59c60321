package io.surprisal.generate;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes an {@link EventSource}'s events to a topic, each with its key and ground-truth headers, at a
 * steady rate or as fast as the producer goes.
 */
public final class EventProducer implements AutoCloseable {
  private final KafkaProducer<String, Object> producer;
  private final String topic;

  /**
   * @param kafka           producer settings ({@code bootstrap.servers} and pass-through keys)
   * @param valueSerializer the Avro serializer of the values (registry-backed)
   */
  public EventProducer(Map<String, Object> kafka, Serializer<Object> valueSerializer, String topic) {
    Map<String, Object> config = new HashMap<>(kafka);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 20);
    this.producer = new KafkaProducer<>(config, new StringSerializer(), valueSerializer);
    this.topic = topic;
  }

  /**
   * Sends events until {@code count} are written or {@code until} (a {@link System#nanoTime()}
   * deadline) passes, then flushes and waits for every acknowledgement.
   *
   * @param ratePerSecond events per second, or 0 for as fast as possible
   * @return the number of events sent, and how many were anomalies
   * @throws GenerateException if the broker rejects a record
   */
  public Sent send(EventSource events, long count, long until, double ratePerSecond, LongSupplier clock)
      throws InterruptedException {
    long start = clock.getAsLong();
    long sent = 0;
    long anomalies = 0;
    Future<?> last = null;
    while (sent < count && clock.getAsLong() < until) {
      if (ratePerSecond > 0) {
        long due = start + (long) (sent * 1e9 / ratePerSecond);
        long wait = due - clock.getAsLong();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
      }
      LabelledEvent event = events.next();
      last = send(event);
      sent++;
      anomalies += event.isAnomaly() ? 1 : 0;
    }
    producer.flush();
    if (last != null) {
      try {
        last.get(30, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        throw new GenerateException("could not write to '" + topic + "': " + (e.getCause() != null ? e.getCause() : e), e);
      }
    }
    return new Sent(sent, anomalies);
  }

  /**
   * Sends one event, with its key and ground-truth headers, without waiting; the
   * record gets the producer's clock as its timestamp (simulated time runs ahead of it at high
   * rates, and brokers reject timestamps more than {@code log.message.timestamp.after.max.ms}, 1 h,
   * in the future).
   *
   * @return the broker's acknowledgement to come; it fails if the broker rejects the record
   */
  public Future<RecordMetadata> send(LabelledEvent event) {
    return producer.send(new ProducerRecord<>(topic, null, null, event.key(), event.value(), event.headers()));
  }

  /** Sends every buffered record and waits for the broker's answers. */
  public void flush() {
    producer.flush();
  }

  /** What {@link #send} wrote. */
  public record Sent(long events, long anomalies) {}

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(30));
  }
}
