package io.surprisal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private long now;

  private ProgressBar bar(boolean terminal) {
    return new ProgressBar(out, terminal, Duration.ofSeconds(5), () -> now);
  }

  private void at(double seconds) {
    now = (long) (seconds * 1e9);
  }

  private String written() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void update_plain_printsFirstLineThenAtMostOncePerInterval() {
    ProgressBar bar = bar(false);
    bar.start(100, "epoch");
    at(0);
    bar.update(1, "val NLL 3.50");
    at(1);
    bar.update(2, "val NLL 3.40");
    at(4.9);
    bar.update(10, "val NLL 3.30");
    at(6);
    bar.update(12, "val NLL 3.21");
    at(7);
    bar.update(100, "val NLL 3.10");
    bar.finish("done, best val NLL 3.10");
    assertThat(written()).isEqualTo("""
        epoch 1/100 [                    ] val NLL 3.50
        epoch 12/100 [##                  ] val NLL 3.21
        epoch 100/100 [####################] done, best val NLL 3.10
        """);
  }

  @Test
  void update_unknownTotal_drawsNoBar() {
    ProgressBar bar = bar(false);
    bar.start(0, "events");
    bar.update(12345, "8000 events/s");
    bar.finish("");
    assertThat(written()).isEqualTo("events 12345 8000 events/s\nevents 12345\n");
  }

  @Test
  void start_again_printsTheFirstUpdateOfTheNewStep() {
    ProgressBar bar = bar(false);
    bar.start(2, "fit");
    bar.update(1, "");
    bar.finish("ok");
    bar.start(3, "score");
    bar.update(1, "");
    assertThat(written().lines()).containsExactly(
        "fit 1/2 [##########          ]",
        "fit 1/2 [##########          ] ok",
        "score 1/3 [######              ]");
  }

  @Test
  void update_terminal_redrawsOneLineAndWipesLongerText() {
    ProgressBar bar = bar(true);
    bar.start(4, "epoch");
    at(0);
    bar.update(1, "long detail");
    at(10);
    bar.update(2, "x");
    bar.finish("ok");
    String first = "epoch 1/4 [#####               ] long detail";
    String second = "epoch 2/4 [##########          ] x";
    String last = "epoch 2/4 [##########          ] ok";
    assertThat(written()).isEqualTo("\r" + first
        + "\r" + second + " ".repeat(first.length() - second.length())
        + "\r" + last + "\n");
  }
}
