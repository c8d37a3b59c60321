package io.surprisal.trainer;

import static io.surprisal.trainer.TrainerFixture.await;
import static io.surprisal.trainer.TrainerFixture.config;
import static io.surprisal.trainer.TrainerFixture.produce;
import static io.surprisal.trainer.TrainerFixture.versions;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.surprisal.avro.ModelVersion;
import io.surprisal.avro.PartitionOffsets;
import io.surprisal.testing.KafkaFixture;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/** The trainer against the real broker and registry: versions, restart, and the regression guard. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TrainerIT {

  @Test
  void trainer_publishesVersionsInOrderAndContinuesNumberingAfterRestart() {
    // 1. configure: one input partition, a window of 1000, retrain after 300 new events
    String input = KafkaFixture.uniqueTopic("telemetry");
    String models = KafkaFixture.uniqueTopic("models");
    KafkaFixture.createTopic(input, 1, Map.of());
    var settings = config(input, models, Map.of("window.size", "1000", "retrain.min.new.events", "300"));

    // 2. produce 600 events: the first trainer publishes version 1 on all of them
    produce(input, 1, 600);
    try (Trainer trainer = new Trainer(settings)) {
      trainer.start();
      await("version 1", () -> trainer.lastPublishedVersion() == 1);
      ModelVersion v1 = versions(models).getLast();
      assertThat(v1.getVersion()).isEqualTo(1);
      assertThat(v1.getExcludedCount()).isZero();
      assertThat(v1.getRowCount()).isEqualTo(600 - 60); // 10 % held out
      assertThat(v1.getPreviousValidationNll()).isNull();
      assertThat(v1.getTrainingWindow().getOffsets()).containsExactly(new PartitionOffsets(0, 0L, 599L));
      assertThat(v1.getFeatures()).hasSize(11);
      assertThat(v1.getInputTopic()).isEqualTo(input);

      // 3. produce 400 more: version 2 on the full window of 1000, minus what version 1 flags
      produce(input, 2, 400);
      await("version 2", () -> trainer.lastPublishedVersion() == 2);
      ModelVersion v2 = versions(models).getLast();
      long kept = 1000 - v2.getExcludedCount();
      assertThat(v2.getVersion()).isEqualTo(2);
      assertThat(v2.getRowCount()).isEqualTo(kept - Math.round(kept * 0.1));
      assertThat(v2.getPreviousValidationNll()).isNotNull();
      assertThat(v2.getTrainingWindow().getOffsets()).singleElement()
          .satisfies(p -> assertThat(p.getToOffset()).isEqualTo(999L));
      assertThat(trainer.windowSize()).isEqualTo(1000);
      assertThat(trainer.metrics().versionsPublished()).isEqualTo(2);
    }

    // 4. produce while no trainer runs, then restart: the new trainer rebuilds its window from the
    //    topic (the newest 1000 events) and publishes version 3
    produce(input, 3, 400);
    try (Trainer restarted = new Trainer(settings)) {
      restarted.start();
      assertThat(restarted.lastPublishedVersion()).isEqualTo(2);
      await("version 3", () -> restarted.lastPublishedVersion() == 3);
      assertThat(restarted.windowSize()).isEqualTo(1000);
      ModelVersion v3 = versions(models).getLast();
      assertThat(v3.getVersion()).isEqualTo(3);
      assertThat(v3.getTrainingWindow().getToTimestamp()).isAfterOrEqualTo(v3.getTrainingWindow().getFromTimestamp());
      assertThat(v3.getTrainingWindow().getOffsets()).singleElement().satisfies(p -> {
        assertThat(p.getToOffset()).isEqualTo(1399L);
        assertThat(p.getFromOffset()).isGreaterThanOrEqualTo(400L);
      });
    }
    // 5. nothing else was published, and versions are 1, 2, 3 in offset order
    assertThat(versions(models)).extracting(ModelVersion::getVersion).containsExactly(1L, 2L, 3L);
  }

  @Test
  void trainer_newModelMuchWorseThanCurrent_isNotPublishedAndTheLogSaysWhy() {
    // 1. a well-trained version 1
    String input = KafkaFixture.uniqueTopic("telemetry");
    String models = KafkaFixture.uniqueTopic("models");
    KafkaFixture.createTopic(input, 1, Map.of());
    produce(input, 1, 1500);
    try (Trainer good = new Trainer(config(input, models, Map.of("window.size", "1500",
        "retrain.min.new.events", "1500", "model.epochs", "30")))) {
      good.start();
      await("version 1", () -> good.lastPublishedVersion() == 1);
    }

    // 2. a trainer that can only fit a crippled model (1 epoch, width 2) and allows no regression
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    ((Logger) LoggerFactory.getLogger(Trainer.class)).addAppender(log);
    try (Trainer crippled = new Trainer(config(input, models, Map.of("window.size", "1500",
        "retrain.min.new.events", "300", "model.epochs", "1", "model.hidden", "2", "model.layers", "1",
        "publish.max.nll.regression", "0.0", "group.id", input + "-other")))) {
      crippled.start();
      produce(input, 2, 300);
      await("a refusal", () -> crippled.metrics().publishRefusals() == 1);

      // 3. nothing published, and the log names the reason
      assertThat(crippled.lastPublishedVersion()).isEqualTo(1);
      assertThat(crippled.metrics().versionsPublished()).isZero();
    } finally {
      ((Logger) LoggerFactory.getLogger(Trainer.class)).detachAppender(log);
    }
    assertThat(versions(models)).extracting(ModelVersion::getVersion).containsExactly(1L);
    List<String> warnings = log.list.stream().map(ILoggingEvent::getFormattedMessage)
        .filter(m -> m.startsWith("not publishing")).toList();
    assertThat(warnings).singleElement().asString()
        .contains("model 'telemetry'").contains("nats worse than the current model's")
        .contains("publish.max.nll.regression");
  }

  @Test
  void trainer_noModelYet_fitsTheFirstAsSoonAsEnoughEventsArrived_notAfterTheInterval() {
    // 1. configure: an hour between retrainings, far longer than this test may wait
    String input = KafkaFixture.uniqueTopic("telemetry");
    String models = KafkaFixture.uniqueTopic("models");
    KafkaFixture.createTopic(input, 1, Map.of());
    try (Trainer trainer = new Trainer(config(input, models, Map.of("window.size", "1000",
        "retrain.min.new.events", "300", "retrain.interval", "1h")))) {
      trainer.start();

      // 2. produce enough events for a first model
      produce(input, 1, 400);

      // 3. verify: version 1 is published long before the hour is up
      await("version 1", () -> trainer.lastPublishedVersion() == 1);
    }
    assertThat(versions(models)).extracting(ModelVersion::getVersion).containsExactly(1L);
  }

  @Test
  void close_duringTraining_abandonsTheFitBetweenTwoEpochsAndPublishesNothing() {
    // 1. configure: a training of 100,000 epochs, which would run for hours
    String input = KafkaFixture.uniqueTopic("telemetry");
    String models = KafkaFixture.uniqueTopic("models");
    KafkaFixture.createTopic(input, 1, Map.of());
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    ((Logger) LoggerFactory.getLogger(Trainer.class)).addAppender(log);
    try {
      Trainer trainer = new Trainer(config(input, models, Map.of("window.size", "1000",
          "retrain.min.new.events", "300", "model.epochs", "100000", "model.max.steps", "0")));
      trainer.start();

      // 2. produce enough events, and wait until the first epoch is done
      produce(input, 1, 400);
      await("the first epoch", () -> messages(log).stream().anyMatch(m -> m.startsWith("epoch 1/100000")));

      // 3. close: the fit stops after its current epoch, says so, and publishes nothing
      trainer.close();
      assertThat(messages(log)).anyMatch(m -> m.startsWith("the trainer was closed while training: abandoned"));
      assertThat(trainer.lastPublishedVersion()).isZero();
    } finally {
      ((Logger) LoggerFactory.getLogger(Trainer.class)).detachAppender(log);
    }
    assertThat(versions(models)).isEmpty();
  }

  private static List<String> messages(ListAppender<ILoggingEvent> log) {
    synchronized (log) { // AppenderBase appends under the appender's own lock
      return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
  }
}
