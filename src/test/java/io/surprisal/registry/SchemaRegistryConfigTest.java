package io.surprisal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class SchemaRegistryConfigTest {

  @Test
  void parse_severalUrls_keepsThemInOrderWithoutTrailingSlash() {
    var config = SchemaRegistryConfig.parse(Map.of(SchemaRegistryConfig.URL,
        " http://a:8081/ , https://b.example/apis/ccompat/v7/"));

    assertThat(config.urls()).containsExactly(URI.create("http://a:8081"), URI.create("https://b.example/apis/ccompat/v7"));
    assertThat(config.userInfo()).isEmpty();
    assertThat(config.maxRetries()).isEqualTo(3);
    assertThat(config.latestCacheExpires()).isFalse();
  }

  @Test
  void parse_numbersAsStringsOrNumbers_areRead() {
    var config = SchemaRegistryConfig.parse(Map.of(SchemaRegistryConfig.URL, "http://a",
        SchemaRegistryConfig.MAX_RETRIES, "5", SchemaRegistryConfig.RETRIES_WAIT_MS, 20L,
        SchemaRegistryConfig.LATEST_CACHE_TTL_SEC, 30));

    assertThat(config.maxRetries()).isEqualTo(5);
    assertThat(config.retryWait()).isEqualTo(Duration.ofMillis(20));
    assertThat(config.latestCacheTtl()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void parse_missingUrl_failsNamingTheKey() {
    assertThatThrownBy(() -> SchemaRegistryConfig.parse(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(SchemaRegistryConfig.URL);
  }

  @Test
  void parse_urlWithoutHttpScheme_failsNamingTheValue() {
    assertThatThrownBy(() -> SchemaRegistryConfig.parse(Map.of(SchemaRegistryConfig.URL, "localhost:8081")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("localhost:8081")
        .hasMessageContaining("http://");
  }

  @Test
  void parse_negativeRetries_failsNamingKeyAndValue() {
    assertThatThrownBy(() -> SchemaRegistryConfig.parse(Map.of(SchemaRegistryConfig.URL, "http://a",
        SchemaRegistryConfig.MAX_RETRIES, "-1")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(SchemaRegistryConfig.MAX_RETRIES)
        .hasMessageContaining("-1");
  }

  @Test
  void parse_userInfoSource_takesTheCredentials() {
    var config = SchemaRegistryConfig.parse(Map.of(SchemaRegistryConfig.URL, "http://a",
        SchemaRegistryConfig.CREDENTIALS_SOURCE, "USER_INFO", SchemaRegistryConfig.USER_INFO, "fred:s3cret"));

    assertThat(config.userInfo()).contains("fred:s3cret");
    assertThat(config.toString()).doesNotContain("s3cret");
  }

  @Test
  void parse_legacyPrefixedAuthKeys_areAccepted() {
    var config = SchemaRegistryConfig.parse(Map.of(SchemaRegistryConfig.URL, "http://a",
        "schema.registry.basic.auth.credentials.source", "USER_INFO",
        "schema.registry.basic.auth.user.info", "fred:pw"));

    assertThat(config.userInfo()).contains("fred:pw");
  }

  @Test
  void parse_urlSource_takesUserInfoFromTheUrlAndStripsIt() {
    var config = SchemaRegistryConfig.parse(Map.of(SchemaRegistryConfig.URL, "http://fred:pw@a:8081"));

    assertThat(config.userInfo()).isEqualTo(Optional.of("fred:pw"));
    assertThat(config.urls()).isEqualTo(List.of(URI.create("http://a:8081")));
  }

  @Test
  void parse_userInfoSourceWithoutUserInfo_failsNamingTheMissingKey() {
    assertThatThrownBy(() -> SchemaRegistryConfig.parse(Map.of(SchemaRegistryConfig.URL, "http://a",
        SchemaRegistryConfig.CREDENTIALS_SOURCE, "USER_INFO")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(SchemaRegistryConfig.USER_INFO);
  }

  @Test
  void parse_userInfoWithoutColon_failsWithoutEchoingTheSecret() {
    assertThatThrownBy(() -> SchemaRegistryConfig.parse(Map.of(SchemaRegistryConfig.URL, "http://a",
        SchemaRegistryConfig.CREDENTIALS_SOURCE, "USER_INFO", SchemaRegistryConfig.USER_INFO, "tokenonly")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("user:password")
        .hasMessageNotContaining("tokenonly");
  }

  @Test
  void parse_unsupportedCredentialsSource_failsNamingIt() {
    assertThatThrownBy(() -> SchemaRegistryConfig.parse(Map.of(SchemaRegistryConfig.URL, "http://a",
        SchemaRegistryConfig.CREDENTIALS_SOURCE, "SASL_INHERIT")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SASL_INHERIT")
        .hasMessageContaining("USER_INFO");
  }

  @Test
  void parse_badUrlWithCredentials_hidesThemInTheMessage() {
    assertThatThrownBy(() -> SchemaRegistryConfig.parse(Map.of(SchemaRegistryConfig.URL, "ftp://fred:pw@a")))
        .isInstanceOf(ConfigException.class)
        .hasMessageNotContaining("fred:pw");
  }
}
