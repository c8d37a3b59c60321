package io.surprisal.demo;

import io.surprisal.generate.EventProducer;
import io.surprisal.generate.EventSource;
import io.surprisal.generate.LabelledEvent;
import io.surprisal.serde.AvroSerializer;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The demo's event source: a thread that writes the events of the settings' simulation (with their
 * ground-truth headers) to the input topic at a steady rate until stopped. A slow broker makes it
 * fall behind and then catch up, so the average rate holds.
 */
final class EventGenerator implements AutoCloseable {
  private static final long CHECK_EVERY = 1000;

  private final AvroSerializer serializer;
  private final EventProducer producer;
  private final EventSource simulator;
  private final double rate;
  private final Thread thread;
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private volatile boolean running = true;
  private volatile long written;
  private volatile long anomalies;

  private EventGenerator(Map<String, Object> kafka, String topic, DemoSettings settings) {
    this.serializer = new AvroSerializer();
    serializer.configure(kafka, false);
    this.producer = new EventProducer(kafka, serializer, topic);
    this.simulator = settings.events().events(settings.seed(), settings.anomalyRate(), Instant.now());
    this.rate = settings.rate();
    this.thread = new Thread(this::run, "surprisal-demo-generator");
    thread.setDaemon(true);
  }

  /** Starts writing to {@code topic} with the producer settings {@code kafka} (brokers, registry). */
  static EventGenerator start(Map<String, Object> kafka, String topic, DemoSettings settings) {
    EventGenerator generator = new EventGenerator(kafka, topic, settings);
    generator.thread.start();
    return generator;
  }

  private void run() {
    long start = System.nanoTime();
    long n = 0;
    long a = 0;
    Future<?> last = null;
    try {
      while (running) {
        long wait = start + (long) (n * 1e9 / rate) - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
          continue; // look at running again: stop() may have come while parked
        }
        LabelledEvent event = simulator.next();
        last = producer.send(event);
        n++;
        a += event.isAnomaly() ? 1 : 0;
        written = n;
        anomalies = a;
        if (n % CHECK_EVERY == 0 && last.isDone()) {
          last.get(); // a rejected record stops the generator: every later one would be rejected too
        }
      }
      producer.flush();
      if (last != null) {
        last.get(30, TimeUnit.SECONDS);
      }
    } catch (ExecutionException e) {
      failure.compareAndSet(null, (Exception) (e.getCause() instanceof Exception c ? c : e));
    } catch (TimeoutException | InterruptedException | RuntimeException e) {
      failure.compareAndSet(null, e);
    }
  }

  /** Events handed to the producer so far (all acknowledged once {@link #stop()} returned). */
  long written() {
    return written;
  }

  /** Anomalies among {@link #written()}. */
  long anomalies() {
    return anomalies;
  }

  /** Why the generator stopped writing early, if it did (the broker rejected a record). */
  Optional<Exception> failure() {
    return Optional.ofNullable(failure.get());
  }

  /** Stops writing and waits until the broker acknowledged every event written. Idempotent. */
  void stop() {
    running = false;
    LockSupport.unpark(thread);
    try {
      thread.join(TimeUnit.SECONDS.toMillis(60));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
    producer.close();
    serializer.close();
  }
}
