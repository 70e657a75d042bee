package org.threading4j.checks.vthreads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;
import org.threading4j.Condition;
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
 * every item is taken exactly once and every thread finishes. The run is recorded with JFR: no
 * {@code jdk.VirtualThreadPinned} event (threshold 0) may come from a worker. A control virtual thread that
 * parks in a class initializer (which pins) proves the detector live, and since JFR delivers events in
 * commit order, once its event has arrived every worker event would have too.
 */
class ConditionVirtualThreadsTest {

    static final int THREADS = Depth.pick(10_000, 50_000);
    static final Duration LIMIT = Duration.ofMinutes(2);
    static final String CONTROL = "pin-control";

    static final class PinsInClinitForCondition {
        static {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }

        static void touch() {
        }
    }

    /** Runs {@code workload} under JFR; fails on any worker pin; {@code control} must pin. */
    static void assertNoPinning(Runnable workload, Runnable control) {
        ConcurrentLinkedQueue<String> pinned = new ConcurrentLinkedQueue<>();
        AtomicInteger controlEvents = new AtomicInteger();
        try (RecordingStream rs = new RecordingStream()) {
            rs.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
            rs.onEvent("jdk.VirtualThreadPinned", e -> {
                RecordedThread t = e.getThread("eventThread");
                String name = t == null ? "?" : t.getJavaName();
                if (CONTROL.equals(name)) {
                    controlEvents.incrementAndGet();
                } else {
                    pinned.add(name + ": " + e);
                }
            });
            rs.startAsync();
            workload.run();
            Thread c = Thread.ofVirtual().name(CONTROL).start(control);
            try {
                assertTrue(c.join(LIMIT), "control thread finished");
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            Threads.awaitCondition("the positive control's pinned event arrives (the detector works)",
                    () -> controlEvents.get() > 0);
        }
        assertEquals(List.of(), List.copyOf(pinned), "pinned events of worker threads");
    }

    @Test
    @Verifies(primitive = "Condition", property = "10,000 virtual threads: hand-offs through waitFor/signal all complete, 0 pinned (JFR)", tool = Tool.VIRTUAL_THREADS)
    void handOffsOnVirtualThreads() {
        Condition c = new Condition();
        int[] items = {0};
        int[] taken = {0};
        AtomicInteger waited = new AtomicInteger();
        AtomicInteger timeouts = new AtomicInteger();
        assertNoPinning(() -> Workers.start("cond-vt", THREADS, id -> {
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
        }, Thread.ofVirtual().factory()).join(LIMIT), PinsInClinitForCondition::touch);
        assertEquals(0, items[0]);
        assertEquals(THREADS / 2, taken[0]);
        assertFalse(c.locked());
        assertTrue(waited.get() > 0, "some consumers had to wait");
        Evidence.explored(THREADS, "virtual threads (" + waited.get() + " waited, " + timeouts.get()
                + " timed waits timed out and retried), 0 pinned");
    }
}
