package io.surprisal.flow.train;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How surprisal runs ND4J, measured on 2-core machines:
 *
 * <ul>
 *   <li>One native thread. ND4J's OpenMP and OpenBLAS thread pools spin while they wait; on two
 *       cores they fight the JVM's own threads and a 256x64x64 product took milliseconds instead of
 *       ~0.2 ms. {@code SURPRISAL_ND4J_THREADS} (or {@code -Dsurprisal.nd4j.threads}) overrides.
 *   <li>A memory workspace around each training step: every op result is otherwise a fresh
 *       off-heap allocation, which cost more than the arithmetic at these sizes.
 * </ul>
 */
final class Nd4jRuntime {
  private static final String WORKSPACE = "surprisal-train";
  private static final WorkspaceConfiguration STEP = WorkspaceConfiguration.builder()
      .initialSize(0)
      .overallocationLimit(0.1)
      .policyAllocation(AllocationPolicy.OVERALLOCATE)
      .policyLearning(LearningPolicy.FIRST_LOOP)
      .policySpill(SpillPolicy.REALLOCATE)
      .build();
  private static volatile boolean configured;

  private Nd4jRuntime() {}

  /** Sets ND4J's thread counts once per JVM (idempotent). */
  static void configure() {
    if (configured) {
      return;
    }
    synchronized (Nd4jRuntime.class) {
      if (configured) {
        return;
      }
      int threads = threads();
      Nd4j.getEnvironment().setMaxThreads(threads);
      Nd4j.getEnvironment().setMaxMasterThreads(threads);
      Nd4j.factory().blas().setMaxThreads(threads);
      configured = true;
    }
  }

  static int threads() {
    String v = System.getProperty("surprisal.nd4j.threads", System.getenv("SURPRISAL_ND4J_THREADS"));
    if (v == null || v.isBlank()) {
      return 1;
    }
    try {
      return Math.max(1, Integer.parseInt(v.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("SURPRISAL_ND4J_THREADS must be a positive integer, got '" + v + "'", e);
    }
  }

  /** Opens the per-thread scratch workspace for one step; arrays created inside die with it. */
  static MemoryWorkspace scope() {
    return Nd4j.getWorkspaceManager().getAndActivateWorkspace(STEP, WORKSPACE);
  }

  /** Frees the current thread's scratch workspace (after training). */
  static void release() {
    Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
  }
}
