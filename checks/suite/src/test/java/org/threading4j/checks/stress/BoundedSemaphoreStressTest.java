package org.threading4j.checks.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.threading4j.BoundedSemaphore;
import org.threading4j.checks.support.Depth;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Threads;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.checks.support.Workers;

/** The bound of {@code BoundedSemaphore} under real contention. */
public class BoundedSemaphoreStressTest {

    /**
     * Rounds on one pair of threads: {@code BoundedSemaphore(2)} at value 1, both threads {@code release()}
     * at once (both spin on the round number, so neither is waking up from a park when the other
     * releases); exactly one may succeed and the value must end at 2. A bound check separate from the
     * increment lets both through.
     */
    @Test
    @Verifies(primitive = "BoundedSemaphore", property = "two racing releases at value bound-1: exactly one succeeds", tool = Tool.STRESS)
    public void racingReleasesExactlyOneSucceeds() {
        int rounds = Depth.pick(5_000, 500_000);
        AtomicReference<BoundedSemaphore> current = new AtomicReference<>();
        AtomicInteger published = new AtomicInteger(-1);
        AtomicInteger done = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger bad = new AtomicInteger();
        StringBuilder firstBad = new StringBuilder();
        Workers.run("bounded-race", 2, Duration.ofMinutes(3), id -> {
            for (int r = 0; r < rounds; r++) {
                if (id == 0) {
                    BoundedSemaphore next = new BoundedSemaphore(2);
                    next.tryAcquire();
                    current.set(next);
                    ok.set(0);
                    published.set(r);
                } else {
                    int rr = r;
                    spinUntil(() -> published.get() == rr); // id 0 publishes round r only after checking r-1
                }
                try {
                    current.get().release();
                    ok.incrementAndGet();
                } catch (IllegalStateException refused) {
                    // the other release won
                }
                done.incrementAndGet();
                int target = 2 * (r + 1);
                spinUntil(() -> done.get() >= target);
                if (id == 0) {
                    int value = current.get().value();
                    if ((ok.get() != 1 || value != 2) && bad.getAndIncrement() == 0) {
                        firstBad.append("round ").append(r).append(": successes=").append(ok.get())
                                .append(" value=").append(value);
                    }
                }
            }
        });
        assertEquals(0, bad.get(), "rounds where the bound was broken, first: " + firstBad);
        Evidence.explored(rounds, "racing release pairs");
    }

    private static void spinUntil(java.util.function.BooleanSupplier condition) {
        int spins = 0;
        while (!condition.getAsBoolean()) {
            if (++spins % 256 == 0) {
                Thread.yield(); // 2 busy cores shared with other work: let the other side run
            } else {
                Thread.onSpinWait();
            }
        }
    }

    /**
     * Threads acquire and release at random (also release(2), also releases with nothing held) while an
     * observer polls {@code value()}: it must never exceed the bound, and at the end
     * {@code value == initial + released - acquired}, counting only calls that succeeded.
     */
    @Test
    @Verifies(primitive = "BoundedSemaphore", property = "value never exceeds the bound; refused releases change nothing", tool = Tool.STRESS)
    void valueNeverExceedsBound() {
        long millis = Depth.pick(1_000L, 15_000L);
        int bound = 3;
        BoundedSemaphore sem = new BoundedSemaphore(bound);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong acquired = new AtomicLong();
        AtomicLong released = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicInteger maxSeen = new AtomicInteger();
        Workers w = Workers.start("bounded", 4, id -> {
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            if (id == 3) {
                while (!stop.get()) {
                    maxSeen.accumulateAndGet(sem.value(), Math::max);
                }
                return;
            }
            while (!stop.get()) {
                int k = rnd.nextInt(4);
                if (k < 2) {
                    if (sem.tryAcquire()) {
                        acquired.incrementAndGet();
                    }
                } else {
                    int n = k == 2 ? 1 : 2;
                    try {
                        sem.release(n);
                        released.addAndGet(n);
                    } catch (IllegalStateException e) {
                        refused.incrementAndGet();
                    }
                }
            }
        });
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() - end < 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L);
        }
        stop.set(true);
        w.join(Threads.GENEROUS);
        assertTrue(maxSeen.get() <= bound, "value exceeded the bound: " + maxSeen.get());
        assertEquals(bound + released.get() - acquired.get(), sem.value(), "value == initial + released - acquired");
        Evidence.explored(acquired.get() + released.get() + refused.get(), "calls (" + refused.get() + " refused)");
    }
}
