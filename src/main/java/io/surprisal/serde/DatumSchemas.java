package io.surprisal.serde;

import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.util.Utf8;

/**
 * The Avro schema of a value to serialize: its own for records, enums and fixed values, and
 * the primitive schema for Java primitives (as Confluent's serializer maps them).
 */
final class DatumSchemas {
  private DatumSchemas() {}

  static Schema of(String topic, Object value) {
    if (value instanceof GenericContainer container) {
      return container.getSchema();
    }
    Schema.Type type = switch (value) {
      case CharSequence s -> Schema.Type.STRING;
      case Integer i -> Schema.Type.INT;
      case Long l -> Schema.Type.LONG;
      case Float f -> Schema.Type.FLOAT;
      case Double d -> Schema.Type.DOUBLE;
      case Boolean b -> Schema.Type.BOOLEAN;
      case byte[] bytes -> Schema.Type.BYTES;
      case ByteBuffer buffer -> Schema.Type.BYTES;
      default -> throw new AvroSerializationException(topic, null, "cannot serialize a "
          + value.getClass().getName() + ": expected an Avro record (GenericRecord or SpecificRecord), "
          + "enum, fixed, or a String, Integer, Long, Float, Double, Boolean or byte[]");
    };
    return Schema.create(type);
  }

  /** Turns a primitive as Avro hands it out (Utf8, ByteBuffer) into what was given (String, byte[]). */
  static Object toJava(Object value) {
    if (value instanceof Utf8 utf8) {
      return utf8.toString();
    }
    if (value instanceof ByteBuffer buffer) {
      byte[] bytes = new byte[buffer.remaining()];
      buffer.duplicate().get(bytes);
      return bytes;
    }
    return value;
  }

  /** Avro's writer wants a ByteBuffer for bytes. */
  static Object toAvro(Object value) {
    return value instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : value;
  }
}
