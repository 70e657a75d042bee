package org.threading4j.checks.vthreads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.threading4j.Condition;
import org.threading4j.Event;
import org.threading4j.Held;
import org.threading4j.checks.support.Depth;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Threads;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.checks.support.Workers;

/**
 * 10,000 virtual threads on one Condition (its own RLock): half hand items to the other half, which wait
 * for them with {@code waitFor}, a tenth of them through a timed wait that keeps timing out and retrying;
 * every item is taken exactly once and every thread finishes. Producers start only once a number of
 * consumers have found no item and gone to wait, so the waiting path is exercised on every run (read from
 * a counter, not hoped for). The run is checked for pinning by {@link PinDetector}.
 */
class ConditionVirtualThreadsTest {

    static final int THREADS = Depth.pick(10_000, 50_000);
    /** Consumers that must be waiting before the producers are let in. */
    private static final int WAITING_FIRST = 100;

    static final class PinsInClinitForCondition {
        static {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }

        static void touch() {
        }
    }

    @Test
    @Verifies(primitive = "Condition", property = "10,000 virtual threads: hand-offs through waitFor/signal all complete, 0 pinned (JFR)", tool = Tool.VIRTUAL_THREADS)
    void handOffsOnVirtualThreads() {
        int[] result = new int[3];
        PinDetector.assertNoPinning(() -> handOffs(200, result), () -> handOffs(THREADS, result),
                PinsInClinitForCondition::touch);
        int waited = result[0], timeouts = result[1];
        assertTrue(waited >= WAITING_FIRST, "at least " + WAITING_FIRST + " consumers waited: " + waited);
        Evidence.explored(THREADS, "virtual threads (" + waited + " waited, " + timeouts
                + " timed waits timed out and retried), 0 pinned");
    }

    /** {@code n} threads, half producers; result[0] = consumers that waited, result[1] = timed-out waits. */
    private static void handOffs(int n, int[] result) {
        Condition c = new Condition();
        int[] items = {0};
        int[] taken = {0};
        AtomicInteger waited = new AtomicInteger();
        AtomicInteger timeouts = new AtomicInteger();
        Event producersGo = new Event();
        int waitingFirst = Math.min(WAITING_FIRST, n / 4);
        Workers w = Workers.start("cond-vt", n, id -> {
            if (id % 2 == 0) {
                producersGo.await();
            }
            try (Held h = c.hold()) {
                if (id % 2 == 0) {
                    items[0]++;
                    c.signal();
                } else {
                    if (items[0] == 0) {
                        waited.incrementAndGet();
                    }
                    if (id % 10 == 1) {
                        while (!c.waitFor(() -> items[0] > 0, Duration.ofMillis(1))) {
                            timeouts.incrementAndGet(); // a timed-out waiter must not have used a signal up
                        }
                    } else {
                        c.waitFor(() -> items[0] > 0);
                    }
                    items[0]--;
                    taken[0]++;
                }
            }
        }, Thread.ofVirtual().factory());
        Threads.awaitCondition(waitingFirst + " consumers waiting before any producer runs", PinDetector.LIMIT,
                () -> waited.get() >= waitingFirst);
        producersGo.set();
        w.join(PinDetector.LIMIT);
        try (Held h = c.hold()) { // the lock orders the workers' plain writes before these reads
            assertEquals(0, items[0]);
            assertEquals(n / 2, taken[0]);
        }
        assertFalse(c.locked());
        result[0] = waited.get();
        result[1] = timeouts.get();
    }
}
