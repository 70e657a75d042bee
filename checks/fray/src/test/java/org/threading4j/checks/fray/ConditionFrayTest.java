package org.threading4j.checks.fray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pastalab.fray.core.command.SystemTimeDelegateType;
import org.pastalab.fray.junit.junit5.FrayTestExtension;
import org.pastalab.fray.junit.junit5.annotations.FrayTest;
import org.threading4j.Condition;
import org.threading4j.Lock;
import org.threading4j.RLock;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/**
 * Condition's wake-n and wake-all paths under Fray: {@code signal(n)} and {@code signalAll()} resolve their
 * waiters at once and unpark them when the lock is released (the deferred unpark), with a Lock and with an
 * RLock held twice by every thread (so the unpark waits for the last release and every waiter must get
 * both holds back). One of the three waiters either times out (mock clock) or is interrupted while the
 * signal is under way: the signal is then either its (it returns true, or normally with its interrupt
 * status kept) or not (false, or InterruptedException), and a signal it did not take goes to another
 * waiter. A waiter left without a signal would make Fray report a deadlock.
 */
@ExtendWith({FrayTestExtension.class, FrayEvidence.class})
class ConditionFrayTest {

    /** How the racing waiter gives up. */
    private enum GivesUp { TIMEOUT, INTERRUPT }

    /** A Condition over a Lock or an RLock, and how many holds each thread takes. */
    private static final class World {
        final Condition cond;
        final RLock rlock; // null for a Lock
        final int holds;

        World(boolean reentrant) {
            rlock = reentrant ? new RLock() : null;
            cond = reentrant ? new Condition(rlock) : new Condition(new Lock());
            holds = reentrant ? 2 : 1;
        }

        void acquire() {
            for (int i = 0; i < holds; i++) {
                cond.acquire();
            }
        }

        void release() {
            for (int i = 0; i < holds; i++) {
                cond.release();
            }
        }

        /** Asserts the current thread holds the lock as it did before waiting. */
        void assertHeldAgain() {
            if (rlock != null) {
                assertEquals(holds, rlock.holdCount(), "RLock hold count restored");
            } else {
                assertTrue(cond.locked(), "Lock held again");
            }
        }
    }

    /** State shared by the threads of one schedule; guarded by the condition's lock. */
    private static final class Shared {
        int entered;
        boolean extraSignal;
    }

    @FrayTest(iterations = 300, resetClassLoaderPerIteration = false,
            systemTimeDelegateType = SystemTimeDelegateType.MOCK)
    @Verifies(primitive = "Condition", property = "signal(2) with a waiter timing out: no lost or swallowed signal "
            + "(Lock)", tool = Tool.FRAY)
    void signalNWithTimingOutWaiterLock() throws Exception {
        signalN(new World(false), GivesUp.TIMEOUT);
    }

    @FrayTest(iterations = 300, resetClassLoaderPerIteration = false,
            systemTimeDelegateType = SystemTimeDelegateType.MOCK)
    @Verifies(primitive = "Condition", property = "signal(2) with a waiter timing out: no lost or swallowed signal "
            + "(RLock, 2 holds)", tool = Tool.FRAY)
    void signalNWithTimingOutWaiterRLock() throws Exception {
        signalN(new World(true), GivesUp.TIMEOUT);
    }

    @FrayTest(iterations = 300, resetClassLoaderPerIteration = false)
    @Verifies(primitive = "Condition", property = "signal(2) with a waiter interrupted: no lost or swallowed signal "
            + "(Lock)", tool = Tool.FRAY)
    void signalNWithInterruptedWaiterLock() throws Exception {
        signalN(new World(false), GivesUp.INTERRUPT);
    }

    @FrayTest(iterations = 300, resetClassLoaderPerIteration = false)
    @Verifies(primitive = "Condition", property = "signal(2) with a waiter interrupted: no lost or swallowed signal "
            + "(RLock, 2 holds)", tool = Tool.FRAY)
    void signalNWithInterruptedWaiterRLock() throws Exception {
        signalN(new World(true), GivesUp.INTERRUPT);
    }

    @FrayTest(iterations = 300, resetClassLoaderPerIteration = false,
            systemTimeDelegateType = SystemTimeDelegateType.MOCK)
    @Verifies(primitive = "Condition", property = "signalAll() wakes every waiter, one timing out (RLock, 2 holds)",
            tool = Tool.FRAY)
    void signalAllRLock() throws Exception {
        signalAll(new World(true));
    }

    @FrayTest(iterations = 300, resetClassLoaderPerIteration = false,
            systemTimeDelegateType = SystemTimeDelegateType.MOCK)
    @Verifies(primitive = "Condition", property = "signalAll() wakes every waiter, one timing out (Lock)",
            tool = Tool.FRAY)
    void signalAllLock() throws Exception {
        signalAll(new World(false));
    }

    /**
     * Waiters r (the racing one), b and c queue; the signaller waits until all three are queued (each
     * counts itself under the lock before waiting, and waiting releases the lock only once queued), then
     * signal(2) and releases. If r took one of the two signals, one more signal(1) is due for b or c.
     */
    private static void signalN(World w, GivesUp how) throws Exception {
        Shared s = new Shared();
        Actor r = Actor.start("racing", () -> {
            w.acquire();
            try {
                s.entered++;
                if (how == GivesUp.TIMEOUT) {
                    return w.cond.await(Duration.ofMillis(1));
                }
                try {
                    w.cond.await();
                    return true;
                } catch (InterruptedException e) {
                    w.assertHeldAgain();
                    return false;
                }
            } finally {
                w.assertHeldAgain();
                w.release();
            }
        });
        Actor b = Actor.start("waiter-b", () -> plainWaiter(w, s));
        Actor c = Actor.start("waiter-c", () -> plainWaiter(w, s));
        awaitEntered(w, s, 3);
        Actor interrupter = how == GivesUp.INTERRUPT ? Actor.start("interrupter", () -> {
            r.thread().interrupt();
            return null;
        }) : null;
        w.cond.signal(2); // the lock is held: the woken ones are unparked at the last release
        w.release();
        boolean rTookASignal = (Boolean) r.join().result();
        if (how == GivesUp.INTERRUPT) {
            interrupter.join().assertNoThrow();
            assertEquals(rTookASignal, r.interruptedAtEnd(),
                    "interrupt status kept iff the signal won (cleared with InterruptedException)");
        }
        if (rTookASignal) {
            w.acquire();
            s.extraSignal = true;
            w.cond.signal(1);
            w.release();
        }
        boolean bFirst = (Boolean) b.join().result();
        boolean cFirst = (Boolean) c.join().result();
        // b and c returned (else: deadlock). A waiter that saw no extra signal was woken by signal(2).
        int firstRound = (rTookASignal ? 1 : 0) + (bFirst ? 1 : 0) + (cFirst ? 1 : 0);
        assertTrue(firstRound <= 2, "signal(2) woke " + firstRound + " waiters");
        w.acquire();
        assertFalse(w.cond.await(Duration.ZERO), "no signal may be left over for a later waiter");
        w.release();
    }

    /** Waiters r (timed), b and c; signalAll() wakes all that are still queued. */
    private static void signalAll(World w) throws Exception {
        Shared s = new Shared();
        Actor r = Actor.start("timed", () -> {
            w.acquire();
            try {
                s.entered++;
                return w.cond.await(Duration.ofMillis(1));
            } finally {
                w.assertHeldAgain();
                w.release();
            }
        });
        Actor b = Actor.start("waiter-b", () -> plainWaiter(w, s));
        Actor c = Actor.start("waiter-c", () -> plainWaiter(w, s));
        awaitEntered(w, s, 3);
        w.cond.signalAll();
        w.release();
        r.join().assertNoThrow();
        b.join().assertReturned(true);
        c.join().assertReturned(true);
        assertFalse(w.cond.locked(), "every hold released");
    }

    /** Waits on the condition; returns whether it was woken before the signaller's extra signal. */
    private static Object plainWaiter(World w, Shared s) throws InterruptedException {
        w.acquire();
        try {
            s.entered++;
            w.cond.await();
            w.assertHeldAgain();
            return !s.extraSignal;
        } finally {
            w.release();
        }
    }

    /** Returns holding the lock once {@code n} waiters have counted themselves (so are queued). */
    private static void awaitEntered(World w, Shared s, int n) {
        for (;;) {
            w.acquire();
            if (s.entered == n) {
                return;
            }
            w.release();
            Thread.yield();
        }
    }
}
