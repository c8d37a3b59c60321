package io.surprisal.flow.kernel;

/**
 * Where the kernels meet {@code jdk.incubator.vector}: whether it may be used, and loading the
 * classes that link against it reflectively, so that nothing else in the project does.
 */
final class VectorApi {
  private VectorApi() {}

  /**
   * The incubator module is in the boot layer ({@code --add-modules jdk.incubator.vector}, as
   * {@code bin/surprisal} and the tests pass) and {@code -Dsurprisal.kernel.scalar=true} is not set.
   */
  static boolean available() {
    return !Boolean.getBoolean("surprisal.kernel.scalar")
        && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
  }

  /**
   * A new {@code className} (a Vector API implementation of {@code type}) built with the
   * constructor taking {@code args}' classes as given, or null when the Vector API is not available
   * or the class does not load.
   */
  static <T> T load(Class<T> type, String className, Class<?>[] parameterTypes, Object... args) {
    if (!available()) {
      return null;
    }
    try {
      return type.cast(Class.forName("io.surprisal.flow.kernel." + className)
          .getDeclaredConstructor(parameterTypes).newInstance(args));
    } catch (ReflectiveOperationException | LinkageError e) {
      return null;
    }
  }
}
