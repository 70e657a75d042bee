package org.threading4j.checks.lincheck;

import static org.threading4j.checks.lincheck.ConcurrentScenario.require;

import org.jetbrains.lincheck.Lincheck;
import org.junit.jupiter.api.Test;
import org.threading4j.Held;
import org.threading4j.Lock;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/**
 * Hand-written blocking scenarios for Lock, model-checked with {@code Lincheck.runConcurrentTest}: real
 * parking acquires, which the data-structure API cannot take as operations. (Lincheck treats parks as
 * possibly spurious wake-ups, so these catch broken re-checks and mutual exclusion, not lost wake-ups.)
 */
public class LockConcurrentTest extends LincheckBounds {

    private static final class Box {
        int value; // guarded by the lock; deliberately plain
    }

    @Test
    @Verifies(primitive = "Lock", property = "mutual exclusion of acquire, acquireInterruptibly, hold under all interleavings", tool = Tool.LINCHECK_CONCURRENT)
    public void threeThreadsIncrement() {
        Lincheck.runConcurrentTest(CONCURRENT_INVOCATIONS, () -> {
            Lock lock = new Lock();
            Box box = new Box();
            ConcurrentScenario.start(
                    () -> { lock.acquire(); box.value++; lock.release(); },
                    () -> { lock.acquireInterruptibly(); box.value++; lock.release(); },
                    () -> { try (Held h = lock.hold()) { box.value++; } }
            ).joinAll();
            require(box.value == 3, "lost update: " + box.value);
            require(!lock.locked(), "left locked");
        });
        Evidence.explored(CONCURRENT_INVOCATIONS, "invocations");
    }

    @Test
    @Verifies(primitive = "Lock", property = "a release from another thread lets a blocked acquire through", tool = Tool.LINCHECK_CONCURRENT)
    public void releaseFromAnotherThreadLetsAcquireThrough() {
        Lincheck.runConcurrentTest(CONCURRENT_INVOCATIONS, () -> {
            Lock lock = new Lock();
            Box box = new Box();
            lock.acquire(); // by the main thread; released by thread 0
            ConcurrentScenario.start(
                    lock::release,
                    () -> { lock.acquire(); box.value++; lock.release(); }
            ).joinAll();
            require(box.value == 1, "the acquirer did not run: " + box.value);
            require(!lock.locked(), "left locked");
        });
        Evidence.explored(CONCURRENT_INVOCATIONS, "invocations");
    }
}
