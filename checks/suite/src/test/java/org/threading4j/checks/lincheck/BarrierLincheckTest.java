package org.threading4j.checks.lincheck;

import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Test;
import org.threading4j.Barrier;
import org.threading4j.BrokenBarrierException;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.specs.BarrierSpec;

/**
 * Linearizability of a one-party barrier against {@link BarrierSpec}: with one party {@code await()} never
 * waits for another thread (it trips at once, and at most waits for a concurrent cycle to drain), so every
 * operation can run under Lincheck. No action: an action is a window in which a concurrent reset or abort
 * cancels the trip, which no atomic specification of {@code await} can describe (the contract suite checks
 * it). Several-party cycles are checked in {@link BarrierConcurrentLincheckTest}.
 */
public class BarrierLincheckTest {

    private final Barrier barrier = new Barrier(1);

    @Operation
    public int await() throws InterruptedException {
        return barrier.await();
    }

    @Operation
    public void abort() {
        barrier.abort();
    }

    @Operation
    public void reset() {
        barrier.reset();
    }

    @Operation
    public boolean isBroken() {
        return barrier.isBroken();
    }

    @Operation
    public int waiting() {
        return barrier.waiting();
    }

    // parties() is a constant: nothing to linearize.

    /** The model behind the same signatures; throws the primitive's exception type, as results must match. */
    public static class Spec {
        private final BarrierSpec spec = new BarrierSpec(1);

        public int await() throws InterruptedException {
            try {
                return spec.await(0); // one party: never waits
            } catch (BarrierSpec.BrokenBarrierError e) {
                throw new BrokenBarrierException();
            }
        }

        public void abort() {
            spec.abort();
        }

        public void reset() {
            spec.reset();
        }

        public boolean isBroken() {
            return spec.isBroken();
        }

        public int waiting() {
            return spec.waiting();
        }
    }


    @Test
    @Verifies(primitive = "Barrier", property = "linearizable: one-party await, abort, reset, isBroken, waiting",
            tool = Tool.LINCHECK_STRESS)
    void stress() {
        LincheckBounds.Bounds b = LincheckBounds.BARRIER_STRESS;
        b.stress().minimizeFailedScenario(false).sequentialSpecification(Spec.class).check(BarrierLincheckTest.class);
        Evidence.explored(b.explored(), "invocations");
    }

    @Test
    @Verifies(primitive = "Barrier", property = "linearizable: one-party await, abort, reset, isBroken, waiting",
            tool = Tool.LINCHECK_MODEL)
    void modelChecking() {
        LincheckBounds.Bounds b = LincheckBounds.BARRIER_MODEL;
        b.modelChecking().sequentialSpecification(Spec.class).check(BarrierLincheckTest.class);
        Evidence.explored(b.explored(), "invocations");
    }
}
