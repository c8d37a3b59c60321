package io.surprisal.bench.stream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** One line describing where a benchmark ran: CPU model and cores, memory, JVM. */
final class Machine {
  private Machine() {}

  static String describe() {
    return String.format(Locale.ROOT, "machine: %s, %d cores, %.0f GiB; %s %s, max heap %d MiB",
        cpuModel(), Runtime.getRuntime().availableProcessors(), memoryGiB(), System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"), Runtime.getRuntime().maxMemory() >> 20);
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
    } catch (IOException e) {
      return System.getProperty("os.arch");
    }
  }

  private static double memoryGiB() {
    try {
      return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
          .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0) / 1024.0 / 1024.0;
    } catch (IOException e) {
      return 0;
    }
  }
}
