package org.threading4j.checks.lincheck;

import static org.threading4j.checks.lincheck.ConcurrentScenario.require;

import org.jetbrains.lincheck.Lincheck;
import org.junit.jupiter.api.Test;
import org.threading4j.RLock;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/** Hand-written blocking scenarios for RLock, model-checked with {@code Lincheck.runConcurrentTest}. */
public class RLockConcurrentTest extends LincheckBounds {

    private static final class Box {
        int value; // guarded by the lock; deliberately plain
    }

    private static void nestedIncrement(RLock rlock, Box box) {
        rlock.acquire();
        rlock.acquire();
        require(rlock.holdCount() == 2, "hold count " + rlock.holdCount() + " inside two acquires");
        box.value++;
        rlock.release();
        require(rlock.isHeldByCurrentThread(), "lost ownership after the inner release");
        rlock.release();
        require(!rlock.isHeldByCurrentThread(), "still owner after the last release");
    }

    @Test
    @Verifies(primitive = "RLock", property = "mutual exclusion and recursion of nested acquires under all interleavings", tool = Tool.LINCHECK_CONCURRENT)
    public void twoThreadsNestedIncrement() {
        Lincheck.runConcurrentTest(CONCURRENT_INVOCATIONS, () -> {
            RLock rlock = new RLock();
            Box box = new Box();
            ConcurrentScenario.start(() -> nestedIncrement(rlock, box), () -> nestedIncrement(rlock, box))
                    .joinAll();
            require(box.value == 2, "lost update: " + box.value);
            require(!rlock.locked(), "left locked");
        });
        Evidence.explored(CONCURRENT_INVOCATIONS, "invocations");
    }

    @Test
    @Verifies(primitive = "RLock", property = "a non-owner's release fails and frees nothing while the owner's release lets a waiter in", tool = Tool.LINCHECK_CONCURRENT)
    public void nonOwnerReleaseFailsOwnerReleaseWakes() {
        Lincheck.runConcurrentTest(CONCURRENT_INVOCATIONS, () -> {
            RLock rlock = new RLock();
            Box box = new Box();
            rlock.acquire(); // main thread owns it
            ConcurrentScenario s = ConcurrentScenario.start(
                    () -> {
                        try {
                            rlock.release();
                            box.value += 100; // must not happen
                        } catch (IllegalMonitorStateException expected) {
                            // never the owner: always refused
                        }
                    },
                    () -> nestedIncrement(rlock, box));
            rlock.release();
            s.joinAll();
            require(box.value == 1, "wrong count: " + box.value);
            require(!rlock.locked(), "left locked");
        });
        Evidence.explored(CONCURRENT_INVOCATIONS, "invocations");
    }
}
