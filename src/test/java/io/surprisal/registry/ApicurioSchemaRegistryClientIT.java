package io.surprisal.registry;

import io.surprisal.testing.SchemaRegistryFixture;

/** The client contract against Apicurio Registry's ccompat API (or {@code $SCHEMA_REGISTRY_URL}). */
class ApicurioSchemaRegistryClientIT extends SchemaRegistryClientContract {
  @Override
  protected String registryUrl() {
    return SchemaRegistryFixture.url();
  }
}
