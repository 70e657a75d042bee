package org.threading4j.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The engine behind {@code Timer}: the state word that decides, once, whether the action runs, and the
 * wait queue in which the timer's own thread waits for its interval to pass (a {@code cancel()} wakes it).
 *
 * <pre>
 * State word
 * ==========
 *
 *   bit 0  STARTED    start() was called (set once; a second start() finds it and fails)
 *   bit 1  FIRED      the timer's thread won the decision: the action runs, exactly once
 *   bit 2  CANCELLED  a cancel() won the decision: the action never runs
 *
 *   FIRED and CANCELLED are the two outcomes of one decision. Both leave "undecided"
 *   (neither bit) by a CAS whose expected value has neither bit, so at most one of them
 *   is ever set, and once set it never changes.
 *
 *   STARTED  FIRED  CANCELLED  meaning
 *   -------  -----  ---------  ------------------------------------------------------------
 *      0       0        0      new: cancel() would win; start() allowed
 *      0       0        1      cancelled before start: start() is allowed, its thread ends at once
 *      0       1        -      never: only the timer's thread fires, and it exists only after STARTED
 *      1       0        0      started, pending: the thread waits (or is about to); cancel() would win
 *      1       1        0      fired: the action runs or ran; cancel() returns false from now on
 *      1       0        1      cancelled while pending; the thread wakes and ends
 *      -       1        1      never (the decision is made once)
 *
 *   Transitions (each one CAS):
 *     start()     s -> s | STARTED                  fails (IllegalStateException) if STARTED
 *     cancel()    s -> s | CANCELLED  if neither FIRED nor CANCELLED; then wake the waiting thread
 *     tryFire()   s -> s | FIRED      if neither FIRED nor CANCELLED (the timer's thread, at its deadline)
 * </pre>
 *
 * <p>A concurrent {@code start()} may make the decision CAS fail and go round again; the outcome is still
 * decided by the one CAS that moves the word out of "undecided". That is the whole at-most-once argument:
 * the action runs only after a successful {@link #tryFire()}, and {@code cancel()} returns true only after
 * a successful CAS to CANCELLED, and the two CASes expect the same "undecided" bits.
 *
 * <p>Waking: the timer's thread validates and enqueues under the queue lock ({@link #awaitDue}); a
 * successful cancel then takes the queue lock and wakes whoever is queued. Either the cancel's CAS comes
 * before the waiter's check under the lock (the waiter sees CANCELLED and does not park) or the waiter is
 * queued before the canceller takes the lock (the canceller wakes it). There is at most one waiter, and
 * cancel succeeds at most once, so the extra lock round-trip costs nothing worth a "queued" bit.
 *
 * <p>The timer thread's wait is not interruptible: only {@code cancel()} stops a timer. An interrupt that
 * arrives during the wait is kept and re-asserted, so the action (if it runs) sees it.
 */
public final class TimerSync extends WaitQueue {

    /** Bit 0: start() was called. */
    public static final int STARTED = 1;
    /** Bit 1: the timer's thread won the decision; the action runs. */
    public static final int FIRED = 2;
    /** Bit 2: a cancel() won the decision; the action never runs. */
    public static final int CANCELLED = 4;

    /** Named results of {@link #awaitDue}. */
    public static final int DUE = 1;
    /** The wait ended because a cancel() won. */
    public static final int WOKEN_BY_CANCEL = 2;

    /** STARTED | FIRED | CANCELLED bits; see the class comment. */
    private volatile int state;

    /**
     * @param blocker the public {@code Timer}, shown as the parked timer thread's blocker
     */
    public TimerSync(Object blocker) {
        super(blocker);
    }

    /** The state word (for {@code toString} and checks). */
    public int state() {
        return state;
    }

    /** Sets STARTED; returns false if it was already set (a second start). */
    public boolean markStarted() {
        for (;;) {
            int s = state;
            if ((s & STARTED) != 0) {
                return false;
            }
            if (STATE.compareAndSet(this, s, s | STARTED)) {
                return true;
            }
        }
    }

    /**
     * The cancel transition: true iff this call moved the word from undecided to CANCELLED, i.e. it stopped
     * the action from ever running. Wakes the timer's thread if it waits.
     */
    public boolean cancel() {
        for (;;) {
            int s = state;
            if ((s & (FIRED | CANCELLED)) != 0) {
                return false; // decided already: fired, or another cancel won
            }
            if (STATE.compareAndSet(this, s, s | CANCELLED)) {
                break;
            }
            // a concurrent start() changed STARTED: decide again
        }
        signal(Integer.MAX_VALUE); // at most one waiter: the timer's thread
        return true;
    }

    /**
     * The fire transition, taken by the timer's thread when its interval has passed: true iff this call
     * moved the word from undecided to FIRED, so the caller must run the action, once.
     */
    public boolean tryFire() {
        for (;;) {
            int s = state;
            if ((s & (FIRED | CANCELLED)) != 0) {
                return false;
            }
            if (STATE.compareAndSet(this, s, s | FIRED)) {
                return true;
            }
        }
    }

    /** True iff a cancel() won the decision. */
    public boolean isCancelled() {
        return (state & CANCELLED) != 0;
    }

    /** True iff the timer's thread won the decision. */
    public boolean isFired() {
        return (state & FIRED) != 0;
    }

    /**
     * Called only by the timer's thread: waits until {@code nanos} have passed ({@code timed}) or for ever
     * ({@code !timed}), or until a cancel() wins, whichever comes first. Never throws; an interrupt during
     * the wait is re-asserted on return.
     *
     * @return {@link #WOKEN_BY_CANCEL} if a cancel() won before or during the wait, else {@link #DUE}
     */
    public int awaitDue(boolean timed, long nanos) {
        if (isCancelled()) {
            return WOKEN_BY_CANCEL;
        }
        if (timed && nanos <= 0L) {
            return DUE; // zero interval: fire at once, never park
        }
        long deadline = timed ? deadlineAfter(nanos) : 0L;
        Waiter w = new Waiter(Thread.currentThread());
        lockQueue();
        if (isCancelled()) { // validate under the queue lock: a cancel after this point will find us queued
            unlockQueue();
            return WOKEN_BY_CANCEL;
        }
        enqueueLocked(w);
        unlockQueue();
        int outcome = park(w, false, timed, deadline);
        return outcome == SIGNALLED ? WOKEN_BY_CANCEL : DUE;
    }

    // ---- VarHandles ----
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(TimerSync.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
