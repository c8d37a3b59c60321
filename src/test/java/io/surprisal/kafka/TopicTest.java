package io.surprisal.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopicTest {

  /** The default serdes are byte arrays, so the topology only works if the topics carry theirs. */
  @Test
  void consumedAndProduced_inATopology_carryTheTopicsSerdes() {
    Topic<Long, String> input = new Topic<>("input", Serdes.Long(), Serdes.String());
    Topic<String, Integer> output = new Topic<>("output", Serdes.String(), Serdes.Integer());
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(input.name(), input.consumed())
        .map((key, value) -> KeyValue.pair(value, key.intValue() * 2))
        .to(output.name(), output.produced());
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topic-test");
    props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
    props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);

    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
      TestInputTopic<Long, String> in =
          driver.createInputTopic(
              input.name(), input.keySerde().serializer(), input.valueSerde().serializer());
      TestOutputTopic<String, Integer> out =
          driver.createOutputTopic(
              output.name(), output.keySerde().deserializer(), output.valueSerde().deserializer());
      in.pipeInput(21L, "a");
      in.pipeInput(5L, "b");

      assertThat(out.readKeyValuesToList())
          .containsExactly(KeyValue.pair("a", 42), KeyValue.pair("b", 10));
    }
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", ".", "..", "has space", "slash/name", "ümlaut"})
  void constructor_illegalName_throwsQuotingIt(String name) {
    assertThatThrownBy(() -> new Topic<>(name, Serdes.String(), Serdes.String()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + name + "\"");
  }

  @Test
  void constructor_longestLegalName_isAccepted() {
    String name = "a".repeat(249);

    assertThat(new Topic<>(name, Serdes.String(), Serdes.String()).name()).isEqualTo(name);
    assertThatThrownBy(() -> new Topic<>(name + "a", Serdes.String(), Serdes.String()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void constructor_nullSerde_throwsNamingIt() {
    assertThatThrownBy(() -> new Topic<>("t", null, Serdes.String()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("keySerde");
  }
}
