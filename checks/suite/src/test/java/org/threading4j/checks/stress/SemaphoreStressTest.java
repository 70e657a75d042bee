package org.threading4j.checks.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;
import org.threading4j.Held;
import org.threading4j.Semaphore;
import org.threading4j.checks.support.Depth;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Threads;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.checks.support.Workers;

/**
 * Many threads on real hardware under a watchdog: what Lincheck cannot see (a missing or miscounted
 * wake-up) and what needs real time (timeouts racing hand-offs).
 */
public class SemaphoreStressTest {

    /** A round that has not finished in this time has a waiter parked with a permit free. */
    private static final Duration ROUND_LIMIT = Threads.GENEROUS;
    /** Workers told to stop that are still parked after this have lost permits (or a wake-up). */
    private static final Duration QUIESCE_LIMIT = Threads.GENEROUS;

    /** The wake-up shapes of a round: waiters parked first, then releases racing from a start gate. */
    private static final int[][] SHAPES = {
        {2, 1, 1},    // JDK-6801020: two waiters, two release(1) racing
        {2, 2},       // one release(2), two waiters
        {3, 2, 1},    // release(2) racing release(1), three waiters
        {4, 2, 2},    // two release(2), four waiters
        {3, 1, 1, 1}, // three release(1), three waiters
    };

    /**
     * Rounds of: waiters park on {@code Semaphore(0)} (each seen parked with the semaphore as its blocker),
     * then releases of exactly as many permits race from a spin gate. Every waiter must get through and
     * the value must end at 0; a wake-up lost between racing releases leaves a waiter parked with a permit
     * free, and the round's watchdog fails with a thread dump.
     */
    @Test
    @Verifies(primitive = "Semaphore", property = "racing releases never leave a waiter parked while a permit is free", tool = Tool.STRESS)
    @Verifies(primitive = "Semaphore", property = "release(n) wakes min(n, waiters)", tool = Tool.STRESS)
    public void racingReleasesWakeEveryWaiter() {
        int rounds = Depth.pick(150, 3_000);
        for (int r = 0; r < rounds; r++) {
            int[] shape = SHAPES[r % SHAPES.length];
            int waiters = shape[0];
            int releasers = shape.length - 1;
            Semaphore sem = new Semaphore(0);
            AtomicBoolean go = new AtomicBoolean();
            boolean interruptibly = (r & 1) == 0;
            Workers w = Workers.start("waiter-r" + r, waiters, id -> {
                if (interruptibly) {
                    sem.acquireInterruptibly();
                } else {
                    sem.acquire();
                }
            });
            for (Thread t : w.threads()) {
                Threads.awaitParked(t, sem);
            }
            int round = r;
            Workers rel = Workers.start("releaser-r" + r, releasers, id -> {
                while (!go.get()) {
                    Thread.onSpinWait();
                }
                sem.release(shape[1 + id]);
            });
            go.set(true);
            rel.join(ROUND_LIMIT);
            w.join(ROUND_LIMIT);
            assertEquals(0, sem.value(), "round " + round + " shape " + java.util.Arrays.toString(shape));
        }
        Evidence.explored(rounds, "rounds of parked waiters vs racing releases");
    }

    /**
     * The same without waiting for the waiters to park first, so releases also race the enqueueing:
     * waiters and releasers all start from one gate.
     */
    @Test
    @Verifies(primitive = "Semaphore", property = "racing releases never leave a waiter parked while a permit is free", tool = Tool.STRESS)
    void releasesRaceEnqueueing() {
        int rounds = Depth.pick(300, 6_000);
        for (int r = 0; r < rounds; r++) {
            Semaphore sem = new Semaphore(0);
            AtomicBoolean go = new AtomicBoolean();
            Workers all = Workers.start("race-r" + r, 4, id -> {
                while (!go.get()) {
                    Thread.onSpinWait();
                }
                if (id < 2) {
                    sem.acquire();
                } else {
                    sem.release();
                }
            });
            go.set(true);
            all.join(ROUND_LIMIT);
            assertEquals(0, sem.value());
        }
        Evidence.explored(rounds, "rounds");
    }

    /**
     * Workers take permits every way there is (tryAcquire, zero and short timeouts, acquireInterruptibly,
     * acquire, hold, two at once with release(2)) while an interrupter hits them at random, so timeouts and
     * interrupts land at the moment permits are handed over. Each worker gives back exactly what it took.
     * At quiescence {@code value() + held == initial + released}, with held and extra releases both zero:
     * the value must be back at its initial value. A waiter that drops a handed permit makes it lower; one
     * that takes a permit and reports failure makes it higher. A lost wake-up trips the watchdog.
     */
    @Test
    @Verifies(primitive = "Semaphore", property = "permits conserved: value + held == initial + released (timeouts, interrupts)", tool = Tool.STRESS)
    public void permitsConservedUnderTimeoutsAndInterrupts() {
        long millis = Depth.pick(1_500L, 20_000L);
        int permits = 2;
        int n = 6;
        Semaphore sem = new Semaphore(permits);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLongArray held = new AtomicLongArray(n);
        AtomicLong ops = new AtomicLong();
        AtomicLong timedOut = new AtomicLong();
        AtomicLong interrupted = new AtomicLong();
        Workers w = Workers.start("conserve", n, id -> {
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            while (!stop.get()) {
                int got = 0;
                try {
                    switch (rnd.nextInt(7)) {
                        case 0:
                            got = sem.tryAcquire() ? 1 : 0;
                            break;
                        case 1:
                            got = sem.tryAcquire(Duration.ZERO) ? 1 : 0;
                            break;
                        case 2:
                        case 3:
                            got = sem.tryAcquire(Duration.ofNanos(rnd.nextLong(2_000_000L))) ? 1 : 0;
                            if (got == 0) {
                                timedOut.incrementAndGet();
                            }
                            break;
                        case 4:
                            sem.acquireInterruptibly();
                            got = 1;
                            break;
                        case 5:
                            Thread.interrupted();
                            try (Held h = sem.hold()) {
                                held.incrementAndGet(id);
                                Thread.onSpinWait();
                                held.decrementAndGet(id);
                            }
                            break;
                        default:
                            sem.acquire();
                            got = 1;
                            if (sem.tryAcquire(Duration.ofNanos(rnd.nextLong(500_000L)))) {
                                got = 2;
                            }
                            break;
                    }
                } catch (InterruptedException e) {
                    interrupted.incrementAndGet();
                }
                held.addAndGet(id, got);
                for (int spin = rnd.nextInt(50); spin > 0; spin--) {
                    Thread.onSpinWait();
                }
                if (got > 0) {
                    held.addAndGet(id, -got);
                    sem.release(got);
                }
                ops.incrementAndGet();
            }
            Thread.interrupted();
        });
        Workers chaos = Workers.start("interrupter", 1, id -> {
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            while (!stop.get()) {
                w.threads().get(rnd.nextInt(n)).interrupt();
                for (int spin = rnd.nextInt(2_000); spin > 0 && !stop.get(); spin--) {
                    Thread.onSpinWait();
                }
                Thread.yield();
            }
        });
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() - end < 0) {
            Thread.yield();
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L);
        }
        stop.set(true);
        chaos.join(Threads.GENEROUS);
        // correct workers stop within milliseconds; ones parked for good mean permits were lost
        w.join(QUIESCE_LIMIT);
        long stillHeld = 0;
        for (int i = 0; i < n; i++) {
            stillHeld += held.get(i);
        }
        assertEquals(0, stillHeld);
        assertEquals(permits, sem.value(), "permits conserved: value + held == initial + released ("
                + ops.get() + " ops, " + timedOut.get() + " timeouts, " + interrupted.get() + " interrupts)");
        Evidence.explored(ops.get(), "operations (" + timedOut.get() + " timeouts, " + interrupted.get()
                + " interrupted waits)");
    }
}
