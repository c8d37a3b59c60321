package io.surprisal.bench.stream;

import ch.qos.logback.classic.Level;
import io.surprisal.config.Config;
import io.surprisal.config.ConfigKeys;
import io.surprisal.detect.Detector;
import io.surprisal.generate.EventProducer;
import io.surprisal.generate.TelemetrySimulator;
import io.surprisal.local.ApicurioRegistry;
import io.surprisal.local.EmbeddedKafka;
import io.surprisal.registry.SchemaRegistryClient;
import io.surprisal.registry.SchemaRegistryConfig;
import io.surprisal.serde.AvroSerde;
import io.surprisal.serde.AvroSerdeConfig;
import io.surprisal.serde.AvroSerializer;
import io.surprisal.trainer.Trainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.LoggerFactory;

/**
 * End-to-end streaming throughput of the detector against a pass-through Kafka Streams app
 * ({@link PassThroughApp}) on the same local broker, and the detector's event-to-alert latency at
 * a steady load. Not a JMH benchmark: each measurement is one run of a Kafka Streams app over a
 * topic. Run from the project folder (it starts Apicurio from {@code target/apicurio}):
 *
 * <pre>
 * mvn -B -Pbench -DskipTests package
 * java --add-modules jdk.incubator.vector -cp target/benchmarks.jar io.surprisal.bench.stream.StreamThroughputBench \
 *     [events=200000] [runs=2] [rate=2000] [warmup=10s] [measure=60s] [set.KEY=VALUE ...]
 * </pre>
 *
 * <p>{@code set.KEY=VALUE} adds a detector setting (the detector passes unknown keys to Kafka
 * Streams), e.g. {@code set.producer.linger.ms=5}.
 *
 * <ol>
 *   <li>Starts a broker in this JVM and Apicurio Registry; pre-loads {@code events} generated events
 *       (1 % anomalies) into a one-partition topic; trains the demo's model on the newest 10,000.
 *   <li>{@code runs} times, each app with a new application id, one stream thread, at-least-once:
 *       the pass-through, the detector (alerts only, as deployed by default), and the detector also
 *       writing every score (as much output as the pass-through). Each reads the whole topic;
 *       events/s are counted from the first record processed to the last.
 *   <li>A fresh detector on a new topic while {@code rate} events/s are produced for
 *       {@code warmup + measure}: p50 and p99 of event-to-alert latency after the warm-up.
 * </ol>
 */
public final class StreamThroughputBench {
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);

  private final EmbeddedKafka kafka;
  private final ApicurioRegistry registry;
  private final SchemaRegistryClient client;
  private final Path stateDir;
  private final String input = "bench-events";
  private final String models = "bench-models";
  private final Map<String, String> detectorSettings;

  private StreamThroughputBench(EmbeddedKafka kafka, ApicurioRegistry registry, Path stateDir,
      Map<String, String> detectorSettings) {
    this.kafka = kafka;
    this.detectorSettings = Map.copyOf(detectorSettings);
    this.registry = registry;
    this.client = SchemaRegistryClient.create(SchemaRegistryConfig.of(registry.url()));
    this.stateDir = stateDir;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    long events = Long.parseLong(options.getOrDefault("events", "200000"));
    int runs = Integer.parseInt(options.getOrDefault("runs", "2"));
    double rate = Double.parseDouble(options.getOrDefault("rate", "2000"));
    Duration warmup = Duration.parse("PT" + options.getOrDefault("warmup", "10s").toUpperCase(Locale.ROOT));
    Duration measure = Duration.parse("PT" + options.getOrDefault("measure", "60s").toUpperCase(Locale.ROOT));
    Map<String, String> detectorSettings = new HashMap<>();
    options.forEach((k, v) -> {
      if (k.startsWith("set.")) {
        detectorSettings.put(k.substring(4), v);
      }
    });
    if (System.getenv("SURPRISAL_LOG_LEVEL") == null) { // the broker's and Streams' start-up warnings are expected
      for (String logger : List.of(org.slf4j.Logger.ROOT_LOGGER_NAME, "io.surprisal", "org.apache.kafka", "kafka")) {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(logger)).setLevel(Level.ERROR);
      }
    }
    System.out.println(Machine.describe());
    Path stateDir = Files.createTempDirectory("surprisal-bench-");
    try (EmbeddedKafka kafka = EmbeddedKafka.start(); ApicurioRegistry registry = ApicurioRegistry.start()) {
      StreamThroughputBench bench = new StreamThroughputBench(kafka, registry, stateDir, detectorSettings);
      bench.run(events, runs, rate, warmup, measure);
    } finally {
      deleteRecursively(stateDir);
    }
  }

  private void run(long events, int runs, double rate, Duration warmup, Duration measure) throws Exception {
    kafka.createTopic(input, 1, Map.of());
    kafka.createTopic(models, 1, Map.of("cleanup.policy", "compact"));
    long start = System.nanoTime();
    produce(input, events, 0, Long.MAX_VALUE);
    say("pre-loaded %d events in %.1f s", events, (System.nanoTime() - start) / 1e9);
    train();

    for (int run = 1; run <= runs; run++) {
      Throughput passThrough = passThrough(run, events);
      Throughput detector = detector("detector-" + run, events, false);
      Throughput withScores = detector("detector-scores-" + run, events, true);
      System.out.printf(Locale.ROOT, "run %d: pass-through %,.0f events/s | detector %,.0f events/s (%.0f %%)"
              + " | detector writing every score %,.0f events/s (%.0f %%)%n", run, passThrough.perSecond(),
          detector.perSecond(), 100 * detector.perSecond() / passThrough.perSecond(), withScores.perSecond(),
          100 * withScores.perSecond() / passThrough.perSecond());
    }
    AlertLatency latency = latency(rate, warmup, measure);
    System.out.printf(Locale.ROOT, "latency at %.0f events/s, %d alerts after a %d s warm-up: event to scored_at"
            + " p50 %d ms p99 %d ms | event to alert read by a consumer p50 %d ms p99 %d ms%n", rate,
        latency.scored().count(), warmup.toSeconds(), latency.scored().at(50), latency.scored().at(99),
        latency.consumed().at(50), latency.consumed().at(99));
  }

  private Map<String, Object> clients() {
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", kafka.bootstrapServers());
    config.put("schema.registry.url", registry.url());
    return config;
  }

  /** Writes generated events (1 % anomalies), as fast as possible when {@code rate} is 0. */
  private void produce(String topic, long count, double rate, long untilNanos) throws InterruptedException {
    Map<String, Object> kafka = clients();
    try (AvroSerializer serializer = new AvroSerializer()) {
      serializer.configure(kafka, false);
      try (EventProducer producer = new EventProducer(kafka, serializer, topic)) {
        producer.send(new TelemetrySimulator(1, 0.01, Instant.now()), count, untilNanos, rate, System::nanoTime);
      }
    }
  }

  /** The demo's trainer settings, on the newest 10,000 events of the input: version 1. */
  private void train() throws InterruptedException {
    Map<String, String> values = strings(clients());
    values.putAll(Map.of("input.topic", input, "models.topic", models, "group.id", "bench-trainer",
        "window.size", "10000", "retrain.min.new.events", "10000", "model.flow", "maf", "model.layers", "4",
        "model.hidden", "16", "model.epochs", "20", "model.calibration.fraction", "0.3"));
    long start = System.nanoTime();
    try (Trainer trainer = new Trainer(Config.of(values, ConfigKeys.ALL))) {
      trainer.start();
      while (trainer.lastPublishedVersion() < 1) {
        if (System.nanoTime() - start > RUN_TIMEOUT.toNanos()) {
          throw new IllegalStateException("no model within " + RUN_TIMEOUT);
        }
        Thread.sleep(100);
      }
    }
    say("trained model version 1 in %.1f s", (System.nanoTime() - start) / 1e9);
  }

  private Throughput passThrough(int run, long events) throws Exception {
    String output = "bench-pass-through-" + run;
    kafka.createTopic(output, 1, Map.of());
    LongAdder processed = new LongAdder();
    StreamsBuilder builder = new StreamsBuilder();
    try (AvroSerde avro = AvroSerde.create(client, AvroSerdeConfig.defaults(), false)) {
      PassThroughApp.build(builder, input, output, avro, processed);
      var props = PassThroughApp.config(kafka.bootstrapServers(), "bench-pass-through-" + run,
          stateDir.resolve("pass-through-" + run).toString());
      try (KafkaStreams streams = new KafkaStreams(builder.build(props), props)) {
        streams.start();
        Throughput t = Throughput.measure(processed::sum, events, RUN_TIMEOUT);
        say("pass-through run %d: %,d events in %.2f s", run, t.events(), t.elapsed().toNanos() / 1e9);
        return t;
      }
    }
  }

  private Throughput detector(String name, long events, boolean scores) throws Exception {
    Map<String, String> values = detectorConfig(name, input);
    if (scores) {
      kafka.createTopic(name + "-scores", 1, Map.of());
      values.put("scores.topic", name + "-scores");
    }
    try (Detector detector = Detector.create(Config.of(values, ConfigKeys.ALL))) {
      detector.start();
      Throughput t = Throughput.measure(() -> {
        var counts = detector.metrics().snapshot();
        return counts.eventsScored() + counts.deadLettersTotal();
      }, events, RUN_TIMEOUT);
      say("%s: %,d events in %.2f s", name, t.events(), t.elapsed().toNanos() / 1e9);
      return t;
    }
  }

  /** A detector of {@code topic} with the model of the pre-loaded events, alerts to {@code name-alerts}. */
  private Map<String, String> detectorConfig(String name, String topic) {
    kafka.createTopic(name + "-alerts", 1, Map.of());
    kafka.createTopic(name + "-dlq", 1, Map.of());
    Map<String, String> values = strings(clients());
    values.putAll(Map.of("input.topic", topic, "input.subject", input + "-value", "models.topic", models,
        "alerts.topic", name + "-alerts", "dlq.topic", name + "-dlq", "application.id", "bench-" + name,
        "num.stream.threads", "1", "processing.guarantee", StreamsConfig.AT_LEAST_ONCE,
        "state.dir", stateDir.resolve(name).toString()));
    values.putAll(detectorSettings);
    return values;
  }

  private AlertLatency latency(double rate, Duration warmup, Duration measure) throws Exception {
    String topic = "bench-latency-events";
    kafka.createTopic(topic, 1, Map.of());
    try (Detector detector = Detector.create(Config.of(detectorConfig("latency", topic), ConfigKeys.ALL))) {
      detector.start();
      while (detector.holding() || detector.state() != KafkaStreams.State.RUNNING) {
        Thread.sleep(50);
      }
      AtomicBoolean producing = new AtomicBoolean(true);
      long measureFrom = System.currentTimeMillis() + warmup.toMillis();
      long until = System.nanoTime() + warmup.plus(measure).toNanos();
      Thread producer = new Thread(() -> {
        try {
          produce(topic, Long.MAX_VALUE, rate, until);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          producing.set(false);
        }
      }, "bench-latency-producer");
      producer.start();
      AlertLatency latency = AlertLatency.measure(clients(), "latency-alerts", client, measureFrom, producing::get);
      producer.join();
      return latency;
    }
  }

  private static Map<String, String> strings(Map<String, Object> config) {
    Map<String, String> out = new HashMap<>();
    config.forEach((k, v) -> out.put(k, v.toString()));
    return out;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      String[] kv = arg.split("=", 2);
      if (kv.length != 2) {
        throw new IllegalArgumentException(
            "arguments are key=value (events, runs, rate, warmup, measure, set.KEY), got " + arg);
      }
      options.put(kv[0], kv[1]);
    }
    return options;
  }

  private static void say(String format, Object... args) {
    System.err.printf(Locale.ROOT, format + "%n", args);
  }

  private static void deleteRecursively(Path folder) throws IOException {
    try (var paths = Files.walk(folder)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
