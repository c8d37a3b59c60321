package io.surprisal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordParserTest {

  /** Each record as its fields, prefixed by the record's line number. */
  private static List<List<String>> records(String text) throws IOException {
    RecordParser parser = new RecordParser(new StringReader(text), "t.csv");
    List<List<String>> out = new ArrayList<>();
    while (parser.next()) {
      List<String> record = new ArrayList<>();
      record.add("@" + parser.recordLine());
      for (int i = 0; i < parser.fieldCount(); i++) {
        record.add(parser.field(i));
      }
      out.add(record);
    }
    return out;
  }

  @Test
  void next_plainFieldsWithLf() throws IOException {
    assertThat(records("a,b\n1,2\n"))
        .containsExactly(List.of("@1", "a", "b"), List.of("@2", "1", "2"));
  }

  @Test
  void next_crlfAndLoneCrEndRecords() throws IOException {
    assertThat(records("a,b\r\n1,2\r3,4"))
        .containsExactly(List.of("@1", "a", "b"), List.of("@2", "1", "2"), List.of("@3", "3", "4"));
  }

  @Test
  void next_lastRecordWithoutLineBreak() throws IOException {
    assertThat(records("a\n1")).containsExactly(List.of("@1", "a"), List.of("@2", "1"));
  }

  @Test
  void next_quotedFieldsKeepCommasQuotesAndLineBreaks() throws IOException {
    String text = "name,note\n\"x,y\",\"say \"\"hi\"\"\"\n\"multi\nline\",\"crlf\r\ninside\"\nlast,1\n";
    assertThat(records(text)).containsExactly(
        List.of("@1", "name", "note"),
        List.of("@2", "x,y", "say \"hi\""),
        List.of("@3", "multi\nline", "crlf\r\ninside"),
        List.of("@6", "last", "1"));
  }

  @Test
  void fieldLine_isWhereTheFieldStartsAfterAMultiLineField() throws IOException {
    RecordParser parser = new RecordParser(new StringReader("\"a\nb\nc\",x\n"), "t.csv");
    assertThat(parser.next()).isTrue();
    assertThat(parser.fieldLine(0)).isEqualTo(1);
    assertThat(parser.fieldLine(1)).isEqualTo(3);
  }

  @Test
  void next_emptyFieldsAreKept() throws IOException {
    assertThat(records(",\"\",\n")).containsExactly(List.of("@1", "", "", ""));
  }

  @Test
  void next_emptyLinesAreSkippedButCounted() throws IOException {
    assertThat(records("\n\na\r\n\r\n1\n\n"))
        .containsExactly(List.of("@3", "a"), List.of("@5", "1"));
  }

  @Test
  void next_byteOrderMarkIsSkipped() throws IOException {
    assertThat(records("\uFEFFa,b\n1,2\n"))
        .containsExactly(List.of("@1", "a", "b"), List.of("@2", "1", "2"));
  }

  @Test
  void next_quoteInsideUnquotedFieldIsKept() throws IOException {
    assertThat(records("5\"x\n")).containsExactly(List.of("@1", "5\"x"));
  }

  @Test
  void next_emptyText_hasNoRecord() throws IOException {
    assertThat(records("")).isEmpty();
    assertThat(records("\uFEFF")).isEmpty();
  }

  @Test
  void next_unclosedQuote_namesWhereItStarts() {
    assertThatThrownBy(() -> records("a,b\n1,\"open\n\n"))
        .isInstanceOf(CsvFormatException.class)
        .hasMessage("t.csv:2:2: quoted field is not closed before the end of the file");
  }

  @Test
  void next_textAfterClosingQuote_isAnError() {
    assertThatThrownBy(() -> records("a,b\n\"x\"y,1\n"))
        .isInstanceOf(CsvFormatException.class)
        .hasMessageStartingWith("t.csv:2:1: unexpected character 'y' after a closing quote");
  }

  @Test
  void next_recordsLongerThanTheBuffer() throws IOException {
    String wide = "x".repeat(200_000);
    assertThat(records("a,b\n" + wide + ",\"" + wide + "\"\n"))
        .last().isEqualTo(List.of("@2", wide, wide));
  }
}
