package org.threading4j.checks.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.threading4j.Barrier;
import org.threading4j.BrokenBarrierException;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Threads;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.checks.support.Workers;

/** The parts of the Barrier contract that only the primitive has: arguments, messages, Durations, blockers. */
class BarrierApiTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Test
    @Verifies(primitive = "Barrier", property = "argument checks and Python's messages; a rejected call changes nothing",
            tool = Tool.CONTRACT)
    void argumentsAreCheckedFirst() {
        assertEquals("parties must be >= 1", assertThrows(IllegalArgumentException.class, () -> new Barrier(0)).getMessage());
        assertEquals("parties must be >= 1",
                assertThrows(IllegalArgumentException.class, () -> new Barrier(-1, null)).getMessage());
        assertThrows(NullPointerException.class, () -> new Barrier(2, null, null));
        assertEquals("timeout value must be a non-negative number", assertThrows(IllegalArgumentException.class,
                () -> new Barrier(2, null, Duration.ofNanos(-1))).getMessage());
        Barrier b = new Barrier(2);
        assertThrows(NullPointerException.class, () -> b.await(null));
        assertEquals("timeout value must be a non-negative number",
                assertThrows(IllegalArgumentException.class, () -> b.await(Duration.ofMillis(-5))).getMessage());
        Thread.currentThread().interrupt();
        assertThrows(IllegalArgumentException.class, () -> b.await(Duration.ofMillis(-5)), "arguments before interrupts");
        assertTrue(Thread.interrupted(), "the interrupt was not consumed by the rejected call");
        assertEquals(0, b.waiting());
        assertFalse(b.isBroken());
        assertEquals(2, b.parties());
        Evidence.explored(9, "rejected calls");
    }

    @Test
    @Verifies(primitive = "Barrier", property = "BrokenBarrierException is unchecked and carries no message (BrokenBarrierError())",
            tool = Tool.CONTRACT)
    void brokenBarrierExceptionShape() {
        BrokenBarrierException e = new BrokenBarrierException();
        assertTrue(RuntimeException.class.isInstance(e));
        assertNull(e.getMessage());
        Evidence.explored(1, "checks");
    }

    @Test
    @Verifies(primitive = "Barrier", property = "zero timeout: a non-last arrival breaks the barrier at once; the last trips",
            tool = Tool.CONTRACT)
    void zeroTimeout() throws InterruptedException {
        Barrier b = new Barrier(2);
        assertThrows(BrokenBarrierException.class, () -> b.await(Duration.ZERO));
        assertTrue(b.isBroken());
        b.reset();
        Workers w = Workers.start("zero", 1, id -> assertEquals(0, b.await()));
        Threads.awaitParked(w.threads().get(0), b);
        assertEquals(1, b.await(Duration.ZERO));
        w.join(LIMIT);
        assertFalse(b.isBroken());
        Evidence.explored(2, "scenarios");
    }

    @Test
    @Verifies(primitive = "Barrier", property = "the constructor's timeout applies to await(); await(Duration) overrides it",
            tool = Tool.CONTRACT)
    void defaultTimeout() throws InterruptedException {
        Barrier b = new Barrier(2, null, Duration.ofMillis(1));
        assertThrows(BrokenBarrierException.class, b::await);
        assertTrue(b.isBroken());
        b.reset();
        // a huge Duration means no deadline: the waiter stays parked until the second party comes
        Workers w = Workers.start("forever", 1, id -> assertEquals(0, b.await(Duration.ofSeconds(Long.MAX_VALUE))));
        Threads.awaitParked(w.threads().get(0), b);
        assertEquals(1, b.await());
        w.join(LIMIT);
        Evidence.explored(2, "scenarios");
    }

    @Test
    @Verifies(primitive = "Barrier", property = "a waiting party parks with the barrier as its blocker", tool = Tool.CONTRACT)
    void blockerIsTheBarrier() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        Barrier b = new Barrier(3, runs::incrementAndGet);
        Workers w = Workers.start("blocker", 2, id -> b.await());
        for (Thread t : w.threads()) {
            Threads.awaitParked(t, b);
        }
        assertEquals(2, b.waiting());
        assertEquals(2, b.await());
        w.join(LIMIT);
        assertEquals(1, runs.get());
        assertTrue(b.toString().contains("[filling, waiters=0/3]"), b.toString());
        Evidence.explored(1, "cycles");
    }
}
