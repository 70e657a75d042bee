package org.threading4j.checks.vthreads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.threading4j.BoundedSemaphore;
import org.threading4j.Held;
import org.threading4j.Semaphore;
import org.threading4j.checks.support.Depth;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.checks.support.Workers;

/**
 * 10,000 virtual threads on one {@code Semaphore(4)} (and as many on a {@code BoundedSemaphore(4)}): each
 * takes a permit in one of the ways there are (hold, acquire, acquireInterruptibly, a timed acquire that
 * retries), checks that at most four are inside, yields, and gives the permit back, sometimes as half of
 * a {@code release(2)} after taking a second. All must finish, the value must end at 4, and the whole run,
 * recorded with JFR, must have no {@code jdk.VirtualThreadPinned} event (threshold 0; see {@link PinDetector}).
 */
class SemaphoreVirtualThreadsTest {

    private static final int PERMITS = 4;

    @Test
    @Verifies(primitive = "Semaphore", property = "10,000 virtual threads finish correctly, 0 pinned (JFR)", tool = Tool.VIRTUAL_THREADS)
    @Verifies(primitive = "BoundedSemaphore", property = "10,000 virtual threads finish correctly, 0 pinned (JFR)", tool = Tool.VIRTUAL_THREADS)
    void tenThousandVirtualThreads() {
        int n = Depth.pick(10_000, 100_000);
        String[] runs = new String[2];
        long pinned = PinDetector.assertNoPinning(
                () -> {
                    run(new Semaphore(PERMITS), 200);
                    run(new BoundedSemaphore(PERMITS), 200);
                },
                () -> {
                    runs[0] = run(new Semaphore(PERMITS), n);
                    runs[1] = run(new BoundedSemaphore(PERMITS), n);
                },
                PinsInClinitForSemaphore::touch);
        System.out.println("[Semaphore] " + runs[0] + "; [BoundedSemaphore] " + runs[1] + "; pinned " + pinned);
        Evidence.explored(n, "virtual threads on Semaphore(4) (" + runs[0] + ")");
        Evidence.explored(n, "virtual threads on BoundedSemaphore(4) (" + runs[1] + "), " + pinned + " pinned");
    }

    /** Parking in a class initializer pins on every JDK since 21: the positive control. */
    static final class PinsInClinitForSemaphore {
        static {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }

        static void touch() {
        }
    }

    private static String run(Semaphore sem, int n) {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        AtomicLong parkedPaths = new AtomicLong();
        long t0 = System.nanoTime();
        Workers.start("vt", n, id -> {
            int taken = 1;
            switch (id % 4) {
                case 0:
                    try (Held h = sem.hold()) {
                        enter(inside, maxInside);
                        return;
                    }
                case 1:
                    if (!sem.tryAcquire()) {
                        parkedPaths.incrementAndGet();
                        sem.acquire();
                    }
                    break;
                case 2:
                    sem.acquireInterruptibly();
                    break;
                default:
                    while (!sem.tryAcquire(Duration.ofMillis(1))) {
                        parkedPaths.incrementAndGet();
                    }
                    if (sem.tryAcquire()) {
                        taken = 2;
                    }
                    break;
            }
            try {
                enter(inside, maxInside);
            } finally {
                sem.release(taken);
            }
        }, Thread.ofVirtual().factory()).join(Duration.ofMinutes(2));
        long ms = (System.nanoTime() - t0) / 1_000_000L;
        assertEquals(PERMITS, sem.value(), "permits conserved");
        assertTrue(maxInside.get() <= PERMITS, "more than " + PERMITS + " inside: " + maxInside.get());
        return n + " threads in " + ms + " ms, max inside " + maxInside.get() + ", slow paths " + parkedPaths.get();
    }

    private static void enter(AtomicInteger inside, AtomicInteger maxInside) {
        int now = inside.incrementAndGet();
        maxInside.accumulateAndGet(now, Math::max);
        Thread.yield();
        inside.decrementAndGet();
    }
}
