package org.threading4j.checks.vthreads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;
import org.threading4j.Lock;
import org.threading4j.RLock;
import org.threading4j.checks.support.Depth;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Threads;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.checks.support.Workers;

/**
 * 10,000 virtual threads contend on a Lock and on an RLock (JDK 21+ only: this source directory is
 * compiled only there). Each takes the lock, bumps a plain counter and yields inside the critical section
 * so that others pile up and park. Every count must be right, and JFR must record no
 * {@code jdk.VirtualThreadPinned} event (threshold 0) for the workers: parking in threading4j unmounts the
 * virtual thread instead of pinning its carrier.
 *
 * <p>The detector is proven live in the same recording: after the workload, a control virtual thread parks
 * inside a class initializer, which pins on every JDK since 21, and the test waits for that event. JFR
 * delivers a stream's events in commit order per flush, so once the control's event has arrived, any worker
 * event would have arrived too; that makes the count of worker events final without sleeping.
 */
class LockVirtualThreadsTest {

    private static final int THREADS = Depth.pick(10_000, 50_000);
    private static final Duration LIMIT = Duration.ofMinutes(2);
    private static final String CONTROL = "pin-control";

    /**
     * Parking here pins: a class initializer is a VM frame a virtual thread cannot unmount across. A class
     * is initialised once, so each test has its own.
     */
    static final class PinsInClinitForLock {
        static {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }

        static void touch() {
        }
    }

    /** As {@link PinsInClinitForLock}, for the RLock test. */
    static final class PinsInClinitForRLock {
        static {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }

        static void touch() {
        }
    }

    /** The workload under a JFR stream; returns the pinned events of threads other than the control. */
    private static long pinnedEventsDuring(Runnable workload, Runnable pinningControl) {
        ConcurrentLinkedQueue<String> pinned = new ConcurrentLinkedQueue<>();
        AtomicInteger controlEvents = new AtomicInteger();
        try (RecordingStream rs = new RecordingStream()) {
            rs.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
            rs.onEvent("jdk.VirtualThreadPinned", e -> {
                String name = threadName(e);
                if (CONTROL.equals(name)) {
                    controlEvents.incrementAndGet();
                } else {
                    pinned.add(name + ": " + e);
                }
            });
            rs.startAsync();
            workload.run();
            Thread control = Thread.ofVirtual().name(CONTROL).start(pinningControl);
            try {
                assertTrue(control.join(LIMIT), "control thread finished");
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            Threads.awaitCondition("the positive control's pinned event arrives (the detector works)",
                    () -> controlEvents.get() > 0);
        }
        assertEquals(java.util.List.of(), java.util.List.copyOf(pinned), "pinned events of worker threads");
        return pinned.size();
    }

    private static String threadName(RecordedEvent e) {
        RecordedThread t = e.getThread("eventThread");
        return t == null ? "?" : t.getJavaName();
    }

    @Test
    @Verifies(primitive = "Lock", property = "10,000 virtual threads: mutual exclusion, no pinning (JFR), detector proven by a control", tool = Tool.VIRTUAL_THREADS)
    void lockDoesNotPin() {
        Lock lock = new Lock();
        int[] counter = {0};
        AtomicInteger contended = new AtomicInteger();
        long pinned = pinnedEventsDuring(() -> Workers.start("lock-vt", THREADS, id -> {
            if (!lock.tryAcquire()) {
                contended.incrementAndGet();
                lock.acquire(); // parks: must unmount, not pin
            }
            try {
                counter[0]++;
                Thread.yield();
            } finally {
                lock.release();
            }
        }, Thread.ofVirtual().factory()).join(LIMIT), PinsInClinitForLock::touch);
        assertEquals(THREADS, counter[0], "every increment counted");
        assertFalse(lock.locked());
        assertTrue(contended.get() > 0, "the lock was contended");
        Evidence.explored(THREADS, "virtual threads");
        Evidence.explored(contended.get(), "contended acquires");
        Evidence.explored(pinned, "pinned events");
    }

    @Test
    @Verifies(primitive = "RLock", property = "10,000 virtual threads: mutual exclusion with recursion, no pinning (JFR), detector proven by a control", tool = Tool.VIRTUAL_THREADS)
    void rlockDoesNotPin() {
        RLock rlock = new RLock();
        int[] counter = {0};
        AtomicInteger contended = new AtomicInteger();
        AtomicInteger badCounts = new AtomicInteger();
        long pinned = pinnedEventsDuring(() -> Workers.start("rlock-vt", THREADS, id -> {
            if (!rlock.tryAcquire()) {
                contended.incrementAndGet();
                rlock.acquire();
            }
            try {
                rlock.acquire(); // recursive: never waits
                counter[0]++;
                Thread.yield();
                if (rlock.holdCount() != 2) {
                    badCounts.incrementAndGet();
                }
                rlock.release();
            } finally {
                rlock.release();
            }
        }, Thread.ofVirtual().factory()).join(LIMIT), PinsInClinitForRLock::touch);
        assertEquals(THREADS, counter[0], "every increment counted");
        assertEquals(0, badCounts.get(), "hold count 2 inside every nested section");
        assertFalse(rlock.locked());
        assertTrue(contended.get() > 0, "the lock was contended");
        Evidence.explored(THREADS, "virtual threads");
        Evidence.explored(contended.get(), "contended acquires");
        Evidence.explored(pinned, "pinned events");
    }
}
