package io.surprisal.bench;

import io.surprisal.flow.FlowSpec;
import io.surprisal.flow.NormalizingFlow;
import io.surprisal.flow.kernel.DenseKernel;
import io.surprisal.flow.train.TrainableFlow;
import io.surprisal.model.Calibration;
import io.surprisal.model.DensityModel;
import io.surprisal.model.FeatureScaling;
import io.surprisal.model.FeatureType;
import io.surprisal.model.Preprocessing;
import io.surprisal.model.TrainingInfo;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Nanoseconds to score one event, one event at a time as the detector does: through the kernel flow
 * ({@link NormalizingFlow#logDensity}) and through the whole model with its preprocessing
 * ({@link DensityModel#logDensity}). Flows have the preset's default sizes and random, non-identity
 * parameters: ActNorm initialised on the events, then every parameter perturbed, so splines have
 * uneven bins and the affine scales are not one.
 *
 * <p>{@code flowScalar} runs in a fork with {@code -Dsurprisal.kernel.scalar=true}, so comparing it
 * with {@code flow} shows what the Vector API kernel gains; the setup fails if a fork did not get the
 * kernel it is meant to measure. After each trial the teardown prints the bytes allocated per event
 * (expected: 0); {@code -prof gc} reports the same as {@code gc.alloc.rate.norm}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class KernelScoringBench {
  private static final int EVENTS = 1024; // a power of two, cycled through

  @Param({"nsf", "maf", "realnvp"})
  public String preset;

  @Param({"8", "32", "128"})
  public int dim;

  private NormalizingFlow flow;
  private NormalizingFlow.Workspace workspace;
  private DensityModel model;
  private double[] flat;
  private double[][] events;
  private int next;
  private String benchmark;

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) {
    benchmark = params.getBenchmark();
    boolean wantScalar = benchmark.endsWith("Scalar");
    if (DenseKernel.vectorized() == wantScalar) {
      throw new IllegalStateException(benchmark + " needs the " + (wantScalar ? "scalar" : "Vector API")
          + " kernel but got the other one");
    }
    SplittableRandom random = new SplittableRandom(dim * 31L + preset.hashCode());
    double[] center = new double[dim];
    double[] scale = new double[dim];
    List<FeatureScaling> scalings = new ArrayList<>();
    for (int j = 0; j < dim; j++) {
      center[j] = 100 * random.nextGaussian();
      scale[j] = Math.exp(random.nextGaussian());
      scalings.add(new FeatureScaling(FeatureType.CONTINUOUS, center[j], scale[j], 0, 0, j % 4 == 3));
    }
    // events: correlated through a shared factor, standardised by the preprocessing
    events = new double[EVENTS][dim];
    double[] z = new double[EVENTS * dim];
    for (int i = 0; i < EVENTS; i++) {
      double common = random.nextGaussian();
      for (int j = 0; j < dim; j++) {
        double t = 0.6 * common + 0.8 * random.nextGaussian();
        z[i * dim + j] = t;
        events[i][j] = center[j] + scale[j] * (j % 4 == 3 ? Math.copySign(Math.expm1(Math.abs(t)), t) : t);
      }
    }
    TrainableFlow trainable = TrainableFlow.create(FlowSpec.preset(preset), dim, 7);
    trainable.initialiseFromData(z, EVENTS);
    double[] p = trainable.snapshot();
    for (int k = 0; k < p.length; k++) {
      p[k] += 0.1 * (2 * random.nextDouble() - 1);
    }
    trainable.restore(p);
    flow = trainable.export();
    workspace = flow.newWorkspace();
    flat = z; // the flow scores the standardised events
    double[] calibration = new double[1000];
    for (int i = 0; i < calibration.length; i++) {
      calibration[i] = dim + 3 * random.nextGaussian();
    }
    TrainingInfo info = new TrainingInfo(EVENTS, EVENTS, 0, calibration.length, 0, 0, Double.NaN, Duration.ZERO, 7,
        Instant.now(), trainable.parameterCount(), "BENCHMARK", List.of());
    List<String> names = new ArrayList<>();
    for (int j = 0; j < dim; j++) {
      names.add("f" + j);
    }
    model = new DensityModel(names, new Preprocessing(scalings), FlowSpec.preset(preset), flow,
        new Calibration(calibration), 0.001, center, info);
  }

  /** Bytes this thread allocates while scoring every event 10 times, now that the code is compiled. */
  @TearDown(Level.Trial)
  public void reportAllocation() {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().threadId();
    long before = threads.getThreadAllocatedBytes(id);
    double sink = 0;
    for (int r = 0; r < 10; r++) {
      for (int i = 0; i < EVENTS; i++) {
        sink += benchmark.endsWith(".model") ? model.logDensity(events[i]) : flow.logDensity(flat, i * dim, workspace);
      }
    }
    long bytes = threads.getThreadAllocatedBytes(id) - before;
    System.out.printf("%n%s %s d=%d: %.3f bytes allocated per event (checksum %.3f)%n", benchmark, preset, dim,
        bytes / (10.0 * EVENTS), sink);
  }

  /** Kernel flow, Vector API dense layers. */
  @Benchmark
  public double flow() {
    int i = next;
    next = (i + 1) & (EVENTS - 1);
    return flow.logDensity(flat, i * dim, workspace);
  }

  /** Kernel flow, scalar dense layers. */
  @Benchmark
  @Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dsurprisal.kernel.scalar=true"})
  public double flowScalar() {
    int i = next;
    next = (i + 1) & (EVENTS - 1);
    return flow.logDensity(flat, i * dim, workspace);
  }

  /** The whole model: input validation, preprocessing (a quarter of the features symlog) and the flow. */
  @Benchmark
  public double model() {
    int i = next;
    next = (i + 1) & (EVENTS - 1);
    return model.logDensity(events[i]);
  }
}
