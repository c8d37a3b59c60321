package io.surprisal.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a topic-creation script (of the compose file's {@code topics} service or the Kubernetes Job)
 * with {@code /bin/sh -ec}, as its container would, but with {@code kafka-topics.sh} replaced by a stub
 * that records its arguments: so the script is checked as shell, and what it asks Kafka for is read
 * from the calls it makes rather than from its text.
 */
final class TopicScript {
  static final String KAFKA_TOPICS = "/opt/kafka/bin/kafka-topics.sh";
  private static final String SEPARATOR = "\u001f";

  private TopicScript() {}

  /** One call of {@code kafka-topics.sh}. */
  record Call(List<String> arguments) {
    /** The value after {@code option}, or null. */
    String option(String option) {
      int i = arguments.indexOf(option);
      return i < 0 || i + 1 >= arguments.size() ? null : arguments.get(i + 1);
    }

    boolean has(String flag) {
      return arguments.contains(flag);
    }

    /** The {@code --config key=value} pairs. */
    Map<String, String> configs() {
      Map<String, String> configs = new LinkedHashMap<>();
      for (int i = 0; i + 1 < arguments.size(); i++) {
        if (arguments.get(i).equals("--config")) {
          String[] pair = arguments.get(i + 1).split("=", 2);
          configs.put(pair[0], pair[1]);
        }
      }
      return configs;
    }
  }

  /**
   * Runs the script in {@code dir} and returns its calls of {@code kafka-topics.sh}, in order.
   *
   * @param paths absolute paths the script reads (mounted files) and where the test put them instead
   * @throws AssertionError if the script fails
   */
  static List<Call> run(String script, Path dir, Map<String, Path> paths) throws IOException, InterruptedException {
    Path calls = dir.resolve("calls");
    Path stub = Files.writeString(dir.resolve("kafka-topics.sh"),
        "#!/bin/sh\nfor a in \"$@\"; do printf '%s" + SEPARATOR + "' \"$a\"; done >> '" + calls + "'\n"
            + "printf '\\n' >> '" + calls + "'\n");
    Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwx------"));
    Files.writeString(calls, "");
    String local = script.replace(KAFKA_TOPICS, stub.toString());
    for (Map.Entry<String, Path> path : paths.entrySet()) {
      local = local.replace(path.getKey(), path.getValue().toString());
    }
    Process process = new ProcessBuilder("/bin/sh", "-ec", local).directory(dir.toFile()).redirectErrorStream(true)
        .start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError("the topic script failed: " + output + "\n" + local);
    }
    List<Call> result = new ArrayList<>();
    for (String line : Files.readAllLines(calls)) {
      result.add(new Call(List.of(line.split(SEPARATOR))));
    }
    return result;
  }
}
