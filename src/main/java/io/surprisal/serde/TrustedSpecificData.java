package io.surprisal.serde;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Conversion;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * A {@link SpecificData} that may instantiate the generated classes of an explicit list of
 * packages, without touching Avro's JVM-wide allow-list.
 *
 * <p>Why: since 1.11.4 Avro loads a class named by a schema only if
 * {@code ClassSecurityValidator}'s global predicate trusts it, which by default means a few
 * {@code java.*} classes plus the packages in the system property
 * {@code org.apache.avro.SERIALIZABLE_PACKAGES}, read once when Avro is loaded. Setting that
 * property, or calling {@code ClassSecurityValidator.setGlobal}, changes process-wide state for
 * every Avro user in the JVM. Instead this instance resolves record, enum and fixed names itself:
 * a name in one of its trusted packages is loaded (without initialising it) from its class loader
 * and used only if it is a generated type (a {@link SpecificRecord}, an enum or a
 * {@link GenericFixed}); any other name goes to Avro's own lookup and so to the global check,
 * which keeps honouring the system property for those who set it.
 *
 * <p>A writer's schema is untrusted input: the trusted packages are what stops it from naming an
 * arbitrary class for the deserializer to instantiate.
 */
final class TrustedSpecificData extends SpecificData {
  private final List<String> packagePrefixes;
  private final ConcurrentMap<String, Optional<Class<?>>> classes = new ConcurrentHashMap<>();

  TrustedSpecificData(ClassLoader loader, Collection<String> trustedPackages) {
    super(loader);
    this.packagePrefixes = trustedPackages.stream()
        .map(p -> p.endsWith(".") ? p : p + ".")
        .toList();
  }

  /** Adds the logical-type conversions that {@code generated}'s own model uses (decimal, timestamps...). */
  void addConversionsOf(Class<?> generated) {
    for (Conversion<?> conversion : SpecificData.getForClass(generated).getConversions()) {
      addLogicalTypeConversion(conversion);
    }
  }

  private boolean isTrusted(String className) {
    return packagePrefixes.stream().anyMatch(className::startsWith);
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Class getClass(Schema schema) {
    switch (schema.getType()) {
      case RECORD, ENUM, FIXED -> {
        String name = getClassName(schema);
        if (isTrusted(name)) {
          return classes.computeIfAbsent(name, this::load).orElse(null);
        }
      }
      default -> { }
    }
    return super.getClass(schema);
  }

  private Optional<Class<?>> load(String name) {
    try {
      Class<?> type = Class.forName(name, false, getClassLoader());
      boolean generated = SpecificRecord.class.isAssignableFrom(type) || type.isEnum()
          || GenericFixed.class.isAssignableFrom(type);
      return generated ? Optional.of(type) : Optional.empty();
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
  }
}
