package io.surprisal.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the Implementation-Version of the jar's manifest, and the JVM. */
final class ManifestVersion implements IVersionProvider {
  static final String UNRELEASED = "(development build)";

  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {
      "surprisal " + (version != null ? version : UNRELEASED),
      "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"
    };
  }
}
