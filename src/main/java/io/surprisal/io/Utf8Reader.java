package io.surprisal.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 strictly, and unlike {@link java.io.InputStreamReader} hands out every character
 * before a malformed byte sequence before it throws, so that the caller knows on which line the bad
 * bytes are.
 */
final class Utf8Reader extends Reader {
  private final InputStream in;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
  private boolean endOfInput;
  private boolean flushed;
  private CoderResult error;

  Utf8Reader(InputStream in) {
    this.in = in;
  }

  /**
   * @param length at least 2, room for a surrogate pair
   * @throws java.nio.charset.CharacterCodingException at the first malformed or unmappable
   *     sequence, once the characters before it have been returned
   */
  @Override
  public int read(char[] target, int offset, int length) throws IOException {
    if (length < 2) {
      throw new IllegalArgumentException("read needs room for 2 chars, got " + length);
    }
    CharBuffer out = CharBuffer.wrap(target, offset, length);
    while (true) {
      if (error != null) {
        if (out.position() > offset) {
          return out.position() - offset;
        }
        error.throwException();
      }
      CoderResult result = decoder.decode(bytes, out, endOfInput);
      if (result.isError()) {
        error = result;
        continue;
      }
      if (out.position() > offset || result.isOverflow()) {
        return out.position() - offset;
      }
      if (endOfInput) {
        if (!flushed) {
          flushed = true;
          decoder.flush(out);
          if (out.position() > offset) {
            return out.position() - offset;
          }
        }
        return -1;
      }
      refill();
    }
  }

  private void refill() throws IOException {
    bytes.compact();
    int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
    if (n < 0) {
      endOfInput = true;
    } else {
      bytes.position(bytes.position() + n);
    }
    bytes.flip();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
