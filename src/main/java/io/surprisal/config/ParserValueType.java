package io.surprisal.config;

import java.util.Objects;
import java.util.function.Function;

/** A {@link ValueType} made of an expectation and a parsing function. */
record ParserValueType<T>(String expectation, Function<String, T> parser) implements ValueType<T> {
  ParserValueType {
    Objects.requireNonNull(expectation, "expectation");
    Objects.requireNonNull(parser, "parser");
  }

  @Override
  public T parse(String text) {
    T value = parser.apply(text.strip());
    if (value == null) {
      throw new IllegalArgumentException("no value");
    }
    return value;
  }
}
