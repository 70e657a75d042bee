package org.threading4j.checks.lincheck;

import java.time.Duration;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.ThreadIdGen;
import org.junit.jupiter.api.Test;
import org.threading4j.RLock;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.specs.RLockSpec;

/**
 * RLock's timed acquire (recursive for the owner, waiting 1 ms otherwise) is linearizable as
 * {@code tryAcquire()}. Stress only; no init/post part (see {@link RLockLincheckTest}).
 */
@Param(name = "tid", gen = ThreadIdGen.class)
public class RLockTimedLincheckTest extends LincheckBounds {

    private static final Duration TIMEOUT = Duration.ofMillis(1);
    private final RLock rlock = new RLock();

    @Operation
    public boolean tryAcquireTimed(@Param(name = "tid") int tid) throws InterruptedException {
        return rlock.tryAcquire(TIMEOUT);
    }

    @Operation
    public void release(@Param(name = "tid") int tid) {
        rlock.release();
    }

    @Operation
    public int holdCount(@Param(name = "tid") int tid) {
        return rlock.holdCount();
    }

    @Operation
    public boolean locked(@Param(name = "tid") int tid) {
        return rlock.locked();
    }

    /** RLockSpec, with the timed acquire modelled as a try. */
    public static class Spec extends RLockSpec {
        public boolean tryAcquireTimed(int tid) {
            return tryAcquire(tid);
        }
    }

    @Test
    @Verifies(primitive = "RLock", property = "linearizable: tryAcquire(1 ms) with release, holdCount, locked", tool = Tool.LINCHECK_STRESS)
    public void stress() {
        check(timedStress().actorsBefore(0).actorsAfter(0).actorsPerThread(4).sequentialSpecification(Spec.class),
                RLockTimedLincheckTest.class, ITERATIONS, TIMED_INVOCATIONS);
    }
}
