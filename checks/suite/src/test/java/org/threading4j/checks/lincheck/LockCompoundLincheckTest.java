package org.threading4j.checks.lincheck;

import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Test;
import org.threading4j.Held;
import org.threading4j.Lock;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/**
 * Mutual exclusion and progress through Lock's blocking forms. A bare {@code acquire()} cannot be a
 * Lincheck operation (any scenario with two acquires and no release hangs until Lincheck's timeout), so each
 * blocking form sits inside an operation that always releases: {@code acquire}, {@code acquireInterruptibly}
 * and {@code hold()} each guard a plain, non-atomic counter. A lost update, a double grant or a lost
 * wake-up that Lincheck can see breaks linearizability to a plain counter ({@link CounterSpec}).
 * {@code locked()} is left out: mid-operation it is legitimately true, which a counter cannot express.
 */
public class LockCompoundLincheckTest extends LincheckBounds {

    private final Lock lock = new Lock();
    private int counter; // guarded by lock; deliberately plain

    @Operation
    public int increment() {
        lock.acquire();
        try {
            return ++counter;
        } finally {
            lock.release();
        }
    }

    @Operation
    public int incrementInterruptibly() throws InterruptedException {
        lock.acquireInterruptibly();
        try {
            return ++counter;
        } finally {
            lock.release();
        }
    }

    @Operation
    public int incrementWithHold() {
        try (Held h = lock.hold()) {
            return ++counter;
        }
    }

    /** The sequential specification: the lock makes each operation atomic. */
    public static class CounterSpec {
        private int counter;

        public int increment() {
            return ++counter;
        }

        public int incrementInterruptibly() {
            return ++counter;
        }

        public int incrementWithHold() {
            return ++counter;
        }
    }

    @Test
    @Verifies(primitive = "Lock", property = "mutual exclusion and progress: acquire, acquireInterruptibly, hold", tool = Tool.LINCHECK_STRESS)
    public void stress() {
        check(stress(3, 2).minimizeFailedScenario(false).sequentialSpecification(CounterSpec.class),
                LockCompoundLincheckTest.class, ITERATIONS, INVOCATIONS);
    }

    @Test
    @Verifies(primitive = "Lock", property = "mutual exclusion and progress: acquire, acquireInterruptibly, hold", tool = Tool.LINCHECK_MODEL)
    public void modelChecking() {
        check(modelChecking(3, 2).minimizeFailedScenario(false).sequentialSpecification(CounterSpec.class),
                LockCompoundLincheckTest.class, ITERATIONS, INVOCATIONS);
    }
}
