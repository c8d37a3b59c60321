package io.surprisal.cli;

import io.surprisal.avro.ModelVersion;
import io.surprisal.config.Config;
import io.surprisal.trainer.ModelsTopic;
import io.surprisal.trainer.TrainerConfig;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What the {@code models} commands share: settings, the model name and the models topic. */
final class ModelsTopicOptions {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Mixin ConfigOptions config;

  @Option(names = "--model", paramLabel = "NAME", description = "Model name; default: model.name of the settings.")
  String model;

  private Config loaded;

  Config settings() {
    if (loaded == null) {
      loaded = config.load();
    }
    return loaded;
  }

  String modelName() {
    return model != null ? model : settings().get(TrainerConfig.MODEL_NAME);
  }

  ModelsTopic topic() {
    return new ModelsTopic(TrainerConfig.kafka(settings()), settings().get(TrainerConfig.MODELS_TOPIC), TIMEOUT);
  }

  /** The model's versions on the topic, oldest first. */
  List<ModelVersion> versions(ModelsTopic topic) {
    return ModelsTopic.versionsOf(topic.readAll(), modelName());
  }
}
