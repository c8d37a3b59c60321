package io.surprisal.config;

/**
 * The text of a setting as written, and where it was written: {@code "detector.properties line 3"},
 * {@code "environment variable SURPRISAL_BOOTSTRAP_SERVERS"}, {@code "--set"}.
 */
record ConfigValue(String text, String origin) {}
