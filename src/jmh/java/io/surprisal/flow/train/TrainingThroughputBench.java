package io.surprisal.flow.train;

import io.surprisal.flow.FlowSpec;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Training rows per second: one {@link TrainableFlow#lossAndGradient} on a minibatch of the default
 * size plus one Adam step, the inner loop of {@link FlowTrainer} without shuffling, validation and
 * early stopping. ND4J runs single-threaded as in training ({@link Nd4jRuntime}).
 *
 * <p>In this package because the optimiser step is package-private: the trainer is the only caller
 * the library wants.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(TrainingThroughputBench.BATCH)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class TrainingThroughputBench {
  /** The default batch size of {@link TrainingConfig#defaults}. */
  static final int BATCH = 256;
  private static final int BATCHES = 16;

  @Param({"nsf", "maf", "realnvp"})
  public String preset;

  @Param({"32"})
  public int dim;

  private TrainableFlow flow;
  private Adam adam;
  private double learningRate;
  private double[][] batches;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    TrainingConfig config = TrainingConfig.defaults(FlowSpec.preset(preset));
    learningRate = config.learningRate();
    SplittableRandom random = new SplittableRandom(dim);
    batches = new double[BATCHES][BATCH * dim];
    double[] all = new double[BATCHES * BATCH * dim];
    for (int i = 0; i < BATCHES * BATCH; i++) {
      double common = random.nextGaussian();
      for (int j = 0; j < dim; j++) {
        all[i * dim + j] = 0.6 * common + 0.8 * random.nextGaussian();
      }
    }
    for (int b = 0; b < BATCHES; b++) {
      System.arraycopy(all, b * BATCH * dim, batches[b], 0, BATCH * dim);
    }
    flow = TrainableFlow.create(config.spec(), dim, 1);
    flow.initialiseFromData(all, BATCHES * BATCH);
    adam = new Adam(flow.store(), 0.9, 0.999, 1e-8, config.clipNorm());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    flow.releaseScratch();
  }

  /** Score: training rows per second. */
  @Benchmark
  public double lossGradientAndStep() {
    double[] x = batches[next];
    next = (next + 1) % BATCHES;
    double loss = flow.lossAndGradient(x, BATCH);
    flow.step(adam, learningRate);
    return loss;
  }
}
