package org.threading4j.checks.lincheck;

import java.time.Duration;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Test;
import org.threading4j.Lock;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.specs.LockSpec;

/**
 * A timed acquire is linearizable as {@code tryAcquire()}: it succeeds iff the lock was free at some point
 * of its call, and a timed-out call leaves the lock as it was. Stress only (model checking freezes time).
 */
public class LockTimedLincheckTest extends LincheckBounds {

    private static final Duration TIMEOUT = Duration.ofMillis(1);
    private final Lock lock = new Lock();

    @Operation
    public boolean tryAcquire() {
        return lock.tryAcquire();
    }

    @Operation
    public boolean tryAcquireTimed() throws InterruptedException {
        return lock.tryAcquire(TIMEOUT);
    }

    @Operation
    public void release() {
        lock.release();
    }

    @Operation
    public boolean locked() {
        return lock.locked();
    }

    /** LockSpec, with the timed acquire modelled as a try: waiting does not change the outcome's meaning. */
    public static class Spec extends LockSpec {
        public boolean tryAcquireTimed() {
            return tryAcquire();
        }
    }

    @Test
    @Verifies(primitive = "Lock", property = "linearizable: tryAcquire(1 ms) with tryAcquire, release, locked", tool = Tool.LINCHECK_STRESS)
    public void stress() {
        check(timedStress().sequentialSpecification(Spec.class), LockTimedLincheckTest.class, ITERATIONS, TIMED_INVOCATIONS);
    }
}
