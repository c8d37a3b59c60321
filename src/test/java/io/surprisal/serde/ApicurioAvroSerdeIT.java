package io.surprisal.serde;

import io.surprisal.testing.SchemaRegistryFixture;

/** The serde contract through Apicurio Registry's ccompat API (or {@code $SCHEMA_REGISTRY_URL}). */
class ApicurioAvroSerdeIT extends AvroSerdeContract {
  @Override
  protected String registryUrl() {
    return SchemaRegistryFixture.url();
  }
}
