package io.surprisal.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs the real command line in process, as {@code bin/surprisal} would, capturing its output. */
final class CliRunner {
  private CliRunner() {}

  /** What a run left on the terminal. */
  record Result(int exitCode, String out, String err) {}

  static Result run(Object... args) {
    String[] text = new String[args.length];
    for (int i = 0; i < args.length; i++) {
      text[i] = args[i] instanceof Path p ? p.toString() : String.valueOf(args[i]);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(text, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
