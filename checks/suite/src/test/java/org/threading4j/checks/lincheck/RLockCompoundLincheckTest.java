package org.threading4j.checks.lincheck;

import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Test;
import org.threading4j.Held;
import org.threading4j.RLock;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/**
 * Mutual exclusion, recursion and progress through RLock's blocking forms, each inside an operation that
 * releases every hold it took (see {@link LockCompoundLincheckTest} for why). Inside, the hold count must
 * read 2 (an operation returns -1 if not), and outside every operation a thread owns nothing.
 */
public class RLockCompoundLincheckTest extends LincheckBounds {

    private final RLock rlock = new RLock();
    private int counter; // guarded by rlock; deliberately plain

    @Operation
    public int nestedIncrement() {
        rlock.acquire();
        try (Held inner = rlock.hold()) {
            return rlock.holdCount() == 2 && rlock.isHeldByCurrentThread() ? ++counter : -1;
        } finally {
            rlock.release();
        }
    }

    @Operation
    public int nestedIncrementInterruptibly() throws InterruptedException {
        rlock.acquireInterruptibly();
        try {
            rlock.acquireInterruptibly();
            try {
                return rlock.holdCount() == 2 ? ++counter : -1;
            } finally {
                rlock.release();
            }
        } finally {
            rlock.release();
        }
    }

    @Operation
    public int holdCount() {
        return rlock.holdCount();
    }

    /** The sequential specification: a counter; between operations nobody holds the lock. */
    public static class CounterSpec {
        private int counter;

        public int nestedIncrement() {
            return ++counter;
        }

        public int nestedIncrementInterruptibly() {
            return ++counter;
        }

        public int holdCount() {
            return 0;
        }
    }

    @Test
    @Verifies(primitive = "RLock", property = "mutual exclusion, recursion and progress: nested acquire/hold/acquireInterruptibly", tool = Tool.LINCHECK_STRESS)
    public void stress() {
        check(stress(3, 2).minimizeFailedScenario(false).sequentialSpecification(CounterSpec.class),
                RLockCompoundLincheckTest.class, ITERATIONS, INVOCATIONS);
    }

    @Test
    @Verifies(primitive = "RLock", property = "mutual exclusion, recursion and progress: nested acquire/hold/acquireInterruptibly", tool = Tool.LINCHECK_MODEL)
    public void modelChecking() {
        check(modelChecking(3, 2).minimizeFailedScenario(false).sequentialSpecification(CounterSpec.class),
                RLockCompoundLincheckTest.class, ITERATIONS, INVOCATIONS);
    }
}
