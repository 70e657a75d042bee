package org.threading4j.checks.vthreads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.threading4j.Barrier;
import org.threading4j.checks.support.Depth;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.checks.support.Workers;

/**
 * 10,000 virtual threads through a 100-party barrier, each calling {@code await()} once: exactly 100 cycles
 * trip, racing with each other's drains, so parties park waiting for the trip and arrivals park waiting for
 * the drain. Every index 0..99 must come back exactly 100 times, the action must run 100 times, and JFR
 * must record no {@code jdk.VirtualThreadPinned} event (threshold 0) for the workers. The detector is proven
 * live by a control virtual thread that parks in a class initializer (see {@link PinDetector}).
 */
class BarrierVirtualThreadsTest {

    private static final int PARTIES = 100;
    private static final int THREADS = Depth.pick(10_000, 50_000);

    /** Parking in a class initializer pins on every JDK since 21: the positive control. */
    static final class PinsInClinitForBarrier {
        static {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }

        static void touch() {
        }
    }

    @Test
    @Verifies(primitive = "Barrier", property = "10,000 virtual threads through a 100-party barrier: indices exact, no pinning (JFR), detector proven by a control",
            tool = Tool.VIRTUAL_THREADS)
    void barrierDoesNotPin() {
        int[] trips = new int[1];
        long pinned = PinDetector.assertNoPinning(() -> cycles(2 * PARTIES, trips), () -> cycles(THREADS, trips),
                PinsInClinitForBarrier::touch);
        Evidence.explored(THREADS, "virtual threads");
        Evidence.explored(trips[0], "cycles");
        Evidence.explored(pinned, "pinned events");
    }

    /** {@code n} (a multiple of PARTIES) virtual threads through one barrier: n / PARTIES exact cycles. */
    private static void cycles(int n, int[] tripsOut) {
        AtomicInteger trips = new AtomicInteger();
        Barrier barrier = new Barrier(PARTIES, trips::incrementAndGet);
        AtomicIntegerArray indices = new AtomicIntegerArray(PARTIES);
        Workers.start("barrier-vt", n, id -> indices.incrementAndGet(barrier.await()),
                Thread.ofVirtual().factory()).join(PinDetector.LIMIT);
        assertEquals(n / PARTIES, trips.get(), "one action per cycle");
        for (int i = 0; i < PARTIES; i++) {
            assertEquals(n / PARTIES, indices.get(i), "index " + i + " once per cycle");
        }
        assertEquals(0, barrier.waiting());
        assertFalse(barrier.isBroken());
        tripsOut[0] = trips.get();
    }
}
