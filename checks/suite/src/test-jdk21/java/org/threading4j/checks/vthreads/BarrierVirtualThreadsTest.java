package org.threading4j.checks.vthreads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;
import org.threading4j.Barrier;
import org.threading4j.checks.support.Depth;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Threads;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.checks.support.Workers;

/**
 * 10,000 virtual threads through a 100-party barrier, each calling {@code await()} once: exactly 100 cycles
 * trip, racing with each other's drains, so parties park waiting for the trip and arrivals park waiting for
 * the drain. Every index 0..99 must come back exactly 100 times, the action must run 100 times, and JFR
 * must record no {@code jdk.VirtualThreadPinned} event (threshold 0) for the workers. The detector is proven
 * live by a control virtual thread that parks in a class initializer (see {@code LockVirtualThreadsTest}).
 */
class BarrierVirtualThreadsTest {

    private static final int PARTIES = 100;
    private static final int THREADS = Depth.pick(10_000, 50_000);
    private static final Duration LIMIT = Duration.ofMinutes(2);
    private static final String CONTROL = "pin-control";

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
    void barrierDoesNotPin() throws InterruptedException {
        AtomicInteger trips = new AtomicInteger();
        Barrier barrier = new Barrier(PARTIES, trips::incrementAndGet);
        AtomicIntegerArray indices = new AtomicIntegerArray(PARTIES);
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
            Workers.start("barrier-vt", THREADS, id -> indices.incrementAndGet(barrier.await()),
                    Thread.ofVirtual().factory()).join(LIMIT);
            Thread control = Thread.ofVirtual().name(CONTROL).start(PinsInClinitForBarrier::touch);
            assertTrue(control.join(LIMIT), "control thread finished");
            Threads.awaitCondition("the positive control's pinned event arrives (the detector works)",
                    () -> controlEvents.get() > 0);
        }
        assertEquals(List.of(), List.copyOf(pinned), "pinned events of worker threads");
        assertEquals(THREADS / PARTIES, trips.get(), "one action per cycle");
        for (int i = 0; i < PARTIES; i++) {
            assertEquals(THREADS / PARTIES, indices.get(i), "index " + i + " once per cycle");
        }
        assertEquals(0, barrier.waiting());
        assertFalse(barrier.isBroken());
        Evidence.explored(THREADS, "virtual threads");
        Evidence.explored(trips.get(), "cycles");
        Evidence.explored(pinned.size(), "pinned events");
    }
}
