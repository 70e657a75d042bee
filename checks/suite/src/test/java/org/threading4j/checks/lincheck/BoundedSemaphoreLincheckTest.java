package org.threading4j.checks.lincheck;

import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.junit.jupiter.api.Test;
import org.threading4j.BoundedSemaphore;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.specs.BoundedSemaphoreSpec;

/**
 * {@code BoundedSemaphore(2)} with one permit taken (value 1, bound 2), linearizable against
 * {@link BoundedSemaphoreSpec}. The starting point makes the bound bite at once: two concurrent
 * {@code release()} must leave exactly one {@code IllegalStateException} (a bound check separate from the
 * increment lets both through, and no sequential order explains that), and {@code release(n)} with n from 0
 * to 3 covers IAE, all-or-nothing refusal and plain success.
 */
@Param(name = "n", gen = IntGen.class, conf = "0:3")
public class BoundedSemaphoreLincheckTest {

    /** The model of the same starting point: BoundedSemaphore(2) after one tryAcquire(). */
    public static class Spec extends BoundedSemaphoreSpec {
        public Spec() {
            super(2);
            tryAcquire();
        }
    }

    private final BoundedSemaphore sem = new BoundedSemaphore(2);

    public BoundedSemaphoreLincheckTest() {
        sem.tryAcquire();
    }

    @Operation
    public boolean tryAcquire() {
        return sem.tryAcquire();
    }

    @Operation
    public void release() {
        sem.release();
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
    @Verifies(primitive = "BoundedSemaphore", property = "bound check and increment atomic; ISE all-or-nothing; linearizable", tool = Tool.LINCHECK_STRESS)
    void stress() {
        LincheckBounds.Bounds b = LincheckBounds.BOUNDED_SEMAPHORE_STRESS;
        b.stress().sequentialSpecification(Spec.class)
                .check(BoundedSemaphoreLincheckTest.class);
        Evidence.explored(b.explored(), "invocations");
    }

    @Test
    @Verifies(primitive = "BoundedSemaphore", property = "bound check and increment atomic; ISE all-or-nothing; linearizable", tool = Tool.LINCHECK_MODEL)
    public void modelChecking() {
        LincheckBounds.Bounds b = LincheckBounds.BOUNDED_SEMAPHORE_MODEL;
        b.modelChecking().sequentialSpecification(Spec.class)
                .check(BoundedSemaphoreLincheckTest.class);
        Evidence.explored(b.explored(), "invocations");
    }
}
