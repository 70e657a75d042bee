package org.threading4j.internal;

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
 *   bit 3  QUEUED     the timer's thread waits in the queue (the engine's bit)
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
 *     cancel()    s -> s | CANCELLED  if neither FIRED nor CANCELLED; wakes the thread if QUEUED
 *     tryFire()   s -> s | FIRED      if neither FIRED nor CANCELLED (the timer's thread, at its deadline)
 * </pre>
 *
 * <p>A concurrent {@code start()} may make the decision CAS fail and go round again; the outcome is still
 * decided by the one CAS that moves the word out of "undecided". That is the whole at-most-once argument:
 * the action runs only after a successful {@link #tryFire()}, and {@code cancel()} returns true only after
 * a successful CAS to CANCELLED, and the two CASes expect the same "undecided" bits.
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
    /** Bit 3: the timer's thread is queued. */
    static final long QUEUED = 8L;

    /**
     * @param blocker the public {@code Timer}, shown as the parked timer thread's blocker
     */
    public TimerSync(Object blocker) {
        super(blocker, QUEUED, 0L);
    }

    /** The STARTED, FIRED and CANCELLED bits (for {@code toString} and checks). */
    public int bits() {
        return (int) (state() & (STARTED | FIRED | CANCELLED));
    }

    /** Sets STARTED; returns false if it was already set (a second start). */
    public boolean markStarted() {
        for (;;) {
            long s = state();
            if ((s & STARTED) != 0) {
                return false;
            }
            if (casState(s, s | STARTED)) {
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
            long s = state();
            if ((s & (FIRED | CANCELLED)) != 0) {
                return false; // decided already: fired, or another cancel won
            }
            if ((s & QUEUED) != 0L) {
                long from = wake((t, queued) -> {
                    if ((t & (FIRED | CANCELLED)) != 0) {
                        return t;
                    }
                    wakeAll();
                    return t | CANCELLED;
                }, false);
                return (from & (FIRED | CANCELLED)) == 0;
            }
            if (casState(s, s | CANCELLED)) {
                return true;
            }
            // a concurrent start() or the thread's queueing changed the word: decide again
        }
    }

    /**
     * The fire transition, taken by the timer's thread when its interval has passed: true iff this call
     * moved the word from undecided to FIRED, so the caller must run the action, once.
     */
    public boolean tryFire() {
        for (;;) {
            long s = state();
            if ((s & (FIRED | CANCELLED)) != 0) {
                return false;
            }
            if (casState(s, s | FIRED)) {
                return true;
            }
        }
    }

    /** True iff a cancel() won the decision. */
    public boolean isCancelled() {
        return (state() & CANCELLED) != 0;
    }

    /** True iff the timer's thread won the decision. */
    public boolean isFired() {
        return (state() & FIRED) != 0;
    }

    /**
     * Called only by the timer's thread: waits until {@code deadline} or until a cancel() wins, whichever
     * comes first. Never throws; an interrupt during the wait is re-asserted on return. The caller then
     * decides with {@link #tryFire()}.
     */
    public void awaitDue(Deadline deadline) {
        if (isCancelled() || deadline == Deadline.NOW) {
            return; // cancelled already, or a zero interval: decide at once, never park
        }
        await(new Waiter(Thread.currentThread()), false, false, deadline);
    }

    @Override
    protected boolean mustWait(long s, Waiter w) {
        return (s & CANCELLED) == 0;
    }
}
