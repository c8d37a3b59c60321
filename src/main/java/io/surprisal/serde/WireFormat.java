package io.surprisal.serde;

import io.surprisal.serde.AvroDeserializationException.Reason;
import java.io.ByteArrayOutputStream;

/**
 * Confluent's wire format: magic byte 0, the schema id as a 4-byte big-endian int, then the
 * Avro binary encoding of the value.
 */
public final class WireFormat {
  public static final byte MAGIC_BYTE = 0;
  public static final int HEADER_SIZE = 5;

  private WireFormat() {}

  /** Writes the 5-byte header for {@code schemaId}. */
  static void writeHeader(ByteArrayOutputStream out, int schemaId) {
    out.write(MAGIC_BYTE);
    out.write(schemaId >>> 24);
    out.write(schemaId >>> 16);
    out.write(schemaId >>> 8);
    out.write(schemaId);
  }

  /**
   * The schema id in a payload's header.
   *
   * @throws AvroDeserializationException with reason TRUNCATED or WRONG_MAGIC_BYTE
   */
  public static int schemaId(String topic, byte[] payload) {
    if (payload.length < HEADER_SIZE) {
      throw new AvroDeserializationException(topic, Reason.TRUNCATED, null, "payload has " + payload.length
          + " byte(s), fewer than the " + HEADER_SIZE + " of the header (magic byte 0 and a 4-byte schema id)", null);
    }
    if (payload[0] != MAGIC_BYTE) {
      throw new AvroDeserializationException(topic, Reason.WRONG_MAGIC_BYTE, null, String.format(
          "first byte is 0x%02x, not the magic byte 0x00: the value was not written by a schema-registry "
              + "Avro serializer (Confluent wire format)", payload[0] & 0xff), null);
    }
    return ((payload[1] & 0xff) << 24) | ((payload[2] & 0xff) << 16) | ((payload[3] & 0xff) << 8) | (payload[4] & 0xff);
  }
}
