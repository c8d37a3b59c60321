package io.surprisal.cli;

import io.surprisal.config.CommonConfig;
import io.surprisal.config.Config;
import io.surprisal.config.MissingConfigException;
import io.surprisal.registry.SchemaRegistryConfig;
import io.surprisal.generate.EventProducer;
import io.surprisal.generate.EventSource;
import io.surprisal.generate.Simulation;
import io.surprisal.generate.TelemetrySimulator;
import io.surprisal.serde.AvroSerializer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code surprisal generate}: writes example events with injected anomalies, {@code ServiceTelemetry}
 * or {@code SensorReading}, each marked with the {@code surprisal.truth} header (and
 * {@code surprisal.anomaly.kind}).
 */
@Command(name = "generate", description = "Write example events (service telemetry or pump sensors) with injected"
    + " anomalies to a topic.")
final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ConfigOptions config;

  @Option(names = "--topic", required = true, description = "Topic to write to.")
  String topic;

  @Option(names = "--count", description = "Events to write; default: until --duration ends or forever.")
  Long count;

  @Option(names = "--duration", description = "Stop after this long, e.g. PT10M; default: until --count.")
  Duration duration;

  @Option(names = "--rate", defaultValue = "100", description = "Events per second; 0: as fast as possible (default ${DEFAULT-VALUE}).")
  double rate;

  @Option(names = "--anomaly-rate", defaultValue = "0.01", description = "Share of anomalies (default ${DEFAULT-VALUE}).")
  double anomalyRate;

  @Option(names = "--seed", defaultValue = "0", description = "Seed of the simulation (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--seasonality", description = "Period of a traffic cycle, e.g. PT24H; default: none."
      + " Telemetry only.")
  Duration seasonality;

  @Option(names = "--events", defaultValue = "telemetry", paramLabel = "telemetry|sensors",
      description = "telemetry: service metrics whose anomalies are spikes, bursts and drops; sensors: seven"
          + " correlated pump sensors whose anomalies break the correlations, every value in its normal range"
          + " (default ${DEFAULT-VALUE}).")
  Simulation events;

  @Override
  public Integer call() throws InterruptedException {
    if (rate < 0) {
      throw new ParameterException(spec.commandLine(), "--rate must be >= 0, got " + rate);
    }
    if (!(anomalyRate >= 0 && anomalyRate <= 1)) {
      throw new ParameterException(spec.commandLine(), "--anomaly-rate must be in [0, 1], got " + anomalyRate);
    }
    if (seasonality != null && events != Simulation.TELEMETRY) {
      throw new ParameterException(spec.commandLine(), "--seasonality applies to --events telemetry only");
    }
    Config settings = config.load();
    Map<String, Object> kafka = CommonConfig.kafkaClientConfig(settings);
    if (kafka.get(SchemaRegistryConfig.URL) == null) {
      throw new MissingConfigException(SchemaRegistryConfig.URL, "missing required setting '" + SchemaRegistryConfig.URL
          + "': events are written as Avro through a schema registry; set it with --set or SURPRISAL_SCHEMA_REGISTRY_URL");
    }
    EventSource simulator = events == Simulation.TELEMETRY
        ? new TelemetrySimulator(seed, anomalyRate, Instant.now(), seasonality)
        : events.events(seed, anomalyRate, Instant.now());
    long until = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
    try (AvroSerializer serializer = new AvroSerializer()) {
      serializer.configure(kafka, false);
      try (EventProducer producer = new EventProducer(kafka, serializer, topic)) {
        var sent = producer.send(simulator, count == null ? Long.MAX_VALUE : count, until, rate, System::nanoTime);
        spec.commandLine().getOut().println("wrote " + sent.events() + " events to '" + topic + "', "
            + sent.anomalies() + " of them anomalies");
      }
    }
    return ExitCode.OK.code();
  }
}
