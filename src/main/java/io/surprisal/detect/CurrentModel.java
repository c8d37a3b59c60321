package io.surprisal.detect;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The model that scores events right now. The global thread {@linkplain #install installs} each
 * accepted version; the scoring processors read it once per record, so a swap takes effect between
 * two records and never inside one. Only newer versions replace the current one.
 *
 * <p>Thread-safe. One instance per detector (never static): every Kafka Streams thread of the
 * detector shares it.
 */
public final class CurrentModel {
  private final AtomicReference<ActiveModel> current = new AtomicReference<>();
  private final List<Consumer<ActiveModel>> listeners = new CopyOnWriteArrayList<>();

  /** The model in force, or null before the first one is installed. */
  public ActiveModel get() {
    return current.get();
  }

  /** The version in force, or empty before the first model. */
  public OptionalLong version() {
    ActiveModel model = current.get();
    return model == null ? OptionalLong.empty() : OptionalLong.of(model.version());
  }

  /**
   * Makes {@code model} the current one if it is newer than the current one, then tells the
   * listeners (on the calling thread).
   *
   * @return false, changing nothing, if the current version is the same or newer
   */
  public boolean install(ActiveModel model) {
    Objects.requireNonNull(model, "model");
    while (true) {
      ActiveModel old = current.get();
      if (old != null && old.version() >= model.version()) {
        return false;
      }
      if (current.compareAndSet(old, model)) {
        listeners.forEach(listener -> listener.accept(model));
        return true;
      }
    }
  }

  /** Calls {@code listener} with every model installed from now on. */
  public void onInstall(Consumer<ActiveModel> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }
}
