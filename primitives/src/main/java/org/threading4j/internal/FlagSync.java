package org.threading4j.internal;

/**
 * A broadcast flag over {@link WaitQueue}: the engine behind {@code Event}.
 *
 * <pre>
 * State word
 * ==========
 *
 *   bit 0  SET     the flag (Python's Event._flag)
 *   bit 1  QUEUED  the wait queue is non-empty (the engine's bit)
 *
 *   SET  QUEUED  meaning
 *   ---  ------  ------------------------------------------------------------
 *    0     0     clear, nobody waits: set() is one CAS
 *    0     1     clear, threads wait: set() must wake them all
 *    1     0     set: await() returns true at once, without parking
 *    1     1     never seen outside the queue lock: set() wakes everyone in the CAS that sets SET,
 *                and a waiter never queues while SET is on
 * </pre>
 *
 * <p>A waiter must wait while SET is off ({@link #mustWait}); {@code set()} turns SET on with one CAS when
 * nobody is queued, and otherwise through the engine's {@link #wake}, which resolves every queued waiter
 * SIGNALLED. {@code clear()} may run outside the queue lock: it wakes nobody, and a waiter that sees it
 * only keeps waiting. The woken waiters help unpark each other (a shared wake-up): each wake-up is a system
 * call, and woken waiters on other CPUs make them in parallel (the A/B runs are in docs/performance.md).
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
    static final long SET = 1L;
    /** Bit 1: the wait queue is non-empty. */
    static final long QUEUED = 2L;

    public FlagSync(Object blocker) {
        super(blocker, QUEUED, 0L);
    }

    /** The flag now. */
    public boolean isSet() {
        return (state() & SET) != 0L;
    }

    /** Sets the flag and wakes every waiter. */
    public void set() {
        for (;;) {
            long s = state();
            if ((s & SET) != 0L) {
                return; // already set: nobody can be queued (see the table)
            }
            if ((s & QUEUED) != 0L) {
                wake((t, queued) -> {
                    wakeAll();
                    return t | SET;
                }, true);
                return;
            }
            if (casState(s, s | SET)) {
                return;
            }
        }
    }

    /** Clears the flag. Waiters already chosen by a {@code set()} still return true. */
    public void clear() {
        for (;;) {
            long s = state();
            if ((s & SET) == 0L || casState(s, s & ~SET)) {
                return;
            }
        }
    }

    /**
     * Waits until the flag is set or {@code deadline} passes. Returns true iff the flag was set at entry or
     * a {@code set()} chose this waiter.
     */
    public boolean await(Deadline deadline) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if ((state() & SET) != 0L) {
            return true;
        }
        if (deadline == Deadline.NOW) {
            return false;
        }
        Waiter w = new Waiter(Thread.currentThread());
        switch (await(w, false, true, deadline)) {
            case PASSED:
                return true; // set while we registered
            case SIGNALLED:
                helpUnpark(w); // a set() chose us: help wake the waiters after us in its chain
                return true;
            case INTERRUPTED:
                throw new InterruptedException();
            default:
                return false; // TIMED_OUT
        }
    }

    @Override
    protected boolean mustWait(long s, Waiter w) {
        return (s & SET) == 0L;
    }
}
