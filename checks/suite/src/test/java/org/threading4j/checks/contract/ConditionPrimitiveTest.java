package org.threading4j.checks.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.threading4j.Condition;
import org.threading4j.Held;
import org.threading4j.Lock;
import org.threading4j.RLock;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Threads;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.checks.support.Workers;

/** What only the real Condition has: argument checks, the blocker in thread dumps, real deadlines. */
class ConditionPrimitiveTest {

    private static final String NEGATIVE = "timeout value must be a non-negative number";

    @Test
    @Verifies(primitive = "Condition", property = "null/negative arguments: NPE/IAE (Python's message), checked before ownership, nothing changes", tool = Tool.CONTRACT)
    void argumentsFirst() throws Exception {
        for (Condition c : new Condition[] {new Condition(), new Condition(new Lock()), new Condition(new RLock())}) {
            Duration negative = Duration.ofNanos(-1);
            assertEquals(NEGATIVE, assertThrows(IllegalArgumentException.class, () -> c.await(negative)).getMessage());
            assertEquals(NEGATIVE, assertThrows(IllegalArgumentException.class,
                    () -> c.waitFor(() -> false, negative)).getMessage());
            assertThrows(NullPointerException.class, () -> c.await(null));
            assertThrows(NullPointerException.class, () -> c.waitFor(null));
            assertThrows(NullPointerException.class, () -> c.waitFor(() -> false, null));
            assertThrows(NullPointerException.class, () -> c.tryAcquire(null));
            try (Held h = c.hold()) {
                assertEquals(NEGATIVE, assertThrows(IllegalArgumentException.class, () -> c.await(negative)).getMessage());
                assertTrue(c.locked());
            }
            assertFalse(c.locked());
        }
        assertThrows(NullPointerException.class, () -> new Condition((Lock) null));
        assertThrows(NullPointerException.class, () -> new Condition((RLock) null));
        Evidence.explored(3, "conditions");
    }

    @Test
    @Verifies(primitive = "Condition", property = "a waiting thread's blocker is the condition; huge timeouts mean forever", tool = Tool.CONTRACT)
    void blockerIsTheCondition() {
        Condition c = new Condition();
        AtomicBoolean go = new AtomicBoolean();
        Workers w = Workers.start("cond-blocker", 1, id -> {
            try (Held h = c.hold()) {
                while (!go.get()) {
                    assertTrue(c.await(Duration.ofSeconds(Long.MAX_VALUE)));
                }
            }
        });
        Thread t = w.threads().get(0);
        Threads.awaitParked(t, c);
        assertSame(c, LockSupport.getBlocker(t));
        try (Held h = c.hold()) {
            go.set(true);
            c.signal();
        }
        w.join(Threads.GENEROUS);
        Evidence.explored(1, "scenario");
    }

    @Test
    @Verifies(primitive = "Condition", property = "waitFor(p, t) has one overall deadline: wake-ups do not extend it", tool = Tool.CONTRACT)
    void waitForHasOneDeadline() {
        Condition c = new Condition();
        AtomicBoolean finished = new AtomicBoolean();
        AtomicInteger evaluations = new AtomicInteger();
        Duration timeout = Duration.ofMillis(200);
        long[] elapsed = new long[1];
        Workers waiter = Workers.start("waitFor", 1, id -> {
            try (Held h = c.hold()) {
                long t0 = System.nanoTime();
                boolean r = c.waitFor(() -> {
                    evaluations.incrementAndGet();
                    return false;
                }, timeout);
                elapsed[0] = System.nanoTime() - t0;
                assertFalse(r, "the predicate's last value");
            }
            finished.set(true);
        });
        // A signaller that wakes the waiter again and again: with a deadline restarted per wake-up, waitFor
        // would never return while this runs.
        Workers signaller = Workers.start("signaller", 1, id -> {
            while (!finished.get()) {
                try (Held h = c.hold()) {
                    c.signalAll();
                }
                Thread.yield();
            }
        });
        waiter.join(Duration.ofSeconds(20));
        signaller.join(Threads.GENEROUS);
        assertTrue(elapsed[0] >= timeout.toNanos(), "returned before its deadline: " + elapsed[0] + " ns");
        assertTrue(evaluations.get() >= 2, "the signaller should have woken it at least once");
        Evidence.explored(evaluations.get(), "predicate evaluations within one deadline");
    }
}
