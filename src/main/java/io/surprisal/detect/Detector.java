package io.surprisal.detect;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.surprisal.config.Config;
import io.surprisal.metrics.Health;
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
  private final MeteredDetectorMetrics metrics;
  private final KafkaStreamsMetrics streamsMetrics;
  private final SchemaRegistryClient registry;
  private final SchemaRegistryClient schemaLookups;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicBoolean closed = new AtomicBoolean();
  private final String inputTopic;
  private final String modelName;

  /**
   * A detector of the configuration, not started yet, reading model artifacts with {@link ModelCodec};
   * its meters go to a registry of its own (read them with {@link #metrics()}).
   *
   * @throws io.surprisal.config.ConfigException or {@link org.apache.kafka.common.config.ConfigException}
   *     naming a missing or invalid key
   */
  public static Detector create(Config config) {
    return create(config, ModelCodec::decode, new SimpleMeterRegistry());
  }

  /**
   * A detector of the configuration, not started yet, reading model artifacts with {@link ModelCodec}.
   *
   * @param meters receives the detector's meters (see {@link DetectorMetrics#metered}) and those of
   *     Kafka Streams and its clients
   * @throws io.surprisal.config.ConfigException or {@link org.apache.kafka.common.config.ConfigException}
   *     naming a missing or invalid key
   */
  public static Detector create(Config config, MeterRegistry meters) {
    return create(config, ModelCodec::decode, meters);
  }

  /**
   * A detector of the configuration, not started yet.
   *
   * @param decoder turns the model artifacts of the models topic into models
   * @param meters receives the detector's meters and those of Kafka Streams and its clients
   * @throws io.surprisal.config.ConfigException or {@link org.apache.kafka.common.config.ConfigException}
   *     naming a missing or invalid key
   */
  public static Detector create(Config config, ArtifactDecoder decoder, MeterRegistry meters) {
    Map<String, String> passThrough = config.passThrough();
    return new Detector(DetectorConfig.settings(config), DetectorConfig.streamsConfig(config),
        SchemaRegistryConfig.parse(passThrough), AvroSerdeConfig.parse(passThrough), decoder, meters);
  }

  /**
   * @param streamsConfig Kafka Streams properties (see {@link DetectorConfig#streamsConfig})
   * @param registryConfig the schema registry of the input, models, alerts and scores
   * @param serdeConfig subject strategies and auto-registration of the alert and score serializers
   * @param meters receives the detector's meters and those of Kafka Streams and its clients
   */
  public Detector(DetectorSettings settings, Properties streamsConfig, SchemaRegistryConfig registryConfig,
      AvroSerdeConfig serdeConfig, ArtifactDecoder decoder, MeterRegistry meters) {
    this.inputTopic = settings.inputTopic();
    this.modelName = settings.modelName();
    this.metrics = new MeteredDetectorMetrics(meters);
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
      metrics.unregister();
      registry.close();
      schemaLookups.close();
      throw e;
    }
    this.streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(meters);
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

  /** Up unless Kafka Streams stopped or failed: a detector that is down will not recover, restart it. */
  public Health liveness() {
    KafkaStreams.State state = streams.state();
    Optional<Throwable> failed = failure();
    if (failed.isPresent()) {
      return Health.down("stopped after an error: " + failed.get());
    }
    return switch (state) {
      case ERROR, PENDING_ERROR, PENDING_SHUTDOWN, NOT_RUNNING -> Health.down("Kafka Streams is " + state);
      default -> Health.up("Kafka Streams is " + state);
    };
  }

  /** Up while the detector scores: Kafka Streams is RUNNING and a model is loaded. */
  public Health readiness() {
    KafkaStreams.State state = streams.state();
    OptionalLong version = modelVersion();
    if (state != KafkaStreams.State.RUNNING) {
      return Health.down("Kafka Streams is " + state);
    }
    if (version.isEmpty()) {
      return Health.down("holding the events of '" + inputTopic + "' until the first model '" + modelName
          + "' is loaded");
    }
    return Health.up("scoring '" + inputTopic + "' with model '" + modelName + "' version " + version.getAsLong());
  }

  /** The input partitions this instance scores now (Kafka Streams spreads them over the instances). */
  public Set<TopicPartition> assignedPartitions() {
    return streams.metadataForLocalThreads().stream()
        .flatMap(thread -> thread.activeTasks().stream())
        .flatMap(task -> task.topicPartitions().stream())
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The detector's counters (also published to the meter registry it was made with). */
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
    streamsMetrics.close();
    metrics.unregister();
    registry.close();
    schemaLookups.close();
  }
}
