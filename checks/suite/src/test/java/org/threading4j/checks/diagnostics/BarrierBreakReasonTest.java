package org.threading4j.checks.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.threading4j.Barrier;
import org.threading4j.BrokenBarrierException;
import org.threading4j.BrokenBarrierException.Reason;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Threads;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.checks.support.Workers;

/**
 * {@link BrokenBarrierException} says why the barrier broke ({@link BrokenBarrierException#reason()} and
 * the message): every party of the broken cycle and every later arrival sees the first cause of the broken
 * state, until {@code reset()}. Waiting parties are known to wait because they are parked on the barrier.
 */
class BarrierBreakReasonTest {

    private static final Duration LIMIT = Threads.GENEROUS;

    /** Starts {@code n} parties that wait on {@code b} and record the exception they end with; waits until parked. */
    private static Workers parkedParties(Barrier b, int n, ConcurrentLinkedQueue<Throwable> ended) {
        Workers w = Workers.start("party", n, id -> {
            try {
                b.await();
                ended.add(new AssertionError("party " + id + " returned normally"));
            } catch (BrokenBarrierException | InterruptedException e) {
                ended.add(e);
            }
        });
        for (Thread t : w.threads()) {
            Threads.awaitParked(t, b);
        }
        return w;
    }

    private static void assertReason(Reason expected, Throwable e) {
        assertTrue(e instanceof BrokenBarrierException, "expected BrokenBarrierException, got " + e);
        assertEquals(expected, ((BrokenBarrierException) e).reason(), e.toString());
    }

    /** A later arrival at the still broken barrier gets the same reason (and returns at once). */
    private static BrokenBarrierException lateArrival(Barrier b, Reason expected) {
        BrokenBarrierException late = assertThrows(BrokenBarrierException.class, b::await);
        assertEquals(expected, late.reason(), late.toString());
        return late;
    }

    @Test
    @Verifies(primitive = "Barrier", property = "a timed-out party breaks the barrier with reason TIMEOUT, seen by all and by later arrivals",
            tool = Tool.CONTRACT)
    void timeout() throws Exception {
        Barrier b = new Barrier(3);
        ConcurrentLinkedQueue<Throwable> ended = new ConcurrentLinkedQueue<>();
        Workers w = parkedParties(b, 1, ended);
        BrokenBarrierException mine = assertThrows(BrokenBarrierException.class, () -> b.await(Duration.ofMillis(20)));
        assertEquals(Reason.TIMEOUT, mine.reason(), "the party that timed out");
        w.join(LIMIT);
        assertReason(Reason.TIMEOUT, ended.poll());
        lateArrival(b, Reason.TIMEOUT);
        Barrier zero = new Barrier(2);
        assertEquals(Reason.TIMEOUT, assertThrows(BrokenBarrierException.class, () -> zero.await(Duration.ZERO)).reason());
        Barrier byDefault = new Barrier(2, null, Duration.ofMillis(10));
        assertEquals(Reason.TIMEOUT, assertThrows(BrokenBarrierException.class, byDefault::await).reason(),
                "the constructor's timeout");
        Evidence.explored(5, "exceptions");
    }

    @Test
    @Verifies(primitive = "Barrier", property = "abort() breaks the barrier with reason ABORTED", tool = Tool.CONTRACT)
    void aborted() throws Exception {
        Barrier b = new Barrier(3);
        ConcurrentLinkedQueue<Throwable> ended = new ConcurrentLinkedQueue<>();
        Workers w = parkedParties(b, 2, ended);
        b.abort();
        w.join(LIMIT);
        assertReason(Reason.ABORTED, ended.poll());
        assertReason(Reason.ABORTED, ended.poll());
        lateArrival(b, Reason.ABORTED);
        Evidence.explored(3, "exceptions");
    }

    @Test
    @Verifies(primitive = "Barrier", property = "reset() ends the waiting parties' cycle with reason RESET, without breaking",
            tool = Tool.CONTRACT)
    void reset() throws Exception {
        Barrier b = new Barrier(3);
        ConcurrentLinkedQueue<Throwable> ended = new ConcurrentLinkedQueue<>();
        Workers w = parkedParties(b, 2, ended);
        b.reset();
        w.join(LIMIT);
        assertReason(Reason.RESET, ended.poll());
        assertReason(Reason.RESET, ended.poll());
        assertFalse(b.isBroken(), "a reset does not break the barrier");
        Workers again = Workers.start("after-reset", 2, id -> b.await());
        for (Thread t : again.threads()) {
            Threads.awaitParked(t, b);
        }
        assertEquals(2, b.await(), "usable again: a full cycle trips");
        again.join(LIMIT);
        Evidence.explored(2, "exceptions");
    }

    @Test
    @Verifies(primitive = "Barrier", property = "an interrupted party breaks the barrier with reason INTERRUPTED", tool = Tool.CONTRACT)
    void interrupted() throws Exception {
        Barrier b = new Barrier(3);
        ConcurrentLinkedQueue<Throwable> ended = new ConcurrentLinkedQueue<>();
        Workers w = parkedParties(b, 2, ended);
        w.threads().get(0).interrupt();
        w.join(LIMIT);
        Set<Class<?>> kinds = new HashSet<>();
        for (Throwable e : ended) {
            kinds.add(e.getClass());
            if (e instanceof BrokenBarrierException) {
                assertReason(Reason.INTERRUPTED, e);
            }
        }
        assertEquals(Set.of(InterruptedException.class, BrokenBarrierException.class), kinds, ended.toString());
        lateArrival(b, Reason.INTERRUPTED);

        Barrier onEntry = new Barrier(2);
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, onEntry::await, "an interrupt pending on entry breaks it");
        lateArrival(onEntry, Reason.INTERRUPTED);
        Evidence.explored(3, "exceptions");
    }

    @Test
    @Verifies(primitive = "Barrier", property = "a failing action breaks the barrier with reason ACTION_FAILED and its exception as cause",
            tool = Tool.CONTRACT)
    void actionFailed() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        Barrier b = new Barrier(2, () -> {
            throw boom;
        });
        ConcurrentLinkedQueue<Throwable> ended = new ConcurrentLinkedQueue<>();
        Workers w = parkedParties(b, 1, ended);
        assertSame(boom, assertThrows(IllegalStateException.class, b::await), "the runner gets the action's exception");
        w.join(LIMIT);
        Throwable party = ended.poll();
        assertReason(Reason.ACTION_FAILED, party);
        assertSame(boom, party.getCause());
        assertTrue(party.getMessage().contains("boom"), "one log line shows the action's failure: " + party.getMessage());
        BrokenBarrierException late = lateArrival(b, Reason.ACTION_FAILED);
        assertSame(boom, late.getCause(), "later arrivals see the same cause");
        Evidence.explored(3, "exceptions");
    }

    @Test
    @Verifies(primitive = "Barrier", property = "the reason is the first cause: later aborts, interrupts or failures do not change it",
            tool = Tool.CONTRACT)
    void firstCauseWins() throws Exception {
        Barrier b = new Barrier(2);
        assertThrows(BrokenBarrierException.class, () -> b.await(Duration.ZERO));
        b.abort(); // already broken: changes nothing
        lateArrival(b, Reason.TIMEOUT);
        Thread.currentThread().interrupt();
        BrokenBarrierException interrupted = assertThrows(BrokenBarrierException.class, b::await);
        assertTrue(Thread.interrupted(), "a broken barrier keeps the pending interrupt");
        assertEquals(Reason.TIMEOUT, interrupted.reason());

        b.reset(); // mended: the next break has its own reason
        b.abort();
        lateArrival(b, Reason.ABORTED);

        // An action that aborts and then throws: the abort came first.
        IllegalStateException boom = new IllegalStateException("boom");
        Barrier[] ref = new Barrier[1];
        Barrier c = new Barrier(2, () -> {
            ref[0].abort();
            throw boom;
        });
        ref[0] = c;
        ConcurrentLinkedQueue<Throwable> ended = new ConcurrentLinkedQueue<>();
        Workers w = parkedParties(c, 1, ended);
        assertSame(boom, assertThrows(IllegalStateException.class, c::await));
        w.join(LIMIT);
        assertReason(Reason.ABORTED, ended.poll());
        assertNull(lateArrival(c, Reason.ABORTED).getCause());
        Evidence.explored(5, "exceptions");
    }

    @Test
    @Verifies(primitive = "Barrier", property = "reset() or abort() from the action: the runner and the parties get RESET or ABORTED",
            tool = Tool.CONTRACT)
    void resetOrAbortDuringTheAction() throws Exception {
        for (Reason r : new Reason[] {Reason.RESET, Reason.ABORTED}) {
            Barrier[] ref = new Barrier[1];
            Barrier b = new Barrier(2, () -> {
                if (r == Reason.RESET) {
                    ref[0].reset();
                } else {
                    ref[0].abort();
                }
            });
            ref[0] = b;
            ConcurrentLinkedQueue<Throwable> ended = new ConcurrentLinkedQueue<>();
            Workers w = parkedParties(b, 1, ended);
            assertEquals(r, assertThrows(BrokenBarrierException.class, b::await).reason(), "the action's runner");
            w.join(LIMIT);
            assertReason(r, ended.poll());
        }
        Evidence.explored(4, "exceptions");
    }

    @Test
    @Verifies(primitive = "Barrier", property = "each reason has its own message; the no-argument exception has none",
            tool = Tool.CONTRACT)
    void messagesTellTheReasonsApart() {
        Set<String> messages = new HashSet<>();
        for (Reason r : Reason.values()) {
            BrokenBarrierException e = new BrokenBarrierException(r, null);
            assertSame(r, e.reason());
            assertTrue(e.getMessage().startsWith("barrier "), e.getMessage());
            messages.add(e.getMessage());
        }
        assertEquals(EnumSet.allOf(Reason.class).size(), messages.size(), "distinct messages: " + messages);
        BrokenBarrierException plain = new BrokenBarrierException();
        assertNull(plain.reason());
        assertNull(plain.getMessage());
        assertThrows(NullPointerException.class, () -> new BrokenBarrierException(null, null));
        Evidence.explored(Reason.values().length, "reasons");
    }
}
