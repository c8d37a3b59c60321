package io.surprisal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.surprisal.config.MissingConfigException;
import io.surprisal.eval.TooFewRowsException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ErrorReporterTest {

  @Test
  void userMessage_fileProblemsNameTheFile() {
    assertThat(ErrorReporter.userMessage(new NoSuchFileException("m.model")))
        .isEqualTo("file not found: m.model");
    assertThat(ErrorReporter.userMessage(new AccessDeniedException("m.model")))
        .isEqualTo("permission denied: m.model");
    assertThat(ErrorReporter.userMessage(new FileAlreadyExistsException("out.csv")))
        .isEqualTo("file already exists: out.csv");
    assertThat(ErrorReporter.userMessage(new FileSystemException("d", null, "is a directory")))
        .isEqualTo("d: is a directory");
  }

  @Test
  void userMessage_surprisalExceptionIsKeptOnOneLine() {
    assertThat(ErrorReporter.userMessage(new TooFewRowsException("too\nfew")))
        .isEqualTo("too few");
  }

  @Test
  void userMessage_configErrorsAreUserErrors() {
    assertThat(ErrorReporter.userMessage(new MissingConfigException("input.topic", "missing required setting "
        + "'input.topic'"))).isEqualTo("missing required setting 'input.topic'");
    assertThat(ErrorReporter.userMessage(new org.apache.kafka.common.config.ConfigException(
        "schema.registry.url", null, "required"))).isEqualTo("Invalid value null for configuration "
        + "schema.registry.url: required");
  }

  @Test
  void userMessage_otherIoErrorIsAUserError() {
    assertThat(ErrorReporter.userMessage(new IOException("No space left on device")))
        .isEqualTo("I/O error: No space left on device");
  }

  @Test
  void handleExecutionException_wrappedUserErrorIsJudgedByItsCause() {
    StringWriter text = new StringWriter();
    ErrorReporter reporter = new ErrorReporter(new PrintWriter(text), false);
    Exception wrapped = new CompletionException(
        new UncheckedIOException(new NoSuchFileException("data.csv")));
    assertThat(reporter.handleExecutionException(wrapped, null, null)).isEqualTo(1);
    assertThat(text).hasToString("error: file not found: data.csv" + System.lineSeparator());
  }

  @Test
  void userMessage_programmingErrorIsNotAUserError() {
    assertThat(ErrorReporter.userMessage(new IllegalArgumentException("bad"))).isNull();
    assertThat(ErrorReporter.userMessage(new NullPointerException())).isNull();
  }

  @Test
  void userMessage_hugeMessage_isCutToOneBoundedLineSayingHowMuchWasLeftOut() {
    String huge = "column '" + "x".repeat(1_000_000) + "'\nis not numeric";
    String message = ErrorReporter.userMessage(new TooFewRowsException(huge));

    assertThat(message).hasSizeLessThan(ErrorReporter.MAX_MESSAGE + 40).doesNotContain("\n")
        .startsWith("column 'xxx").endsWith("(" + (huge.length() - ErrorReporter.MAX_MESSAGE) + " more characters)");
  }
}
