package io.surprisal.model.codec;

import io.surprisal.model.codec.CorruptModelException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The frame around a model payload, the same in every format version (big-endian):
 *
 * <pre>
 *   offset  size  field
 *        0     4  magic, the ASCII bytes "SRPL"
 *        4     4  format version (int), which says how the payload is encoded
 *        8     4  payload length N (int)
 *       12    32  SHA-256 of bytes [0, 12) followed by the payload
 *       44     N  payload
 * </pre>
 *
 * <p>The digest covers the version and length too, so a damaged header byte shows as a checksum
 * mismatch (or, for the length, as a size mismatch), not as a confusing "unsupported version".
 * The checks run in the order that gives the most useful message: magic, size, checksum, version.
 * Because the frame never changes, a file from a newer surprisal still passes the checksum and is
 * refused for its version, by number.
 */
final class ModelEnvelope {
  static final byte[] MAGIC = "SRPL".getBytes(StandardCharsets.US_ASCII);
  static final int DIGEST_OFFSET = 12;
  static final int HEADER_SIZE = DIGEST_OFFSET + 32;
  private static final HexFormat HEX = HexFormat.of();

  /** An opened, verified frame. */
  record Opened(int formatVersion, byte[] payload, String sha256) {}

  private ModelEnvelope() {}

  /** Frames {@code payload} as format {@code version}. */
  static byte[] wrap(int version, byte[] payload) {
    ByteBuffer out = ByteBuffer.allocate(HEADER_SIZE + payload.length);
    out.put(MAGIC).putInt(version).putInt(payload.length);
    out.put(digest(out.array(), payload));
    out.put(payload);
    return out.array();
  }

  /**
   * Checks the frame and returns its content; does not look inside the payload.
   *
   * @param newest the newest format version this build decodes; it decodes every one from 1 on
   * @throws CorruptModelException for a bad magic, a short or long file, a checksum mismatch or a
   *     version outside {@code [1, newest]}
   */
  static Opened open(byte[] bytes, String source, int newest) {
    int magicSeen = Math.min(bytes.length, MAGIC.length);
    if (!Arrays.equals(bytes, 0, magicSeen, MAGIC, 0, magicSeen) || bytes.length == 0) {
      throw new CorruptModelException(source, Reason.BAD_MAGIC, bytes.length == 0
          ? "file is empty, not a surprisal model"
          : "not a surprisal model (bad magic: it starts with " + preview(bytes)
              + ", a model starts with \"SRPL\")");
    }
    if (bytes.length < HEADER_SIZE) {
      throw new CorruptModelException(source, Reason.TRUNCATED, "truncated: " + bytes.length
          + " bytes, shorter than the " + HEADER_SIZE + "-byte header of a model");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    int version = in.getInt(4);
    long declared = Integer.toUnsignedLong(in.getInt(8));
    long actual = bytes.length - HEADER_SIZE;
    if (actual < declared) {
      throw new CorruptModelException(source, Reason.TRUNCATED, "truncated: the header announces "
          + declared + " payload bytes but only " + actual + " follow");
    }
    if (actual > declared) {
      throw new CorruptModelException(source, Reason.MALFORMED, (actual - declared)
          + " unexpected bytes after the " + declared + "-byte payload the header announces");
    }
    byte[] payload = Arrays.copyOfRange(bytes, HEADER_SIZE, bytes.length);
    byte[] recorded = Arrays.copyOfRange(bytes, DIGEST_OFFSET, HEADER_SIZE);
    byte[] computed = digest(bytes, payload);
    if (!MessageDigest.isEqual(recorded, computed)) {
      throw new CorruptModelException(source, Reason.CHECKSUM_MISMATCH, "checksum mismatch: the content's SHA-256 is "
          + HEX.formatHex(computed) + " but the file records " + HEX.formatHex(recorded) + "; the file is damaged");
    }
    if (version < 1 || version > newest) {
      throw new CorruptModelException(source, Reason.UNSUPPORTED_VERSION, "unsupported format version "
          + version + "; this surprisal reads " + (newest == 1 ? "format version 1" : "format versions 1 to " + newest)
          + (version > newest ? " (a newer surprisal wrote the model: upgrade to load it)" : ""));
    }
    return new Opened(version, payload, HEX.formatHex(recorded));
  }

  /** SHA-256 of the first 12 bytes of {@code header} followed by {@code payload}. */
  private static byte[] digest(byte[] header, byte[] payload) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(header, 0, DIGEST_OFFSET);
      sha.update(payload);
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** The first bytes in hex and as text, for the bad-magic message. */
  private static String preview(byte[] bytes) {
    int n = Math.min(bytes.length, MAGIC.length);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xff;
      text.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
    }
    return HEX.formatHex(bytes, 0, n) + " (\"" + text + "\")";
  }
}
