package org.threading4j.checks.lincheck;

import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Test;
import org.threading4j.Lock;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.specs.LockSpec;

/**
 * Lock's non-blocking surface is linearizable to {@link LockSpec}: {@code tryAcquire}, {@code release}
 * (its {@code IllegalMonitorStateException} is a result that must match) and {@code locked}, from any
 * thread (a release from another thread is legal). Blocking forms are in {@link LockCompoundLincheckTest}.
 */
public class LockLincheckTest extends LincheckBounds {

    private final Lock lock = new Lock();

    @Operation
    public boolean tryAcquire() {
        return lock.tryAcquire();
    }

    @Operation
    public void release() {
        lock.release();
    }

    @Operation
    public boolean locked() {
        return lock.locked();
    }

    @Test
    @Verifies(primitive = "Lock", property = "linearizable: tryAcquire, release (any thread), locked", tool = Tool.LINCHECK_STRESS)
    public void stress() {
        check(stress(2, 3).sequentialSpecification(LockSpec.class), LockLincheckTest.class, ITERATIONS, INVOCATIONS);
    }

    @Test
    @Verifies(primitive = "Lock", property = "linearizable: tryAcquire, release (any thread), locked", tool = Tool.LINCHECK_MODEL)
    public void modelChecking() {
        check(modelChecking(2, 3).sequentialSpecification(LockSpec.class), LockLincheckTest.class, ITERATIONS, INVOCATIONS);
    }
}
