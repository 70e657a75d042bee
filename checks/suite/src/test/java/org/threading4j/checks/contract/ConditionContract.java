package org.threading4j.checks.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.threading4j.checks.subjects.ConditionWorlds.acquire;
import static org.threading4j.checks.subjects.ConditionWorlds.acquireInterruptibly;
import static org.threading4j.checks.subjects.ConditionWorlds.await;
import static org.threading4j.checks.subjects.ConditionWorlds.hold;
import static org.threading4j.checks.subjects.ConditionWorlds.holdCount;
import static org.threading4j.checks.subjects.ConditionWorlds.release;
import static org.threading4j.checks.subjects.ConditionWorlds.signal;
import static org.threading4j.checks.subjects.ConditionWorlds.signalAll;
import static org.threading4j.checks.subjects.ConditionWorlds.tryAcquire;
import static org.threading4j.checks.subjects.ConditionWorlds.tryAcquireZero;
import static org.threading4j.checks.subjects.ConditionWorlds.waitFor;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.threading4j.checks.subjects.ConditionModel;
import org.threading4j.checks.subjects.ConditionWorlds.Kind;
import org.threading4j.checks.subjects.ConditionWorlds.World;
import org.threading4j.checks.subjects.ConditionWorlds;
import org.threading4j.checks.subjects.Wait;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.specs.ConditionSpec;
import org.threading4j.specs.LockSpec;
import org.threading4j.specs.RLockSpec;

/**
 * The Condition contract, run against the model and the real condition over a Lock, an RLock and its own
 * RLock ({@code new Condition()}): one subclass each. Every scenario is a sequence of calls by numbered
 * threads; a call that blocks answers "pending", and the thread's answer is read once it has one. Scenarios
 * never depend on which of several threads gets a free lock first (the contract leaves that open).
 */
public abstract class ConditionContract {

    static final String VOID = "void";
    static final String PENDING = "pending";
    static final String IE = ConditionModel.INTERRUPTED;
    static final String CANNOT_WAIT = "IllegalMonitorStateException(" + ConditionSpec.CANNOT_WAIT + ")";
    static final String CANNOT_NOTIFY = "IllegalMonitorStateException(" + ConditionSpec.CANNOT_NOTIFY + ")";

    abstract World create(int threads);

    private boolean reentrant(World w) {
        return w.kind() != Kind.LOCK;
    }

    @Test
    @Verifies(primitive = "Condition", property = "await/signal without the lock: IMSE with Python's message, nothing changes", tool = Tool.CONTRACT)
    void misuseWithoutTheLock() {
        try (World w = create(2)) {
            assertEquals(CANNOT_WAIT, w.call(0, await()));
            assertEquals(CANNOT_WAIT, w.call(0, await(Wait.ZERO)));
            assertEquals(CANNOT_WAIT, w.call(0, await(Wait.LONG)));
            assertEquals(CANNOT_WAIT, w.call(0, waitFor(() -> false)));
            assertEquals(CANNOT_NOTIFY, w.call(0, signal()));
            assertEquals(CANNOT_NOTIFY, w.call(0, signal(3)));
            assertEquals(CANNOT_NOTIFY, w.call(0, signal(0)), "the ownership check comes first, even for n <= 0");
            assertEquals(CANNOT_NOTIFY, w.call(0, signalAll()));
            assertFalse(w.locked());
            assertEquals(List.of(), w.waiting());
            if (reentrant(w)) { // an RLock held by another thread is not owned by the caller
                assertEquals(VOID, w.call(1, acquire()));
                assertEquals(CANNOT_WAIT, w.call(0, await()));
                assertEquals(CANNOT_NOTIFY, w.call(0, signal()));
                assertTrue(w.locked());
            }
            Evidence.explored(1, "scenario");
        }
    }

    @Test
    @Verifies(primitive = "Condition", property = "a rogue await without the lock leaves the waiter queue intact (JDK-8187408 shape)", tool = Tool.CONTRACT)
    public void rogueAwaitLeavesQueueIntact() {
        try (World w = create(4)) {
            for (int t = 0; t < 2; t++) {
                assertEquals(VOID, w.call(t, acquire()));
                assertEquals(PENDING, w.call(t, await()));
            }
            assertEquals(List.of(0, 1), w.waiting());
            if (reentrant(w)) {
                assertEquals(VOID, w.call(3, acquire())); // someone else holds it: still not the rogue's
            }
            assertEquals(CANNOT_WAIT, w.call(2, await()));
            assertEquals(CANNOT_WAIT, w.call(2, await(Wait.ZERO)));
            assertEquals(CANNOT_NOTIFY, w.call(2, signal()));
            assertEquals(List.of(0, 1), w.waiting());
            if (!reentrant(w)) {
                assertEquals(VOID, w.call(3, acquire()));
            }
            assertEquals(VOID, w.call(3, signal()));
            assertEquals(List.of(1), w.waiting(), "signal must still wake exactly the oldest waiter");
            assertEquals(VOID, w.call(3, release()));
            assertEquals(VOID, w.result(0));
            assertEquals(PENDING, w.result(1));
            assertEquals(VOID, w.call(0, release()));
            assertEquals(VOID, w.call(3, acquire()));
            assertEquals(VOID, w.call(3, signal()));
            assertEquals(VOID, w.call(3, release()));
            assertEquals(VOID, w.result(1));
            assertEquals(List.of(), w.waiting());
            Evidence.explored(1, "scenario");
        }
    }

    @Test
    @Verifies(primitive = "Condition", property = "await releases the lock; signal wakes it; it returns holding the lock", tool = Tool.CONTRACT)
    void awaitThenSignal() {
        try (World w = create(2)) {
            assertEquals(VOID, w.call(0, hold()));
            assertEquals(PENDING, w.call(0, await()));
            assertFalse(w.locked(), "await must release the lock");
            assertEquals("true", w.call(1, tryAcquireZero()));
            assertEquals(VOID, w.call(1, signal()));
            assertEquals(List.of(), w.waiting());
            assertEquals(PENDING, w.result(0), "a signalled waiter needs the lock back first");
            assertEquals(VOID, w.call(1, release()));
            assertEquals(VOID, w.result(0));
            assertTrue(w.locked());
            assertEquals(VOID, w.call(0, release()));
            assertFalse(w.locked());
            Evidence.explored(1, "scenario");
        }
    }

    @Test
    @Verifies(primitive = "Condition", property = "signal(n) wakes up to n waiters, oldest first (FIFO); n <= 0 wakes none", tool = Tool.CONTRACT)
    public void signalIsFifo() {
        try (World w = create(5)) {
            for (int t = 0; t < 4; t++) {
                assertEquals(VOID, w.call(t, acquire()));
                assertEquals(PENDING, w.call(t, t % 2 == 0 ? await() : await(Wait.LONG)));
            }
            assertEquals(List.of(0, 1, 2, 3), w.waiting());
            assertEquals(VOID, w.call(4, acquire()));
            assertEquals(VOID, w.call(4, signal(0)));
            assertEquals(VOID, w.call(4, signal(-1)));
            assertEquals(List.of(0, 1, 2, 3), w.waiting());
            assertEquals(VOID, w.call(4, signal()));
            assertEquals(List.of(1, 2, 3), w.waiting());
            assertEquals(VOID, w.call(4, signal(2)));
            assertEquals(List.of(3), w.waiting());
            assertEquals(VOID, w.call(4, signal(5)));
            assertEquals(List.of(), w.waiting());
            assertEquals(VOID, w.call(4, release()));
            drain(w, List.of(0, 1, 2, 3), List.of(VOID, "true", VOID, "true"));
            Evidence.explored(1, "scenario");
        }
    }

    @Test
    @Verifies(primitive = "Condition", property = "signalAll wakes every waiter", tool = Tool.CONTRACT)
    void signalAllWakesEveryone() {
        try (World w = create(4)) {
            for (int t = 0; t < 3; t++) {
                assertEquals(VOID, w.call(t, acquire()));
                assertEquals(PENDING, w.call(t, await()));
            }
            assertEquals(VOID, w.call(3, acquire()));
            assertEquals(VOID, w.call(3, signalAll()));
            assertEquals(List.of(), w.waiting());
            assertEquals(VOID, w.call(3, signalAll()), "signalAll with nobody waiting is a no-op");
            assertEquals(VOID, w.call(3, release()));
            drain(w, List.of(0, 1, 2), List.of(VOID, VOID, VOID));
            Evidence.explored(1, "scenario");
        }
    }

    @Test
    @Verifies(primitive = "Condition", property = "await(0) releases and reacquires, returns false", tool = Tool.CONTRACT)
    void awaitZeroTimesOut() {
        try (World w = create(1)) {
            assertEquals(VOID, w.call(0, acquire()));
            assertEquals("false", w.call(0, await(Wait.ZERO)));
            assertTrue(w.locked());
            assertEquals("false", w.call(0, waitFor(() -> false, Wait.ZERO)));
            assertEquals(VOID, w.call(0, release()));
            Evidence.explored(1, "scenario");
        }
    }

    @Test
    @Verifies(primitive = "Condition", property = "RLock: await releases every hold level and restores the count (signal)", tool = Tool.CONTRACT)
    public void rlockCountRestoredAfterSignal() {
        try (World w = create(2)) {
            if (!reentrant(w)) {
                return;
            }
            for (int i = 0; i < 3; i++) {
                assertEquals(VOID, w.call(0, acquire()));
            }
            assertEquals(PENDING, w.call(0, await()));
            assertFalse(w.locked(), "every hold level must be released");
            assertEquals("true", w.call(1, tryAcquire()));
            assertEquals(VOID, w.call(1, signal()));
            assertEquals(VOID, w.call(1, release()));
            assertEquals(VOID, w.result(0));
            assertEquals("3", w.call(0, holdCount()));
            Evidence.explored(1, "scenario");
        }
    }

    @Test
    @Verifies(primitive = "Condition", property = "RLock: hold count restored after a timeout", tool = Tool.CONTRACT)
    void rlockCountRestoredAfterTimeout() {
        try (World w = create(1)) {
            if (!reentrant(w)) {
                return;
            }
            assertEquals(VOID, w.call(0, acquire()));
            assertEquals("true", w.call(0, tryAcquire()));
            assertEquals("false", w.call(0, await(Wait.ZERO)));
            assertEquals("2", w.call(0, holdCount()));
            assertEquals(VOID, w.call(0, release()));
            assertEquals(VOID, w.call(0, release()));
            assertFalse(w.locked());
            Evidence.explored(1, "scenario");
        }
    }

    @Test
    @Verifies(primitive = "Condition", property = "RLock: hold count restored after an interrupt; the interrupt uses no signal", tool = Tool.CONTRACT)
    void interruptedWaiterKeepsCountAndUsesNoSignal() {
        try (World w = create(3)) {
            assertEquals(VOID, w.call(0, acquire()));
            if (reentrant(w)) {
                assertEquals(VOID, w.call(0, acquire()));
            }
            assertEquals(PENDING, w.call(0, await(Wait.LONG)));
            assertEquals(VOID, w.call(1, acquire()));
            assertEquals(PENDING, w.call(1, await()));
            assertEquals(List.of(0, 1), w.waiting());
            w.interrupt(0);
            assertEquals(IE, w.result(0));
            assertEquals(List.of(1), w.waiting());
            if (reentrant(w)) {
                assertEquals("2", w.call(0, holdCount()));
                assertEquals(VOID, w.call(0, release()));
            }
            assertEquals(VOID, w.call(0, release()));
            assertEquals(VOID, w.call(2, acquire()));
            assertEquals(VOID, w.call(2, signal()));
            assertEquals(List.of(), w.waiting(), "the signal goes to the remaining waiter");
            assertEquals(VOID, w.call(2, release()));
            assertEquals(VOID, w.result(1));
            Evidence.explored(1, "scenario");
        }
    }

    @Test
    @Verifies(primitive = "Condition", property = "a waiter signalled before its interrupt returns normally, interrupt kept", tool = Tool.CONTRACT)
    public void signalBeforeInterruptWins() {
        try (World w = create(2)) {
            assertEquals(VOID, w.call(0, acquire()));
            assertEquals(PENDING, w.call(0, await(Wait.LONG)));
            assertEquals(VOID, w.call(1, acquire()));
            assertEquals(VOID, w.call(1, signal()));
            w.interrupt(0);
            assertEquals(PENDING, w.result(0));
            assertEquals(VOID, w.call(1, release()));
            assertEquals("true" + ConditionModel.KEEPS_INTERRUPT, w.result(0));
            Evidence.explored(1, "scenario");
        }
    }

    @Test
    @Verifies(primitive = "Condition", property = "an interrupt pending on entry: InterruptedException, lock still held, nothing queued", tool = Tool.CONTRACT)
    void pendingInterruptOnEntry() {
        try (World w = create(1)) {
            assertEquals(VOID, w.call(0, acquire()));
            w.interrupt(0);
            assertEquals(IE, w.call(0, await()));
            assertTrue(w.locked());
            assertEquals(List.of(), w.waiting());
            w.interrupt(0);
            assertEquals(IE, w.call(0, await(Wait.ZERO)));
            w.interrupt(0);
            assertEquals(VOID + ConditionModel.KEEPS_INTERRUPT, w.call(0, release()));
            Evidence.explored(1, "scenario");
        }
    }

    @Test
    @Verifies(primitive = "Condition", property = "waitFor re-waits until the predicate holds; true at once skips the ownership check", tool = Tool.CONTRACT)
    void waitForPredicate() {
        AtomicBoolean ready = new AtomicBoolean();
        try (World w = create(2)) {
            assertEquals(VOID, w.call(0, waitFor(() -> true)), "no ownership check when already true");
            assertEquals("true", w.call(0, waitFor(() -> true, Wait.ZERO)));
            assertEquals(VOID, w.call(0, acquire()));
            assertEquals(PENDING, w.call(0, waitFor(ready::get)));
            assertEquals(VOID, w.call(1, acquire()));
            assertEquals(VOID, w.call(1, signal()));
            assertEquals(VOID, w.call(1, release()));
            assertEquals(List.of(0), w.waiting(), "predicate still false: waits again");
            assertEquals(VOID, w.call(1, acquire()));
            ready.set(true);
            assertEquals(VOID, w.call(1, signal()));
            assertEquals(VOID, w.call(1, release()));
            assertEquals(VOID, w.result(0));
            assertEquals(VOID, w.call(0, release()));
            ready.set(false);
            assertEquals(VOID, w.call(0, acquire()));
            assertEquals(PENDING, w.call(0, waitFor(ready::get, Wait.LONG)));
            assertEquals(VOID, w.call(1, acquire()));
            ready.set(true);
            assertEquals(VOID, w.call(1, signal()));
            assertEquals(VOID, w.call(1, release()));
            assertEquals("true", w.result(0));
            Evidence.explored(1, "scenario");
        }
    }

    @Test
    @Verifies(primitive = "Condition", property = "lock methods delegate: acquire, tryAcquire, release (Python's messages), locked", tool = Tool.CONTRACT)
    void lockDelegation() {
        try (World w = create(2)) {
            String unheld = "IllegalMonitorStateException("
                    + (reentrant(w) ? RLockSpec.UN_ACQUIRED : LockSpec.RELEASE_UNLOCKED) + ")";
            assertEquals(unheld, w.call(0, release()));
            assertEquals("true", w.call(0, tryAcquire()));
            assertTrue(w.locked());
            assertEquals("false", w.call(1, tryAcquire()));
            assertEquals("false", w.call(1, tryAcquireZero()));
            assertEquals(reentrant(w) ? "true" : "false", w.call(0, tryAcquire()));
            if (reentrant(w)) {
                assertEquals(unheld, w.call(1, release()), "an RLock is released by its owner only");
                assertEquals(VOID, w.call(0, release()));
            }
            assertEquals(PENDING, w.call(1, acquireInterruptibly()));
            w.interrupt(1);
            assertEquals(IE, w.result(1));
            assertEquals(PENDING, w.call(1, acquire()));
            assertEquals(VOID, w.call(0, release()));
            assertEquals(VOID, w.result(1));
            assertEquals(VOID, w.call(1, release()));
            assertFalse(w.locked());
            Evidence.explored(1, "scenario");
        }
    }

    /** Lets each woken thread in {@code ts} finish in whatever order it gets the lock, then release. */
    private static void drain(World w, List<Integer> ts, List<String> expected) {
        boolean[] seen = new boolean[ts.size()];
        for (int round = 0; round < ts.size(); round++) {
            int found = -1;
            for (int i = 0; i < ts.size(); i++) {
                if (!seen[i] && !w.result(ts.get(i)).equals(PENDING)) {
                    assertEquals(-1, found, "two woken threads hold the lock at once: " + w);
                    found = i;
                }
            }
            assertTrue(found >= 0, "no woken thread got the lock: " + w);
            seen[found] = true;
            assertEquals(expected.get(found), w.result(ts.get(found)));
            assertEquals(VOID, w.call(ts.get(found), release()));
        }
    }
}
