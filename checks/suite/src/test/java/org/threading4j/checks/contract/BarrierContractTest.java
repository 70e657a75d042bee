package org.threading4j.checks.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.threading4j.checks.subjects.BarrierModel.Kind;
import org.threading4j.checks.subjects.BarrierModel.Result;
import org.threading4j.checks.subjects.BarrierSubject;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/**
 * The Barrier contract, run against the reference model and the real primitive alike. Each step is made
 * by a numbered thread and settled before the next (see {@link BarrierSubject}), so results are
 * deterministic. The drain phase cannot be held open from outside a real barrier; the model's drain is
 * checked step by step in {@link BarrierSpecDrainTest}, the primitive's by the stress and Lincheck checks.
 */
public class BarrierContractTest {

    static Stream<Named<BarrierSubject.Factory>> subjects() {
        return Stream.of(Named.of("spec", BarrierSubject::spec), Named.of("Barrier", BarrierSubject::real));
    }

    private static final Function<BarrierSubject, Runnable> NO_ACTION = null;

    private static void assertResult(Result expected, Result actual, String who) {
        assertEquals(expected, actual, who);
    }

    @ParameterizedTest
    @MethodSource("subjects")
    @Verifies(primitive = "Barrier", property = "arrival index in Python's order (first 0, last parties-1)",
            tool = Tool.CONTRACT)
    void indicesFollowArrivalOrder(BarrierSubject.Factory f) {
        BarrierSubject b = f.create(3, NO_ACTION);
        for (int cycle = 0; cycle < 3; cycle++) {
            b.await(10);
            assertEquals(Result.PENDING, b.result(10));
            assertEquals(1, b.waiting());
            b.await(11);
            assertEquals(2, b.waiting());
            b.await(12);
            assertResult(Result.returned(2), b.result(12), "last arrival");
            assertResult(Result.returned(0), b.result(10), "first arrival");
            assertResult(Result.returned(1), b.result(11), "second arrival");
            assertEquals(0, b.waiting());
            assertFalse(b.isBroken());
        }
        Evidence.explored(3, "cycles");
    }

    @ParameterizedTest
    @MethodSource("subjects")
    @Verifies(primitive = "Barrier", property = "the last arrival runs the action, once per cycle, before the release",
            tool = Tool.CONTRACT)
    void lastArrivalRunsTheActionBeforeRelease(BarrierSubject.Factory f) {
        AtomicInteger runs = new AtomicInteger();
        List<Result> seenByAction = new ArrayList<>();
        BarrierSubject[] self = new BarrierSubject[1];
        self[0] = f.create(2, b -> () -> {
            runs.incrementAndGet();
            seenByAction.add(self[0].result(0)); // party 0 is not released yet while the action runs
        });
        BarrierSubject b = self[0];
        b.await(0);
        assertEquals(0, runs.get());
        b.await(1);
        assertEquals(1, runs.get());
        assertEquals(List.of(Result.PENDING), seenByAction);
        assertResult(Result.returned(0), b.result(0), "party 0");
        assertResult(Result.returned(1), b.result(1), "action runner");
        Evidence.explored(1, "cycles");
    }

    @ParameterizedTest
    @MethodSource("subjects")
    @Verifies(primitive = "Barrier", property = "a failing action breaks the barrier (runner: its exception; others: broken)",
            tool = Tool.CONTRACT)
    void failingActionBreaksTheBarrier(BarrierSubject.Factory f) {
        IllegalStateException boom = new IllegalStateException("boom");
        AtomicInteger runs = new AtomicInteger();
        BarrierSubject b = f.create(3, s -> () -> {
            if (runs.incrementAndGet() == 1) {
                throw boom;
            }
        });
        b.await(0);
        b.await(1);
        b.await(2);
        Result runner = b.result(2);
        assertEquals(Kind.ACTION_FAILED, runner.kind());
        assertSame(boom, runner.failure());
        assertResult(Result.BROKEN, b.result(0), "party 0");
        assertResult(Result.BROKEN, b.result(1), "party 1");
        assertTrue(b.isBroken());
        b.await(3);
        assertResult(Result.BROKEN, b.result(3), "arrival at a broken barrier");
        b.reset();
        assertFalse(b.isBroken());
        b.await(0);
        b.await(1);
        b.await(2);
        assertResult(Result.returned(2), b.result(2), "after reset");
        assertResult(Result.returned(0), b.result(0), "after reset");
        Evidence.explored(2, "cycles");
    }

    @ParameterizedTest
    @MethodSource("subjects")
    @Verifies(primitive = "Barrier", property = "a timed-out waiter breaks the barrier", tool = Tool.CONTRACT)
    void timeoutBreaksTheBarrier(BarrierSubject.Factory f) {
        BarrierSubject b = f.create(3, NO_ACTION);
        b.await(0);
        b.awaitTimingOut(1);
        assertResult(Result.BROKEN, b.result(1), "timed-out party");
        assertResult(Result.BROKEN, b.result(0), "other party");
        assertTrue(b.isBroken());
        assertEquals(0, b.waiting());
        b.await(2);
        assertResult(Result.BROKEN, b.result(2), "later arrival");
        Evidence.explored(1, "scenarios");
    }

    @ParameterizedTest
    @MethodSource("subjects")
    @Verifies(primitive = "Barrier", property = "abort() breaks current and later waits until reset()",
            tool = Tool.CONTRACT)
    void abortBreaksUntilReset(BarrierSubject.Factory f) {
        BarrierSubject b = f.create(2, NO_ACTION);
        b.await(0);
        b.abort();
        assertResult(Result.BROKEN, b.result(0), "waiting party");
        assertTrue(b.isBroken());
        b.await(1);
        assertResult(Result.BROKEN, b.result(1), "later arrival");
        b.abort();
        assertTrue(b.isBroken());
        b.reset();
        assertFalse(b.isBroken());
        b.await(0);
        b.await(1);
        assertResult(Result.returned(0), b.result(0), "after reset");
        assertResult(Result.returned(1), b.result(1), "after reset");
        Evidence.explored(1, "scenarios");
    }

    @ParameterizedTest
    @MethodSource("subjects")
    @Verifies(primitive = "Barrier", property = "reset(): waiters get BrokenBarrierException, the barrier is usable again",
            tool = Tool.CONTRACT)
    void resetReleasesWaitersAndTheBarrierIsUsableAgain(BarrierSubject.Factory f) {
        BarrierSubject b = f.create(3, NO_ACTION);
        b.await(0);
        b.await(1);
        b.reset();
        assertResult(Result.BROKEN, b.result(0), "party 0");
        assertResult(Result.BROKEN, b.result(1), "party 1");
        assertFalse(b.isBroken());
        assertEquals(0, b.waiting());
        b.await(2);
        assertEquals(Result.PENDING, b.result(2));
        b.await(0);
        b.await(1);
        assertResult(Result.returned(0), b.result(2), "first of the new cycle");
        assertResult(Result.returned(2), b.result(1), "last of the new cycle");
        b.reset(); // no waiters: nothing to do
        assertFalse(b.isBroken());
        Evidence.explored(2, "cycles");
    }

    @ParameterizedTest
    @MethodSource("subjects")
    @Verifies(primitive = "Barrier", property = "interrupt while waiting breaks the barrier; the interrupted thread gets InterruptedException",
            tool = Tool.CONTRACT)
    void interruptWhileWaitingBreaksTheBarrier(BarrierSubject.Factory f) {
        BarrierSubject b = f.create(3, NO_ACTION);
        b.await(0);
        b.await(1);
        b.interrupt(1);
        assertResult(Result.INTERRUPTED, b.result(1), "interrupted party");
        assertFalse(b.interruptStatus(1), "InterruptedException clears the status");
        assertResult(Result.BROKEN, b.result(0), "other party");
        assertTrue(b.isBroken());
        Evidence.explored(1, "scenarios");
    }

    @ParameterizedTest
    @MethodSource("subjects")
    @Verifies(primitive = "Barrier", property = "interrupt pending on entry breaks the barrier (broken barrier: BrokenBarrierException, status kept)",
            tool = Tool.CONTRACT)
    void interruptPendingOnEntry(BarrierSubject.Factory f) {
        BarrierSubject b = f.create(2, NO_ACTION);
        b.await(0);
        b.interrupt(1);
        b.await(1);
        assertResult(Result.INTERRUPTED, b.result(1), "interrupted on entry");
        assertResult(Result.BROKEN, b.result(0), "waiting party");
        assertTrue(b.isBroken());
        b.interrupt(2);
        b.await(2);
        assertResult(Result.BROKEN, b.result(2), "interrupted on entry, barrier broken");
        assertTrue(b.interruptStatus(2), "status kept");
        Evidence.explored(2, "scenarios");
    }

    @ParameterizedTest
    @MethodSource("subjects")
    @Verifies(primitive = "Barrier", property = "action calling await() on its own barrier: IllegalStateException, no deadlock",
            tool = Tool.CONTRACT)
    void actionCallingAwaitGetsIllegalState(BarrierSubject.Factory f) {
        List<String> seen = new ArrayList<>();
        BarrierSubject b = f.create(2, s -> () -> {
            try {
                s.awaitFromAction();
                seen.add("returned");
            } catch (IllegalStateException e) {
                seen.add(e.getMessage());
            }
        });
        b.await(0);
        b.await(1);
        assertEquals(List.of("await() called from the barrier's own action"), seen);
        assertResult(Result.returned(0), b.result(0), "party 0");
        assertResult(Result.returned(1), b.result(1), "runner");
        assertFalse(b.isBroken());
        Evidence.explored(1, "scenarios");
    }

    @ParameterizedTest
    @MethodSource("subjects")
    @Verifies(primitive = "Barrier", property = "action calling await() and letting it escape: the action failed (barrier broken)",
            tool = Tool.CONTRACT)
    void actionLettingAwaitFailureEscapeBreaksTheBarrier(BarrierSubject.Factory f) {
        BarrierSubject b = f.create(2, s -> s::awaitFromAction);
        b.await(0);
        b.await(1);
        assertEquals(Kind.ACTION_FAILED, b.result(1).kind());
        assertEquals(IllegalStateException.class, b.result(1).failure().getClass());
        assertResult(Result.BROKEN, b.result(0), "party 0");
        assertTrue(b.isBroken());
        Evidence.explored(1, "scenarios");
    }

    @ParameterizedTest
    @MethodSource("subjects")
    @Verifies(primitive = "Barrier", property = "action calling reset(): the cycle is reset (all parties broken), barrier usable",
            tool = Tool.CONTRACT)
    void actionCallingResetResetsTheCycle(BarrierSubject.Factory f) {
        AtomicInteger runs = new AtomicInteger();
        BarrierSubject b = f.create(2, s -> () -> {
            if (runs.incrementAndGet() == 1) {
                s.reset();
            }
        });
        b.await(0);
        b.await(1);
        assertResult(Result.BROKEN, b.result(0), "party 0");
        assertResult(Result.BROKEN, b.result(1), "runner");
        assertFalse(b.isBroken());
        b.await(0);
        b.await(1);
        assertResult(Result.returned(0), b.result(0), "next cycle");
        assertResult(Result.returned(1), b.result(1), "next cycle");
        Evidence.explored(2, "cycles");
    }

    @ParameterizedTest
    @MethodSource("subjects")
    @Verifies(primitive = "Barrier", property = "action calling abort(): the barrier is broken, all parties broken",
            tool = Tool.CONTRACT)
    void actionCallingAbortBreaksTheBarrier(BarrierSubject.Factory f) {
        BarrierSubject b = f.create(2, s -> s::abort);
        b.await(0);
        b.await(1);
        assertResult(Result.BROKEN, b.result(0), "party 0");
        assertResult(Result.BROKEN, b.result(1), "runner");
        assertTrue(b.isBroken());
        Evidence.explored(1, "scenarios");
    }

    @ParameterizedTest
    @MethodSource("subjects")
    @Verifies(primitive = "Barrier", property = "one party: every await returns 0 and runs the action", tool = Tool.CONTRACT)
    void onePartyNeverWaits(BarrierSubject.Factory f) {
        AtomicInteger runs = new AtomicInteger();
        BarrierSubject b = f.create(1, s -> runs::incrementAndGet);
        for (int i = 0; i < 5; i++) {
            b.await(i % 2);
            assertResult(Result.returned(0), b.result(i % 2), "call " + i);
            assertEquals(0, b.waiting());
        }
        assertEquals(5, runs.get());
        assertEquals(1, b.parties());
        Evidence.explored(5, "cycles");
    }

    // ---- The same checks on the primitive alone, as no-argument methods for the mutant meta-tests ----

    public void primitiveIndicesFollowArrivalOrder() {
        indicesFollowArrivalOrder(BarrierSubject::real);
    }

    public void primitiveFailingActionBreaksTheBarrier() {
        failingActionBreaksTheBarrier(BarrierSubject::real);
    }

    public void primitiveResetReleasesWaiters() {
        resetReleasesWaitersAndTheBarrierIsUsableAgain(BarrierSubject::real);
    }
}
