package io.surprisal.trainer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.surprisal.avro.ModelVersion;
import io.surprisal.avro.PartitionOffsets;
import io.surprisal.config.Config;
import io.surprisal.kafka.ModelVersionNumber;
import io.surprisal.metrics.Health;
import io.surprisal.model.DensityModel;
import io.surprisal.model.codec.CorruptModelException;
import io.surprisal.model.codec.ModelCodec;
import io.surprisal.serde.AvroDeserializer;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retraining loop of {@code surprisal train}, embeddable: a consumer thread fills a bounded
 * window from {@code input.topic} (its own consumer group), and a training thread, every {@code
 * retrain.interval} once {@code retrain.min.new.events} new events arrived, fits a new model with
 * {@link Retrainer} and publishes it to {@code models.topic} as the next version, unless it is worse
 * than the current model by more than {@code publish.max.nll.regression}. The consumer keeps polling
 * while a model trains. While the models topic holds no version of the model, the trainer checks
 * every second (or every {@code retrain.interval}, if shorter) instead, so the first model comes as
 * soon as {@code retrain.min.new.events} events arrived: detectors hold every event until it exists.
 *
 * <p>Before each retraining the trainer reads the models topic, so it numbers versions after the
 * highest one there (also after a restart or a {@code models rollback}) and filters and compares
 * with the newest version. A version is one record, published only after training finished: a
 * crash mid-training publishes nothing.
 */
public final class Trainer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(60);
  /** How often a trainer without a model checks for enough events: detectors hold events until the first. */
  static final Duration FIRST_MODEL_CHECK = Duration.ofSeconds(1);

  /** Lifecycle of a trainer. */
  public enum State { CREATED, RUNNING, CLOSED, FAILED }

  private final String modelName;
  private final String inputTopic;
  private final ModelsTopic modelsTopic;
  private final Retrainer retrainer;
  private final TrainerMetrics metrics = new TrainerMetrics();
  private final Map<String, Object> kafka;
  private final List<String> features;
  private final WindowMode windowMode;
  private final int windowSize;
  private final long seed;
  private final String groupId;
  private final Duration interval;
  private final int minNewEvents;
  private final Duration minCompactionLag;
  private final MeterRegistry meters;
  private volatile State state = State.CREATED;
  private volatile long lastPublishedVersion;
  private long nextCheckNanos;
  private KafkaConsumer<byte[], byte[]> consumer;
  private WindowFeeder feeder;
  private Thread consumerThread;
  private ScheduledExecutorService training;
  private KafkaClientMetrics consumerMetrics;

  /**
   * A trainer whose meters go to a registry of its own (read them with {@link #metrics()}).
   *
   * @param config the trainer's settings, see {@link TrainerConfig}
   * @throws io.surprisal.config.ConfigException if a setting is missing or invalid
   */
  public Trainer(Config config) {
    this(config, new SimpleMeterRegistry());
  }

  /**
   * @param config the trainer's settings, see {@link TrainerConfig}
   * @param meters receives the trainer's meters (see {@link TrainerMetrics}) and its consumer's
   * @throws io.surprisal.config.ConfigException if a setting is missing or invalid
   */
  public Trainer(Config config, MeterRegistry meters) {
    this.modelName = config.get(TrainerConfig.MODEL_NAME);
    this.inputTopic = config.get(TrainerConfig.INPUT_TOPIC);
    this.kafka = TrainerConfig.kafka(config);
    this.modelsTopic = new ModelsTopic(kafka, config.get(TrainerConfig.MODELS_TOPIC), KAFKA_TIMEOUT);
    this.retrainer = new Retrainer(TrainerConfig.fitOptions(config), config.get(TrainerConfig.RETRAIN_HOLDOUT_FRACTION),
        config.get(TrainerConfig.PUBLISH_MAX_NLL_REGRESSION), config.get(TrainerConfig.RETRAIN_EXCLUDE_FLAGGED));
    // every setting is read here, so that a bad one fails before anything connects
    this.features = config.find(TrainerConfig.FEATURES).orElse(List.of());
    this.windowMode = config.get(TrainerConfig.WINDOW_MODE);
    this.windowSize = config.get(TrainerConfig.WINDOW_SIZE);
    this.seed = config.get(TrainerConfig.MODEL_SEED);
    this.groupId = config.get(TrainerConfig.GROUP_ID);
    this.interval = config.get(TrainerConfig.RETRAIN_INTERVAL);
    this.minNewEvents = config.get(TrainerConfig.RETRAIN_MIN_NEW_EVENTS);
    this.minCompactionLag = config.get(TrainerConfig.MODELS_TOPIC_MIN_COMPACTION_LAG);
    this.meters = meters;
    metrics.bindTo(meters);
  }

  /**
   * Creates the models topic if missing, reads the newest version, and starts consuming and the
   * retraining schedule.
   *
   * @throws IllegalStateException if started before
   */
  public synchronized void start() {
    if (state != State.CREATED) {
      throw new IllegalStateException("a trainer starts once; this one is " + state);
    }
    modelsTopic.createIfMissing(minCompactionLag);
    Optional<ModelVersion> latest = ModelsTopic.latest(modelsTopic.readAll(), modelName);
    lastPublishedVersion = latest.map(ModelVersion::getVersion).orElse(0L);
    LOG.info("model '{}': newest version on '{}' is {}", modelName, modelsTopic.name(), lastPublishedVersion);

    Map<String, Object> consumerConfig = new HashMap<>(kafka);
    consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumerConfig.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    consumerMetrics = new KafkaClientMetrics(consumer);
    consumerMetrics.bindTo(meters);
    AvroDeserializer deserializer = new AvroDeserializer();
    deserializer.configure(kafka, false);
    feeder = new WindowFeeder(consumer, deserializer, features, windowMode, windowSize, seed, metrics);
    latest.ifPresent(v -> feeder.trainedThrough(trainedThrough(v)));
    consumerThread = new Thread(() -> consume(deserializer), "surprisal-trainer-consumer");
    training = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "surprisal-trainer-fit"));
    state = State.RUNNING;
    consumerThread.start();
    long tick = Math.min(interval.toMillis(), FIRST_MODEL_CHECK.toMillis());
    nextCheckNanos = System.nanoTime() + interval.toNanos();
    training.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
  }

  /**
   * One tick of the schedule, on the training thread. Until a version of the model exists the
   * trainer checks on every tick, so the first model comes as soon as there are enough events
   * (detectors hold every event until then); after that it checks {@code retrain.interval} after the
   * end of the previous check.
   */
  private void tick() {
    if (lastPublishedVersion > 0 && System.nanoTime() < nextCheckNanos) {
      return;
    }
    retrainIfDue();
    nextCheckNanos = System.nanoTime() + interval.toNanos();
  }

  private void consume(AvroDeserializer deserializer) {
    try (deserializer) {
      consumer.subscribe(List.of(inputTopic), feeder);
      while (state == State.RUNNING) {
        consumer.poll(POLL).forEach(feeder::accept);
        consumer.commitAsync();
      }
    } catch (WakeupException e) {
      // close() asked us to stop
    } catch (RuntimeException e) {
      LOG.error("the trainer's consumer failed; stopping", e);
      state = State.FAILED;
    } finally {
      try {
        consumer.commitSync(Duration.ofSeconds(5));
      } catch (RuntimeException e) {
        LOG.warn("could not commit the consumer's offsets on the way out: {}", e.toString());
      }
      consumer.close();
    }
  }

  /** One tick of the schedule: retrains if enough new events arrived. Never throws. */
  private void retrainIfDue() {
    long fresh = feeder.newEvents();
    if (fresh < minNewEvents || state != State.RUNNING) {
      LOG.debug("not retraining: {} new events, {} needed", fresh, minNewEvents);
      return;
    }
    long start = System.nanoTime();
    try {
      Optional<ModelVersion> latest = ModelsTopic.latest(modelsTopic.readAll(), modelName);
      DensityModel current = latest.flatMap(Trainer::decode).orElse(null);
      FeatureSpec spec = feeder.spec();
      WindowSnapshot window = feeder.takeForTraining();
      LOG.info("retraining model '{}' on {} events ({} new)", modelName, window.size(), fresh);
      RetrainOutcome outcome = retrainer.retrain(spec.names(), window, current, r -> {
        if (state != State.RUNNING) {
          throw new TrainingAbandonedException(r.epoch());
        }
        LOG.info("epoch {}/{}: training loss {}, validation NLL {} (best {})", r.epoch(), r.maxEpochs(),
            round(r.trainLoss()), round(r.validationNll()), round(r.bestValidationNll()));
      });
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      switch (outcome) {
        case RetrainOutcome.Refused refused -> {
          metrics.trained(took, refused.candidate().validationNll());
          metrics.refused();
          LOG.warn("not publishing a new version of model '{}': {}", modelName, refused.reason());
        }
        case RetrainOutcome.Accepted accepted -> {
          metrics.trained(took, accepted.candidate().validationNll());
          if (state != State.RUNNING) {
            LOG.info("the trainer was closed while training: not publishing");
            return;
          }
          long version = ModelVersionNumber.next(
              Math.max(lastPublishedVersion, latest.map(ModelVersion::getVersion).orElse(0L)));
          modelsTopic.publish(toVersion(accepted.candidate(), spec, version));
          lastPublishedVersion = version;
          metrics.published();
          LOG.info("published version {} of model '{}': {} rows, held-out NLL {} (previous {}), trained in {} ms",
              version, modelName, accepted.candidate().rowCount(), round(accepted.candidate().validationNll()),
              accepted.candidate().previousValidationNll() == null ? "none"
                  : round(accepted.candidate().previousValidationNll()), took.toMillis());
        }
      }
    } catch (TrainingAbandonedException e) {
      LOG.info("the trainer was closed while training: {}", e.getMessage());
    } catch (RuntimeException e) {
      metrics.failed();
      LOG.error("retraining model '{}' failed: {}", modelName, e.toString(), e);
    }
  }

  private ModelVersion toVersion(RetrainOutcome.Candidate c, FeatureSpec spec, long version) {
    return ModelVersion.newBuilder()
        .setName(modelName)
        .setVersion(version)
        .setCreatedAt(Instant.now())
        .setInputTopic(inputTopic)
        .setTrainingWindow(c.window())
        .setRowCount(c.rowCount())
        .setExcludedCount(c.excludedCount())
        .setValidationNll(c.validationNll())
        .setPreviousValidationNll(c.previousValidationNll())
        .setFeatures(spec.toAvro())
        .setRolledBackFrom(null)
        .setModel(ByteBuffer.wrap(ModelCodec.encode(c.model())))
        .build();
  }

  private static Optional<DensityModel> decode(ModelVersion v) {
    try {
      return Optional.of(ModelCodec.decode(bytes(v.getModel())));
    } catch (CorruptModelException e) {
      LOG.warn("cannot read version {} of model '{}', so new models are neither filtered by it nor compared"
          + " with it: {}", v.getVersion(), v.getName(), e.getMessage());
      return Optional.empty();
    }
  }

  static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer b = buffer.duplicate();
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }

  private static Map<Integer, Long> trainedThrough(ModelVersion v) {
    Map<Integer, Long> out = new HashMap<>();
    for (PartitionOffsets p : v.getTrainingWindow().getOffsets()) {
      out.put(p.getPartition(), p.getToOffset());
    }
    return out;
  }

  private static String round(double v) {
    return String.format(java.util.Locale.ROOT, "%.4f", v);
  }

  public State state() {
    return state;
  }

  /** Events in the window now. */
  public int windowSize() {
    return feeder == null ? 0 : feeder.size();
  }

  /** The highest version of the model this trainer knows is on the models topic (0: none). */
  public long lastPublishedVersion() {
    return lastPublishedVersion;
  }

  /** Up unless the trainer failed or was closed: a trainer that is down will not recover, restart it. */
  public Health liveness() {
    return switch (state) {
      case FAILED -> Health.down("the trainer's consumer failed; see the log");
      case CLOSED -> Health.down("the trainer is closed");
      case CREATED, RUNNING -> Health.up("the trainer is " + state);
    };
  }

  /** Up while the window is being filled: the trainer runs and its consumer reads input partitions. */
  public Health readiness() {
    if (state != State.RUNNING) {
      return Health.down("the trainer is " + state);
    }
    int partitions = feeder.assignedPartitions();
    if (partitions == 0) {
      return Health.down("waiting for partitions of '" + inputTopic + "' in consumer group '" + groupId + "'");
    }
    return Health.up("filling the window from " + partitions + " partition(s) of '" + inputTopic + "': "
        + windowSize() + " of " + windowSize + " events");
  }

  public TrainerMetrics metrics() {
    return metrics;
  }

  /**
   * Stops consuming and training; a training in progress is abandoned at the end of its current
   * epoch and publishes nothing.
   */
  @Override
  public synchronized void close() {
    if (state == State.CLOSED || state == State.CREATED) {
      state = State.CLOSED;
      return;
    }
    state = State.CLOSED;
    training.shutdownNow();
    consumer.wakeup();
    try {
      consumerThread.join(Duration.ofSeconds(30));
      training.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    consumerMetrics.close();
  }
}
