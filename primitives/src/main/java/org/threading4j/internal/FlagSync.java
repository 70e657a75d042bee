package org.threading4j.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A broadcast flag over {@link WaitQueue}: the engine behind {@code Event}.
 *
 * <pre>
 * State word
 * ==========
 *
 *   bit 0  SET     the flag (Python's Event._flag)
 *   bit 1  QUEUED  the wait queue is non-empty (changed only under the queue lock)
 *
 *   SET  QUEUED  meaning
 *   ---  ------  ------------------------------------------------------------
 *    0     0     clear, nobody waits: set() is one CAS
 *    0     1     clear, threads wait: set() must wake them all
 *    1     0     set: await() returns true at once, without parking
 *    1     1     never seen outside the queue lock: set() clears QUEUED in the same
 *                CAS that sets SET, and a waiter never queues while SET is on
 *
 *   Invariant (whenever the queue lock is free): QUEUED == (wait queue non-empty).
 * </pre>
 *
 * <p>A waiter validates and enqueues under the queue lock: it re-reads the state and sets QUEUED by CAS only
 * while SET is off. {@code set()} turns SET on by CAS; if that CAS saw QUEUED, it resolves every queued
 * waiter as SIGNALLED. So a {@code set()} either happens before a waiter's CAS (the waiter sees SET and
 * returns true) or after it (the setter sees QUEUED and wakes it): a waiter that was just registering is
 * never missed. The setter unparks the chosen waiters after unlocking, and the waiters it wakes help
 * ({@link WaitQueue#unparkAllShared}, {@link WaitQueue#helpUnpark}): each wake-up is a system call, and
 * woken waiters on other CPUs make them in parallel (a broadcast to 16 waiters on 2 cores got markedly
 * faster; the A/B runs are in docs/performance.md).
 *
 * <p>A waiter's result is its outcome, not a re-read of the flag: a waiter chosen by a {@code set()} returns
 * true even if {@code clear()} ran before it woke (Python's set-and-clear rule), and one whose deadline
 * passed before any {@code set()} chose it returns false even if the flag is set by the time it returns.
 *
 * <p>Memory effects: {@code set()} is a volatile CAS, and a waiter reads either the state (fast path) or
 * its status written after that CAS, so actions before {@code set()} happen-before actions after an
 * {@code await} that returns true.
 */
public final class FlagSync extends WaitQueue {

    /** Bit 0: the flag. */
    static final int SET = 1;
    /** Bit 1: the wait queue is non-empty. */
    static final int QUEUED = 2;

    /** SET | QUEUED bits; see the class comment. */
    private volatile int state;

    public FlagSync(Object blocker) {
        super(blocker);
    }

    /** The flag now. */
    public boolean isSet() {
        return (state & SET) != 0;
    }

    /** Sets the flag and wakes every waiter. */
    public void set() {
        for (;;) {
            int s = state;
            if ((s & SET) != 0) {
                return; // already set: nobody can be queued (see the table)
            }
            if ((s & QUEUED) != 0) {
                setAndWakeAll();
                return;
            }
            if (STATE.compareAndSet(this, s, s | SET)) {
                return;
            }
        }
    }

    private void setAndWakeAll() {
        Waiter chain;
        lockQueue();
        try {
            for (;;) { // QUEUED is stable under the queue lock; only clear() can race us
                int s = state;
                if (STATE.compareAndSet(this, s, (s | SET) & ~QUEUED)) {
                    break;
                }
            }
            chain = resolveLocked(sizeLocked(), SIGNALLED, 0);
        } finally {
            unlockQueue();
        }
        unparkAllShared(chain); // the woken waiters help (await): each wake-up is a system call
    }

    /** Clears the flag. Waiters already chosen by a {@code set()} still return true. */
    public void clear() {
        for (;;) {
            int s = state;
            if ((s & SET) == 0 || STATE.compareAndSet(this, s, s & ~SET)) {
                return;
            }
        }
    }

    /**
     * Waits until the flag is set, or at most {@code nanos} when {@code timed}. Returns true iff the flag
     * was set at entry or a {@code set()} chose this waiter.
     */
    public boolean await(boolean timed, long nanos) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if ((state & SET) != 0) {
            return true;
        }
        if (timed && nanos <= 0L) {
            return false;
        }
        long deadline = timed ? deadlineAfter(nanos) : 0L;
        Waiter w = new Waiter(Thread.currentThread());
        for (;;) {
            lockQueue();
            int s = state;
            if ((s & SET) != 0) {
                unlockQueue();
                return true;
            }
            if ((s & QUEUED) != 0 || STATE.compareAndSet(this, s, s | QUEUED)) {
                enqueueLocked(w);
                unlockQueue();
                break;
            }
            unlockQueue(); // clear() raced our CAS: validate again
        }
        int outcome = park(w, true, timed, deadline);
        if (outcome == INTERRUPTED) {
            throw new InterruptedException();
        }
        if (outcome == SIGNALLED) {
            helpUnpark(w); // a set() chose us: help wake the waiters after us in its chain
        }
        return outcome == SIGNALLED;
    }

    /** A waiter left on timeout or interrupt: if it was the last, QUEUED must go (see the invariant). */
    @Override
    protected void waiterLeftLocked() {
        if (isEmptyLocked()) {
            for (;;) {
                int s = state;
                if ((s & QUEUED) == 0 || STATE.compareAndSet(this, s, s & ~QUEUED)) {
                    return;
                }
            }
        }
    }

    // ---- VarHandles ----
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(FlagSync.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
