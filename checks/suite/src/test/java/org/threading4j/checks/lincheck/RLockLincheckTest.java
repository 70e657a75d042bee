package org.threading4j.checks.lincheck;

import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.ThreadIdGen;
import org.junit.jupiter.api.Test;
import org.threading4j.RLock;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.specs.RLockSpec;

/**
 * RLock's non-blocking surface is linearizable to {@link RLockSpec}. Each operation receives the id of the
 * Lincheck thread running it ({@link ThreadIdGen}); the real RLock ignores it (it uses the current thread)
 * and the spec uses it as the caller, so ownership, recursion and non-owner releases are all checked.
 *
 * <p>No init or post part: Lincheck runs them on one thread but hands their actors different thread ids,
 * which would make the spec's callers disagree with the real threads. Four actors per thread make up for it.
 */
@Param(name = "tid", gen = ThreadIdGen.class)
public class RLockLincheckTest extends LincheckBounds {

    private final RLock rlock = new RLock();

    @Operation
    public boolean tryAcquire(@Param(name = "tid") int tid) {
        return rlock.tryAcquire();
    }

    @Operation
    public void release(@Param(name = "tid") int tid) {
        rlock.release();
    }

    @Operation
    public boolean locked(@Param(name = "tid") int tid) {
        return rlock.locked();
    }

    @Operation
    public boolean isHeldByCurrentThread(@Param(name = "tid") int tid) {
        return rlock.isHeldByCurrentThread();
    }

    @Operation
    public int holdCount(@Param(name = "tid") int tid) {
        return rlock.holdCount();
    }

    @Test
    @Verifies(primitive = "RLock", property = "linearizable: tryAcquire (recursive), release (owner only), locked, holdCount, isHeldByCurrentThread", tool = Tool.LINCHECK_STRESS)
    public void stress() {
        check(stress(2, 4).actorsBefore(0).actorsAfter(0).sequentialSpecification(RLockSpec.class), RLockLincheckTest.class, ITERATIONS, INVOCATIONS);
    }

    @Test
    @Verifies(primitive = "RLock", property = "linearizable: tryAcquire (recursive), release (owner only), locked, holdCount, isHeldByCurrentThread", tool = Tool.LINCHECK_MODEL)
    public void modelChecking() {
        check(modelChecking(2, 4).actorsBefore(0).actorsAfter(0).sequentialSpecification(RLockSpec.class), RLockLincheckTest.class, ITERATIONS, INVOCATIONS);
    }
}
