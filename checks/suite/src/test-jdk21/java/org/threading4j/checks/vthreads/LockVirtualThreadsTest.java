package org.threading4j.checks.vthreads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.threading4j.Lock;
import org.threading4j.RLock;
import org.threading4j.checks.support.Depth;
import org.threading4j.checks.support.Evidence;
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
 * <p>The recording, its warm-up and its positive control are {@link PinDetector}'s.
 */
class LockVirtualThreadsTest {

    private static final int THREADS = Depth.pick(10_000, 50_000);

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

    @Test
    @Verifies(primitive = "Lock", property = "10,000 virtual threads: mutual exclusion, no pinning (JFR), detector proven by a control", tool = Tool.VIRTUAL_THREADS)
    void lockDoesNotPin() {
        int[] contended = new int[1];
        long pinned = PinDetector.assertNoPinning(() -> lockRun(100, contended), () -> lockRun(THREADS, contended),
                PinsInClinitForLock::touch);
        assertTrue(contended[0] > 0, "the lock was contended");
        Evidence.explored(THREADS, "virtual threads");
        Evidence.explored(contended[0], "contended acquires");
        Evidence.explored(pinned, "pinned events");
    }

    private static void lockRun(int n, int[] contendedOut) {
        Lock lock = new Lock();
        int[] counter = {0};
        AtomicInteger contended = new AtomicInteger();
        Workers.start("lock-vt", n, id -> {
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
        }, Thread.ofVirtual().factory()).join(PinDetector.LIMIT);
        assertEquals(n, counter[0], "every increment counted");
        assertFalse(lock.locked());
        contendedOut[0] = contended.get();
    }

    @Test
    @Verifies(primitive = "RLock", property = "10,000 virtual threads: mutual exclusion with recursion, no pinning (JFR), detector proven by a control", tool = Tool.VIRTUAL_THREADS)
    void rlockDoesNotPin() {
        int[] contended = new int[1];
        long pinned = PinDetector.assertNoPinning(() -> rlockRun(100, contended),
                () -> rlockRun(THREADS, contended), PinsInClinitForRLock::touch);
        assertTrue(contended[0] > 0, "the lock was contended");
        Evidence.explored(THREADS, "virtual threads");
        Evidence.explored(contended[0], "contended acquires");
        Evidence.explored(pinned, "pinned events");
    }

    private static void rlockRun(int n, int[] contendedOut) {
        RLock rlock = new RLock();
        int[] counter = {0};
        AtomicInteger contended = new AtomicInteger();
        AtomicInteger badCounts = new AtomicInteger();
        Workers.start("rlock-vt", n, id -> {
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
        }, Thread.ofVirtual().factory()).join(PinDetector.LIMIT);
        assertEquals(n, counter[0], "every increment counted");
        assertEquals(0, badCounts.get(), "hold count 2 inside every nested section");
        assertFalse(rlock.locked());
        contendedOut[0] = contended.get();
    }
}
