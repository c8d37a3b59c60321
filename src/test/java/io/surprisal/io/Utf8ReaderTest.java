package io.surprisal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8ReaderTest {

  /** Delivers one byte per read, so multi-byte characters are split across refills. */
  private static InputStream trickle(byte[] data) {
    return new ByteArrayInputStream(data) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1));
      }
    };
  }

  private static String readAll(Utf8Reader reader, StringBuilder sink) throws IOException {
    char[] buffer = new char[8];
    int n;
    while ((n = reader.read(buffer, 0, buffer.length)) >= 0) {
      sink.append(buffer, 0, n);
    }
    return sink.toString();
  }

  @Test
  void read_decodesCharactersSplitAcrossReads() throws IOException {
    String text = "é,€,\uD83D\uDE00 x";
    Utf8Reader reader = new Utf8Reader(trickle(text.getBytes(StandardCharsets.UTF_8)));
    assertThat(readAll(reader, new StringBuilder())).isEqualTo(text);
  }

  @Test
  void read_returnsTheCharactersBeforeAMalformedByteThenThrows() {
    byte[] data = {'a', '\n', 'b', (byte) 0xE9, 'c'};
    StringBuilder sink = new StringBuilder();
    assertThatThrownBy(() -> readAll(new Utf8Reader(trickle(data)), sink))
        .isInstanceOf(MalformedInputException.class);
    assertThat(sink).hasToString("a\nb");
  }

  @Test
  void read_truncatedSequenceAtTheEnd_throws() {
    byte[] data = {'a', (byte) 0xE2, (byte) 0x82};
    StringBuilder sink = new StringBuilder();
    assertThatThrownBy(() -> readAll(new Utf8Reader(new ByteArrayInputStream(data)), sink))
        .isInstanceOf(MalformedInputException.class);
    assertThat(sink).hasToString("a");
  }
}
