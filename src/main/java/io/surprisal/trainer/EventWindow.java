package io.surprisal.trainer;

import java.util.SplittableRandom;

/**
 * A bounded window of feature vectors with each event's timestamp, partition and offset. Memory is
 * allocated once for {@code capacity} rows and never grows. Not thread-safe: the trainer guards it.
 *
 * <p>{@link #sliding} keeps the newest events; {@link #reservoir} keeps a uniform sample of all events
 * added so far (Vitter 1985, algorithm R: event {@code i} replaces a random slot with probability
 * {@code capacity / i}), deterministic for a seed and an order of events.
 */
public abstract sealed class EventWindow permits EventWindow.Sliding, EventWindow.Reservoir {
  private final int capacity;
  private final int dim;
  private final double[] rows;
  private final long[] timestamps;
  private final int[] partitions;
  private final long[] offsets;
  private int size;
  private long added;

  private EventWindow(int capacity, int dim) {
    if (capacity < 1) {
      throw new IllegalArgumentException("window capacity must be >= 1, got " + capacity);
    }
    if (dim < 1) {
      throw new IllegalArgumentException("window rows need >= 1 value, got " + dim);
    }
    this.capacity = capacity;
    this.dim = dim;
    this.rows = new double[Math.multiplyExact(capacity, dim)];
    this.timestamps = new long[capacity];
    this.partitions = new int[capacity];
    this.offsets = new long[capacity];
  }

  /** A window of the newest {@code capacity} events. */
  public static EventWindow sliding(int capacity, int dim) {
    return new Sliding(capacity, dim);
  }

  /** A uniform sample of {@code capacity} of all events added, chosen with {@code seed}. */
  public static EventWindow reservoir(int capacity, int dim, long seed) {
    return new Reservoir(capacity, dim, seed);
  }

  /** A window of the given mode. */
  public static EventWindow create(WindowMode mode, int capacity, int dim, long seed) {
    return mode == WindowMode.SLIDING ? sliding(capacity, dim) : reservoir(capacity, dim, seed);
  }

  /** Offers one event; {@code row} holds {@link #dim()} values and is copied. */
  public final void add(double[] row, long timestamp, int partition, long offset) {
    if (row.length != dim) {
      throw new IllegalArgumentException("expected " + dim + " values, got " + row.length);
    }
    added++;
    int slot = size < capacity ? size++ : slotFor(added);
    if (slot < 0) {
      return;
    }
    System.arraycopy(row, 0, rows, slot * dim, dim);
    timestamps[slot] = timestamp;
    partitions[slot] = partition;
    offsets[slot] = offset;
  }

  /** Where the {@code n}-th event goes once the window is full, or -1 to drop it. */
  abstract int slotFor(long n);

  public final int size() {
    return size;
  }

  public final int capacity() {
    return capacity;
  }

  public final int dim() {
    return dim;
  }

  /** Events offered so far, kept or not. */
  public final long added() {
    return added;
  }

  /** A copy of the rows held now. */
  public final WindowSnapshot snapshot() {
    double[] r = new double[size * dim];
    System.arraycopy(rows, 0, r, 0, r.length);
    return new WindowSnapshot(dim, r, java.util.Arrays.copyOf(timestamps, size),
        java.util.Arrays.copyOf(partitions, size), java.util.Arrays.copyOf(offsets, size));
  }

  /** The newest events: a full window overwrites its oldest slot. */
  static final class Sliding extends EventWindow {
    private int next;

    Sliding(int capacity, int dim) {
      super(capacity, dim);
    }

    @Override
    int slotFor(long n) {
      int slot = next;
      next = (next + 1) % capacity();
      return slot;
    }
  }

  /** Algorithm R. */
  static final class Reservoir extends EventWindow {
    private final SplittableRandom random;

    Reservoir(int capacity, int dim, long seed) {
      super(capacity, dim);
      this.random = new SplittableRandom(seed);
    }

    @Override
    int slotFor(long n) {
      long j = random.nextLong(n);
      return j < capacity() ? (int) j : -1;
    }
  }
}
