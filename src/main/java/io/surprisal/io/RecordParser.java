package io.surprisal.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.Arrays;

/**
 * Splits RFC 4180 text into records of fields, one record at a time, keeping only the current record
 * in memory.
 *
 * <p>Accepted: fields separated by commas; records ended by CRLF, LF or a lone CR; fields in double
 * quotes, which may hold commas, line breaks and doubled quotes ({@code ""} for one {@code "}); a
 * UTF-8 byte order mark before the first record. Lenient where RFC 4180 is strict: empty lines are
 * skipped (they still count for line numbers), a quote inside an unquoted field is kept as a
 * character, and the last record needs no line break. Rejected with a {@link CsvFormatException}: a
 * quoted field that is never closed, and anything but a comma or line break right after a closing
 * quote.
 *
 * <p>The current record is held in one reused character buffer; {@link #field} makes a string only
 * for the fields that are asked for.
 */
final class RecordParser implements Closeable {
  private static final int EOF = -1;
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final Reader in;
  private final String source;
  private final char[] buffer = new char[1 << 16];
  private int position;
  private int limit;
  private boolean started;

  /** The physical line the next character is on. */
  private long line = 1;

  private long recordLine;
  private char[] text = new char[256];
  private int textLength;
  private int fieldCount;
  private int[] fieldStart = new int[16];
  private int[] fieldEnd = new int[16];
  private long[] fieldLine = new long[16];

  RecordParser(Reader in, String source) {
    this.in = in;
    this.source = source;
  }

  String source() {
    return source;
  }

  /**
   * Reads the next non-empty record.
   *
   * @return false at the end of the input
   * @throws CsvFormatException if a quoted field is malformed or the bytes are not valid UTF-8
   */
  boolean next() throws IOException {
    int c;
    do {
      c = read();
      if (c == EOF) {
        return false;
      }
    } while (endOfLine(c));
    recordLine = line;
    fieldCount = 0;
    textLength = 0;
    while (true) {
      c = readField(c);
      if (c != ',') {
        endOfLine(c);
        return true;
      }
      c = read();
    }
  }

  /** The line on which the current record starts. */
  long recordLine() {
    return recordLine;
  }

  int fieldCount() {
    return fieldCount;
  }

  /** The text of field {@code index} (0-based) of the current record, without quotes. */
  String field(int index) {
    return new String(text, fieldStart[index], fieldEnd[index] - fieldStart[index]);
  }

  /** The line on which field {@code index} (0-based) of the current record starts. */
  long fieldLine(int index) {
    return fieldLine[index];
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** Reads one field whose first character is {@code c}; returns the character that ended it. */
  private int readField(int c) throws IOException {
    beginField();
    if (c == '"') {
      c = readQuotedRest();
    } else {
      while (c != ',' && c != '\n' && c != '\r' && c != EOF) {
        append((char) c);
        c = read();
      }
    }
    fieldEnd[fieldCount] = textLength;
    fieldCount++;
    return c;
  }

  private int readQuotedRest() throws IOException {
    long startLine = line;
    int column = fieldCount + 1;
    while (true) {
      int c = read();
      if (c == EOF) {
        throw new CsvFormatException(source, startLine, column, null,
            "quoted field is not closed before the end of the file");
      }
      if (c == '"') {
        int after = read();
        if (after == '"') {
          append('"');
          continue;
        }
        if (after != ',' && after != '\n' && after != '\r' && after != EOF) {
          throw new CsvFormatException(source, line, column, null,
              "unexpected character '" + (char) after + "' after a closing quote"
                  + " (a quote inside a quoted field is written \"\")");
        }
        return after;
      }
      append((char) c);
      if (c == '\n') {
        line++;
      } else if (c == '\r') {
        line++;
        if (peek() == '\n') {
          append((char) read());
        }
      }
    }
  }

  private void beginField() {
    if (fieldCount == fieldStart.length) {
      int size = fieldCount * 2;
      fieldStart = Arrays.copyOf(fieldStart, size);
      fieldEnd = Arrays.copyOf(fieldEnd, size);
      fieldLine = Arrays.copyOf(fieldLine, size);
    }
    fieldStart[fieldCount] = textLength;
    fieldLine[fieldCount] = line;
  }

  private void append(char c) {
    if (textLength == text.length) {
      text = Arrays.copyOf(text, textLength * 2);
    }
    text[textLength++] = c;
  }

  /** If {@code c} starts a line break, consumes the rest of it and counts the line. */
  private boolean endOfLine(int c) throws IOException {
    if (c == '\n') {
      line++;
      return true;
    }
    if (c == '\r') {
      if (peek() == '\n') {
        read();
      }
      line++;
      return true;
    }
    return false;
  }

  private int read() throws IOException {
    if (position == limit && !fill()) {
      return EOF;
    }
    return buffer[position++];
  }

  private int peek() throws IOException {
    if (position == limit && !fill()) {
      return EOF;
    }
    return buffer[position];
  }

  private boolean fill() throws IOException {
    int n;
    try {
      n = in.read(buffer, 0, buffer.length);
    } catch (CharacterCodingException e) {
      throw new CsvFormatException(source, line, 0, null, "not valid UTF-8 text");
    }
    if (n <= 0) {
      return false;
    }
    position = 0;
    limit = n;
    if (!started) {
      started = true;
      if (buffer[0] == BYTE_ORDER_MARK) {
        position = 1;
        return limit > 1 || fill();
      }
    }
    return true;
  }
}
