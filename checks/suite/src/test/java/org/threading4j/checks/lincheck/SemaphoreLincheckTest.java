package org.threading4j.checks.lincheck;

import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.junit.jupiter.api.Test;
import org.threading4j.Semaphore;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.specs.SemaphoreSpec;

/**
 * The non-blocking surface of {@code Semaphore()} (one permit), linearizable against {@link SemaphoreSpec}:
 * {@code release(n)} takes n from 0 to 2, so the IAE of {@code release(0)} is a result that must match too.
 * Blocking calls are in {@link SemaphoreHoldLincheckTest} (inside a compound operation that always
 * releases) and timed ones in {@link SemaphoreTimedLincheckTest} (stress only: model checking freezes
 * {@code nanoTime}).
 */
@Param(name = "n", gen = IntGen.class, conf = "0:2")
public class SemaphoreLincheckTest {

    private final Semaphore sem = new Semaphore();

    @Operation
    public boolean tryAcquire() {
        return sem.tryAcquire();
    }

    @Operation
    public void release(@Param(name = "n") int n) {
        sem.release(n);
    }

    @Operation
    public int value() {
        return sem.value();
    }

    @Test
    @Verifies(primitive = "Semaphore", property = "tryAcquire, release(n) incl. IAE, value linearizable vs SemaphoreSpec", tool = Tool.LINCHECK_STRESS)
    void stress() {
        LincheckBounds.Bounds b = LincheckBounds.SEMAPHORE_STRESS;
        b.stress().sequentialSpecification(SemaphoreSpec.class)
                .check(SemaphoreLincheckTest.class);
        Evidence.explored(b.explored(), "invocations");
    }

    @Test
    @Verifies(primitive = "Semaphore", property = "tryAcquire, release(n) incl. IAE, value linearizable vs SemaphoreSpec", tool = Tool.LINCHECK_MODEL)
    void modelChecking() {
        LincheckBounds.Bounds b = LincheckBounds.SEMAPHORE_MODEL;
        b.modelChecking().sequentialSpecification(SemaphoreSpec.class)
                .check(SemaphoreLincheckTest.class);
        Evidence.explored(b.explored(), "invocations");
    }
}
