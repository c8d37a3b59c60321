package io.surprisal.detect;

import io.surprisal.config.Config;
import io.surprisal.model.codec.ModelCodec;
import io.surprisal.registry.SchemaRegistryClient;
import io.surprisal.registry.SchemaRegistryConfig;
import io.surprisal.serde.AvroSerdeConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running detector: the {@link DetectorTopology} in a {@link KafkaStreams} instance, for
 * {@code surprisal detect} and for embedding (the demo, tests).
 *
 * <p>Until the first model is loaded the detector holds: Kafka Streams starts paused, so input
 * events wait in Kafka (their offsets are not committed), while the global thread reads the models
 * topic; the first accepted model resumes processing. Nothing is dropped and nothing passes as
 * normal for want of a model. A failure that Kafka Streams cannot handle (a registry outage, a
 * broker refusing writes) stops the detector: see {@link #failure()}.
 */
public final class Detector implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Detector.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaStreams streams;
  private final CurrentModel model = new CurrentModel();
  private final DetectorMetrics metrics = DetectorMetrics.counting();
  private final SchemaRegistryClient registry;
  private final SchemaRegistryClient schemaLookups;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicBoolean closed = new AtomicBoolean();
  private final String inputTopic;

  /**
   * A detector of the configuration, not started yet, reading model artifacts with {@link ModelCodec}.
   *
   * @throws io.surprisal.config.ConfigException or {@link org.apache.kafka.common.config.ConfigException}
   *     naming a missing or invalid key
   */
  public static Detector create(Config config) {
    return create(config, ModelCodec::decode);
  }

  /**
   * A detector of the configuration, not started yet.
   *
   * @param decoder turns the model artifacts of the models topic into models
   * @throws io.surprisal.config.ConfigException or {@link org.apache.kafka.common.config.ConfigException}
   *     naming a missing or invalid key
   */
  public static Detector create(Config config, ArtifactDecoder decoder) {
    Map<String, String> passThrough = config.passThrough();
    return new Detector(DetectorConfig.settings(config), DetectorConfig.streamsConfig(config),
        SchemaRegistryConfig.parse(passThrough), AvroSerdeConfig.parse(passThrough), decoder);
  }

  /**
   * @param streamsConfig Kafka Streams properties (see {@link DetectorConfig#streamsConfig})
   * @param registryConfig the schema registry of the input, models, alerts and scores
   * @param serdeConfig subject strategies and auto-registration of the alert and score serializers
   */
  public Detector(DetectorSettings settings, Properties streamsConfig, SchemaRegistryConfig registryConfig,
      AvroSerdeConfig serdeConfig, ArtifactDecoder decoder) {
    this.inputTopic = settings.inputTopic();
    this.registry = SchemaRegistryClient.create(registryConfig);
    // Model checks ask for the newest input schema and must see one registered a minute ago.
    this.schemaLookups = SchemaRegistryClient.create(withoutLatestCache(registryConfig));
    try {
      StreamsBuilder builder = new StreamsBuilder();
      DetectorTopology.build(builder, settings, new DetectorResources(registry, serdeConfig,
          InputSchemas.fromRegistry(schemaLookups, settings.inputSubject()), decoder, model, metrics,
          Clock.systemUTC()));
      this.streams = new KafkaStreams(builder.build(streamsConfig), streamsConfig);
    } catch (RuntimeException e) {
      registry.close();
      schemaLookups.close();
      throw e;
    }
    streams.setStateListener((now, before) -> {
      LOG.info("Detector state {} -> {}", before, now);
      if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
        stopped.countDown();
      }
    });
    streams.setUncaughtExceptionHandler(e -> {
      LOG.error("Detector stopping after an error it cannot handle: {}", e.toString(), e);
      failure.compareAndSet(null, e);
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    });
    model.onInstall(this::resumeIfHolding);
  }

  private static SchemaRegistryConfig withoutLatestCache(SchemaRegistryConfig c) {
    return new SchemaRegistryConfig(c.urls(), c.userInfo(), c.maxRetries(), c.retryWait(), c.retryMaxWait(),
        c.connectTimeout(), c.readTimeout(), Duration.ZERO);
  }

  /**
   * Starts Kafka Streams, paused until the first model is loaded. Call once. Returns once the
   * global thread has read the models topic (so a model already published is in force).
   *
   * @throws DetectorFailedException if reading the models topic failed (the registry or the
   *     brokers could not be reached); the detector is stopped
   */
  public synchronized void start() {
    if (model.get() == null) {
      streams.pause();
      LOG.info("Holding the events of '{}' until the first model is loaded", inputTopic);
    }
    try {
      streams.start();
    } catch (StreamsException e) {
      failure.compareAndSet(null, e);
      throw new DetectorFailedException(e);
    }
  }

  /** Called on the global thread when a model is installed. */
  private void resumeIfHolding(ActiveModel installed) {
    if (streams.isPaused()) {
      LOG.info("Resuming the events of '{}': model version {} is loaded", inputTopic, installed.version());
      streams.resume();
    }
  }

  /** The Kafka Streams state. */
  public KafkaStreams.State state() {
    return streams.state();
  }

  /** True while the detector waits for its first model. */
  public boolean holding() {
    return model.get() == null;
  }

  /** The model version scoring now, or empty before the first. */
  public OptionalLong modelVersion() {
    return model.version();
  }

  /** The input partitions this instance scores now (Kafka Streams spreads them over the instances). */
  public Set<TopicPartition> assignedPartitions() {
    return streams.metadataForLocalThreads().stream()
        .flatMap(thread -> thread.activeTasks().stream())
        .flatMap(task -> task.topicPartitions().stream())
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The detector's counters. */
  public DetectorMetrics metrics() {
    return metrics;
  }

  /** The error that stopped the detector, if one did. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure.get());
  }

  /** Waits until the detector has stopped, by {@link #close()} or by an error (see {@link #failure()}). */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  /**
   * Waits until the detector has stopped, by {@link #close()} or by an error.
   *
   * @return false if it is still running after {@code timeout}
   */
  public boolean awaitStop(Duration timeout) throws InterruptedException {
    return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops Kafka Streams (committing what was processed) and releases the registry clients; idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    boolean done = streams.close(CLOSE_TIMEOUT);
    if (!done) {
      LOG.warn("Kafka Streams did not stop within {}", CLOSE_TIMEOUT);
    }
    registry.close();
    schemaLookups.close();
  }
}
