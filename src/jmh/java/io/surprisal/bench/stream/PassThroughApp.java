package io.surprisal.bench.stream;

import java.util.Properties;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The baseline of the detector's throughput: a Kafka Streams app that reads the same input bytes,
 * decodes each value with the same registry Avro deserializer inside the topology (as the
 * detector's scoring step does, to keep the bytes for its dead-letter topic), and writes the
 * record back out with the same serde. Everything but the scoring.
 */
final class PassThroughApp {
  private PassThroughApp() {}

  /**
   * Adds the pass-through to {@code builder}; {@code processed} counts each record after decoding.
   *
   * @param avro the registry serde whose deserializer decodes and whose serializer writes
   */
  static void build(StreamsBuilder builder, String input, String output, Serde<Object> avro, LongAdder processed) {
    Deserializer<Object> reader = avro.deserializer();
    builder.stream(input, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
        .mapValues(bytes -> reader.deserialize(input, bytes))
        .peek((key, value) -> processed.increment())
        .to(output, Produced.with(Serdes.ByteArray(), avro));
  }

  /** One stream thread, at-least-once, like the detector's defaults. */
  static Properties config(String bootstrapServers, String applicationId, String stateDir) {
    Properties props = new Properties();
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
    return props;
  }
}
