package io.surprisal.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A Dockerfile read into stages of instructions, enough to check what the image builds and runs:
 * comments and parser directives are dropped and backslash continuations joined.
 *
 * @param stages in file order
 */
record Dockerfile(List<Stage> stages) {
  /** One instruction: its keyword upper-cased and the rest of its (joined) line. */
  record Instruction(String keyword, String arguments) {}

  /** One {@code FROM image [AS name]} and its instructions. */
  record Stage(String image, Optional<String> name, List<Instruction> instructions) {
    /** The instructions with this keyword, in order. */
    List<String> all(String keyword) {
      return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    /** The last instruction with this keyword (the one in force for ENTRYPOINT, CMD, USER, WORKDIR). */
    Optional<String> last(String keyword) {
      List<String> all = all(keyword);
      return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
    }
  }

  static Dockerfile read(Path file) throws IOException {
    List<Stage> stages = new ArrayList<>();
    List<Instruction> current = null;
    StringBuilder logical = new StringBuilder();
    for (String line : Files.readAllLines(file)) {
      String stripped = line.strip();
      if (logical.isEmpty() && (stripped.isEmpty() || stripped.startsWith("#"))) {
        continue;
      }
      if (!logical.isEmpty() && stripped.startsWith("#")) {
        continue; // a comment inside a continued instruction
      }
      if (stripped.endsWith("\\")) {
        logical.append(stripped, 0, stripped.length() - 1).append(' ');
        continue;
      }
      logical.append(stripped);
      String text = logical.toString().strip();
      logical.setLength(0);
      int space = text.indexOf(' ');
      String keyword = text.substring(0, space).toUpperCase(Locale.ROOT);
      String arguments = text.substring(space + 1).strip().replaceAll("\\s+", " ");
      if (keyword.equals("FROM")) {
        String[] words = arguments.split(" ");
        current = new ArrayList<>();
        stages.add(new Stage(words[0], words.length == 3 && words[1].equalsIgnoreCase("AS")
            ? Optional.of(words[2]) : Optional.empty(), current));
      } else if (current != null) {
        current.add(new Instruction(keyword, arguments));
      }
    }
    return new Dockerfile(List.copyOf(stages));
  }

  /** The stage named so. */
  Stage stage(String name) {
    return stages.stream().filter(s -> s.name().equals(Optional.of(name))).findFirst()
        .orElseThrow(() -> new AssertionError("the Dockerfile has no stage named " + name));
  }

  /** The last stage: the image that is run. */
  Stage runtime() {
    return stages.getLast();
  }
}
