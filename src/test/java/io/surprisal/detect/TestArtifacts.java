package io.surprisal.detect;

import io.surprisal.model.DensityModel;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

/**
 * Model artifacts for tests that run the detector in this JVM: {@link #encode} hands out a
 * checksummed ticket for an in-memory model and {@link #decode} redeems it, refusing any ticket
 * whose checksum does not match, as the real codec refuses a corrupt artifact. One instance per test
 * class (no static state).
 */
final class TestArtifacts implements ArtifactDecoder {
  private final Map<String, DensityModel> models = new ConcurrentHashMap<>();

  /** The artifact bytes of {@code model}. */
  byte[] encode(DensityModel model) {
    String id = UUID.randomUUID().toString();
    models.put(id, model);
    return (id + ":" + checksum(id)).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public DensityModel decode(byte[] artifact) {
    String text = new String(artifact, StandardCharsets.UTF_8);
    int colon = text.indexOf(':');
    if (colon < 0 || !text.substring(colon + 1).equals(checksum(text.substring(0, colon)))) {
      throw new IllegalArgumentException("checksum mismatch: not an intact model artifact");
    }
    DensityModel model = models.get(text.substring(0, colon));
    if (model == null) {
      throw new IllegalArgumentException("unknown model artifact " + text);
    }
    return model;
  }

  /** A copy of {@code artifact} with one byte changed. */
  static byte[] corrupt(byte[] artifact) {
    byte[] copy = artifact.clone();
    copy[copy.length / 3] ^= 0x01;
    return copy;
  }

  private static String checksum(String id) {
    CRC32 crc = new CRC32();
    crc.update(id.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().toHexDigits((int) crc.getValue());
  }
}
