package io.surprisal.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Reads a {@code .properties} file in UTF-8 with {@link Properties}' escapes and line
 * continuations, but stricter: every entry must be {@code key=value} or {@code key: value}, a key
 * may appear once, and each error names the file and line.
 */
final class PropertiesFile {
  private PropertiesFile() {}

  /**
   * The file's entries in file order, each with its origin {@code "<file> line <n>"}.
   *
   * @throws ConfigFileException if the file is missing, unreadable, not UTF-8 or malformed
   */
  static Map<String, ConfigValue> read(Path file) {
    String[] lines = decode(file).split("\r\n|\r|\n", -1);
    Map<String, ConfigValue> entries = new LinkedHashMap<>();
    Map<String, Integer> lineOfKey = new LinkedHashMap<>();
    int i = 0;
    while (i < lines.length) {
      int first = i + 1;
      String line = lines[i].stripLeading();
      i++;
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
        continue;
      }
      StringBuilder logical = new StringBuilder();
      while (endsWithContinuation(line) && i < lines.length) {
        logical.append(line, 0, line.length() - 1);
        line = lines[i].stripLeading();
        i++;
      }
      logical.append(line);
      Map.Entry<String, String> entry = parseEntry(file, first, logical.toString());
      Integer previous = lineOfKey.putIfAbsent(entry.getKey(), first);
      if (previous != null) {
        throw new ConfigFileException(
            file, first, "key '" + entry.getKey() + "' is already set on line " + previous);
      }
      entries.put(entry.getKey(), new ConfigValue(entry.getValue(), file + " line " + first));
    }
    return entries;
  }

  private static String decode(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (NoSuchFileException e) {
      throw new ConfigFileException(file, "no such file", e);
    } catch (CharacterCodingException e) {
      throw new ConfigFileException(file, "not valid UTF-8", e);
    } catch (IOException e) {
      throw new ConfigFileException(file, "cannot read it: " + e.getMessage(), e);
    }
  }

  /** A line continues on the next one if it ends in an odd number of backslashes. */
  private static boolean endsWithContinuation(String line) {
    int backslashes = 0;
    for (int j = line.length() - 1; j >= 0 && line.charAt(j) == '\\'; j--) {
      backslashes++;
    }
    return backslashes % 2 == 1;
  }

  /**
   * Checks that the logical line is {@code key=value} or {@code key: value} with a key free of
   * unescaped whitespace, then lets {@link Properties} undo the escapes, so both agree on it.
   */
  private static Map.Entry<String, String> parseEntry(Path file, int lineNumber, String line) {
    int separator = -1;
    boolean whitespaceInKey = false;
    for (int j = 0; j < line.length() && separator < 0; j++) {
      char c = line.charAt(j);
      if (c == '\\') {
        j++;
      } else if (c == '=' || c == ':') {
        separator = j;
      } else if (Character.isWhitespace(c)) {
        whitespaceInKey = true;
      }
    }
    if (separator < 0) {
      throw new ConfigFileException(file, lineNumber, "expected key=value, got \"" + line + "\"");
    }
    if (separator == 0) {
      throw new ConfigFileException(file, lineNumber, "the key before '" + line.charAt(0) + "' is empty");
    }
    String rawKey = line.substring(0, separator).strip();
    if (whitespaceInKey && !rawKey.matches("(\\\\.|\\S)*")) {
      throw new ConfigFileException(
          file, lineNumber, "key \"" + rawKey + "\" contains a space; write it as key=value");
    }
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(line));
    } catch (IllegalArgumentException | IOException e) {
      throw new ConfigFileException(file, lineNumber, "malformed escape: " + e.getMessage());
    }
    String key = properties.stringPropertyNames().iterator().next();
    return Map.entry(key, properties.getProperty(key));
  }
}
