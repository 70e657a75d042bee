package org.threading4j.checks.lincheck;

import static org.threading4j.checks.lincheck.ConcurrentScenario.require;

import java.time.Duration;
import org.jetbrains.lincheck.Lincheck;
import org.junit.jupiter.api.Test;
import org.threading4j.Barrier;
import org.threading4j.BoundedSemaphore;
import org.threading4j.BrokenBarrierException;
import org.threading4j.Condition;
import org.threading4j.Event;
import org.threading4j.Held;
import org.threading4j.Lock;
import org.threading4j.RLock;
import org.threading4j.Semaphore;
import org.threading4j.Timer;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/**
 * Every wake-all and wake-n path with at least two waiters behind one waker, and a waiter that is
 * interrupted while the waker runs, under Lincheck's general-purpose model checker. Lincheck explores the
 * interleavings of the threads and lets any {@code park} return spuriously, so these scenarios see a waiter
 * that is awake while its waker is still resolving, a wake-up racing a cancellation, and a permit, signal
 * or barrier slot counted twice or dropped; what it cannot see is a missing unpark (the spurious wake-up
 * hides it). The controlled-scheduling checks in {@code checks/fray} run the same shapes without spurious
 * wake-ups, and see that too. Timed waits do not end here (Lincheck freezes {@code nanoTime}); they are in
 * the Fray checks, with mocked time.
 *
 * <p>A scenario never leaves a thread waiting for a wake-up that correct code would not give: where an
 * interrupted waiter may instead have taken what it waited for, the test thread makes up for it after
 * joining the interrupter, so the remaining waiters must all return. A hang is a failure.
 */
public class WakeUpConcurrentLincheckTest {

    /** Four or five threads per scenario: about twice the cost of three per invocation. */
    private static final int INVOCATIONS = LincheckBounds.WAKE_UP_CONCURRENT;

    private static void run(String what, Runnable scenario) {
        Lincheck.runConcurrentTest(INVOCATIONS, scenario);
        Evidence.explored(INVOCATIONS, "invocations (" + what + ")");
    }

    /** True if the body threw InterruptedException, false if it returned. */
    private static boolean interrupted(ConcurrentScenario.Body body) throws Exception {
        try {
            body.run();
            return false;
        } catch (InterruptedException e) {
            return true;
        }
    }

    @Test
    @Verifies(primitive = "Event", property = "set() wakes three waiters (one awake while set() resolves)", tool = Tool.LINCHECK_CONCURRENT)
    void eventSetWakesThreeWaiters() {
        run("Event.set, 3 waiters", () -> {
            Event e = new Event();
            boolean[] r = new boolean[3];
            ConcurrentScenario s = ConcurrentScenario.start(
                    () -> { e.await(); r[0] = true; },
                    () -> r[1] = e.await(Duration.ofHours(1)),
                    () -> { e.await(); r[2] = true; },
                    e::set);
            s.joinAll();
            require(r[0] && r[1] && r[2], "a waiter released by set() answered false");
        });
    }

    @Test
    @Verifies(primitive = "Event", property = "set() with an interrupted waiter: the others return true, the interrupted one returns true or throws", tool = Tool.LINCHECK_CONCURRENT)
    void eventSetWithInterruptedWaiter() {
        run("Event.set, 2 waiters + 1 interrupted", () -> {
            Event e = new Event();
            boolean[] r = new boolean[2];
            Thread[] victim = new Thread[1];
            victim[0] = new Thread(() -> {
                try {
                    e.await();
                } catch (InterruptedException ignored) {
                    // allowed: the interrupt may win against set()
                }
            });
            victim[0].start();
            ConcurrentScenario s = ConcurrentScenario.start(
                    () -> { e.await(); r[0] = true; },
                    () -> { e.await(); r[1] = true; },
                    () -> victim[0].interrupt(),
                    e::set);
            s.joinAll();
            ConditionConcurrentLincheckTest.join(victim[0]);
            require(r[0] && r[1], "a waiter released by set() did not return");
        });
    }

    @Test
    @Verifies(primitive = "Barrier", property = "trip with three parties: indices {0,1,2}, everyone released", tool = Tool.LINCHECK_CONCURRENT)
    void barrierTripReleasesThree() {
        run("Barrier trip, 3 parties", () -> {
            Barrier b = new Barrier(3);
            int[] r = new int[3];
            ConcurrentScenario s = ConcurrentScenario.start(
                    () -> r[0] = b.await(), () -> r[1] = b.await(), () -> r[2] = b.await());
            s.joinAll();
            require((1 << r[0] | 1 << r[1] | 1 << r[2]) == 7, "indices " + r[0] + r[1] + r[2]);
        });
    }

    @Test
    @Verifies(primitive = "Barrier", property = "abort() with two parties waiting: both get BrokenBarrierException", tool = Tool.LINCHECK_CONCURRENT)
    void barrierAbortReleasesWaiters() {
        run("Barrier abort, 2 waiting", () -> {
            Barrier b = new Barrier(3);
            boolean[] broken = new boolean[2];
            ConcurrentScenario s = ConcurrentScenario.start(
                    () -> broken[0] = brokenBy(b),
                    () -> broken[1] = brokenBy(b),
                    b::abort);
            s.joinAll();
            require(broken[0] && broken[1], "a party of an aborted cycle returned normally");
        });
    }

    @Test
    @Verifies(primitive = "Barrier", property = "reset() with two parties waiting: both get BrokenBarrierException; later arrivals wait in the new cycle", tool = Tool.LINCHECK_CONCURRENT)
    void barrierResetReleasesWaiters() {
        run("Barrier reset, 2 waiting", () -> {
            Barrier b = new Barrier(3);
            boolean[] broken = new boolean[2];
            Thread w0 = new Thread(() -> broken[0] = brokenBy(b));
            Thread w1 = new Thread(() -> broken[1] = brokenBy(b));
            Thread resetter = new Thread(b::reset);
            w0.start();
            w1.start();
            resetter.start();
            ConditionConcurrentLincheckTest.join(resetter);
            b.abort(); // a party that arrived after the reset waits in the new cycle: release it
            ConditionConcurrentLincheckTest.join(w0, w1);
            require(broken[0] && broken[1], "a party of a reset or aborted cycle returned normally");
        });
    }

    @Test
    @Verifies(primitive = "Barrier", property = "an interrupted party breaks the barrier for the two others waiting", tool = Tool.LINCHECK_CONCURRENT)
    void barrierInterruptBreaksForWaiters() {
        run("Barrier interrupt, 2 waiting", () -> {
            Barrier b = new Barrier(4);
            boolean[] broken = new boolean[2];
            boolean[] victimThrew = new boolean[1];
            Thread victim = new Thread(() -> {
                try {
                    b.await();
                } catch (InterruptedException | BrokenBarrierException e) {
                    victimThrew[0] = true;
                }
            });
            victim.start();
            ConcurrentScenario s = ConcurrentScenario.start(
                    () -> broken[0] = brokenBy(b),
                    () -> broken[1] = brokenBy(b),
                    victim::interrupt);
            s.joinAll();
            ConditionConcurrentLincheckTest.join(victim);
            require(victimThrew[0] && broken[0] && broken[1], "a party of a broken cycle returned normally");
        });
    }

    /** Awaits {@code b}; true iff it threw BrokenBarrierException (it cannot trip in these scenarios). */
    private static boolean brokenBy(Barrier b) {
        try {
            b.await();
            return false;
        } catch (BrokenBarrierException e) {
            return true;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** A ticket box guarded by a Condition: waiters take a ticket, a signaller adds them. */
    private static final class Tickets {
        final Condition cond;
        int tickets;

        Tickets(Condition cond) {
            this.cond = cond;
        }

        void take() throws InterruptedException {
            try (Held h = cond.hold()) {
                cond.waitFor(() -> tickets > 0);
                tickets--;
            }
        }

        void add(int n, boolean all) {
            try (Held h = cond.hold()) {
                tickets += n;
                if (all) {
                    cond.signalAll();
                } else {
                    cond.signal(n);
                }
            }
        }
    }

    private static void conditionSignalN(Condition cond) throws Exception {
        Tickets t = new Tickets(cond);
        boolean[] victimInterrupted = new boolean[1];
        Thread victim = new Thread(() -> {
            try {
                victimInterrupted[0] = interrupted(t::take);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        victim.start();
        ConcurrentScenario s = ConcurrentScenario.start(t::take, t::take, victim::interrupt, () -> t.add(2, false));
        // If the interrupted waiter took a ticket, one of the others still needs one: a real signal, not
        // the one the interrupted waiter used up (that is the lost-signal bug this looks for).
        ConditionConcurrentLincheckTest.join(victim);
        if (!victimInterrupted[0]) {
            t.add(1, false);
        }
        s.joinAll();
        require(t.tickets == 0, "tickets left: " + t.tickets);
    }

    @Test
    @Verifies(primitive = "Condition", property = "signal(2) with three waiters, one interrupted: no signal lost (Lock)", tool = Tool.LINCHECK_CONCURRENT)
    void conditionSignalNWithLock() {
        run("Condition(Lock).signal(2), 2 waiters + 1 interrupted", () -> {
            try {
                conditionSignalN(new Condition(new Lock()));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    @Verifies(primitive = "Condition", property = "signal(2) with three waiters, one interrupted: no signal lost (RLock)", tool = Tool.LINCHECK_CONCURRENT)
    void conditionSignalNWithRLock() {
        run("Condition(RLock).signal(2), 2 waiters + 1 interrupted", () -> {
            try {
                conditionSignalN(new Condition(new RLock()));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    @Verifies(primitive = "Condition", property = "signalAll() with three waiters, the lock re-entered by the signaller (deferred unpark at release)", tool = Tool.LINCHECK_CONCURRENT)
    void conditionSignalAllDeferredToRelease() {
        run("Condition(RLock).signalAll, 3 waiters", () -> {
            RLock lock = new RLock();
            Condition cond = new Condition(lock);
            Tickets t = new Tickets(cond);
            ConcurrentScenario s = ConcurrentScenario.start(t::take, t::take, t::take, () -> {
                lock.acquire();
                try {
                    t.add(3, true); // nested hold: the waiters can go only at the outer release
                } finally {
                    lock.release();
                }
            });
            s.joinAll();
            require(t.tickets == 0, "tickets left: " + t.tickets);
        });
    }

    @Test
    @Verifies(primitive = "Semaphore", property = "release(2) with three waiters, one interrupted: permits conserved, nobody left waiting", tool = Tool.LINCHECK_CONCURRENT)
    void semaphoreReleaseNWithInterruptedWaiter() {
        run("Semaphore.release(2), 2 waiters + 1 interrupted", () -> semaphoreReleaseN(new Semaphore(0)));
    }

    @Test
    @Verifies(primitive = "BoundedSemaphore", property = "release(2) with three waiters, one interrupted: permits conserved within the bound", tool = Tool.LINCHECK_CONCURRENT)
    void boundedSemaphoreReleaseNWithInterruptedWaiter() {
        run("BoundedSemaphore.release(2), 2 waiters + 1 interrupted", () -> {
            BoundedSemaphore sem = new BoundedSemaphore(3);
            require(sem.tryAcquire() && sem.tryAcquire() && sem.tryAcquire(), "fresh BoundedSemaphore(3)");
            semaphoreReleaseN(sem);
        });
    }

    private static void semaphoreReleaseN(Semaphore sem) {
        boolean[] victimInterrupted = new boolean[1];
        Thread victim = new Thread(() -> {
            try {
                victimInterrupted[0] = interrupted(sem::acquireInterruptibly);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        victim.start();
        ConcurrentScenario s = ConcurrentScenario.start(sem::acquire, sem::acquire, victim::interrupt,
                () -> sem.release(2));
        ConditionConcurrentLincheckTest.join(victim);
        if (!victimInterrupted[0]) {
            sem.release(); // the interrupted waiter took a permit: one of the others still needs one
        }
        s.joinAll();
        require(sem.value() == 0, "permits left: " + sem.value());
    }

    @Test
    @Verifies(primitive = "Lock", property = "release with two waiters, one interrupted: the other gets the lock, nothing left held", tool = Tool.LINCHECK_CONCURRENT)
    void lockReleaseWithInterruptedWaiter() {
        run("Lock.release, 1 waiter + 1 interrupted", () -> {
            Lock lock = new Lock();
            lock.acquire();
            int[] inside = new int[1];
            Thread victim = new Thread(() -> {
                try {
                    lock.acquireInterruptibly();
                    inside[0]++;
                    lock.release();
                } catch (InterruptedException ignored) {
                    // allowed: the interrupt may win against the release
                }
            });
            victim.start();
            ConcurrentScenario s = ConcurrentScenario.start(
                    () -> { lock.acquire(); inside[0]++; lock.release(); },
                    victim::interrupt,
                    lock::release);
            s.joinAll();
            ConditionConcurrentLincheckTest.join(victim);
            require(!lock.locked(), "the lock is still held");
        });
    }

    @Test
    @Verifies(primitive = "Timer", property = "cancel() racing a zero-interval timer's start and fire, two joiners: action ran iff no cancel() returned true; joins return", tool = Tool.LINCHECK_CONCURRENT)
    void timerCancelRacingFireWithJoiners() {
        run("Timer cancel vs fire, 2 joiners", () -> {
            int[] ran = new int[1];
            Timer timer = new Timer(Duration.ZERO, () -> ran[0]++);
            boolean[] cancelled = new boolean[1];
            timer.start();
            ConcurrentScenario s = ConcurrentScenario.start(
                    () -> cancelled[0] = timer.cancel(),
                    timer::join,
                    timer::join);
            s.joinAll();
            require(!timer.isAlive(), "the timer's thread is still alive after join()");
            require(ran[0] == (cancelled[0] ? 0 : 1), "ran " + ran[0] + " times, cancel() said " + cancelled[0]);
        });
    }
}
