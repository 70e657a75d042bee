package org.threading4j.specs;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reference model of {@code org.threading4j.Lock}, Python's {@code threading.Lock}.
 *
 * <p>The whole state is one flag, {@code locked}; plus, for calls that wait, the callers now waiting and
 * the callers with a pending interrupt (see the <a href="package-summary.html">package notes</a> on
 * callers and waiting). A lock has no owner: any caller may release it, and the lock is not reentrant
 * (a holder's second {@code acquire} waits, for ever if nobody else releases).
 *
 * <p>The three calls that never wait ({@link #tryAcquire()}, {@link #release()}, {@link #locked()}) do not
 * depend on who calls them and have the primitive's signatures, so Lincheck can use this class as the
 * sequential specification of {@code Lock} directly.
 *
 * <p>Differences from Python:
 * <ul>
 * <li>Non-blocking and timed acquires are {@code tryAcquire()} and {@code tryAcquire(timeout)}, one method per
 * mode.</li>
 * <li>Releasing a free lock throws {@code IllegalMonitorStateException} with Python's {@code RuntimeError}
 * message.</li>
 * <li>{@code acquireInterruptibly} is new: Python threads cannot be interrupted.</li>
 * </ul>
 */
public class LockSpec extends ConditionLock {

    /** Python's {@code RuntimeError} message for releasing a free lock. */
    public static final String RELEASE_UNLOCKED = "release unlocked lock";
    /** Python's {@code ValueError} message for a negative timeout. */
    public static final String NEGATIVE_TIMEOUT = "timeout value must be a non-negative number";

    /** How a caller waits: what, besides getting the lock, can end its wait. */
    public enum Wait {
        /** {@code acquire()}: nothing; an interrupt stays pending and is seen after the wait. */
        UNINTERRUPTIBLE,
        /** {@code acquireInterruptibly()}: an {@link #interrupt}. */
        INTERRUPTIBLE,
        /** {@code tryAcquire(timeout)}: an {@link #interrupt} or the time running out ({@link #timeOut}). */
        TIMED
    }

    private boolean locked;
    /** Callers blocked in a call, oldest first: the pending requests. */
    private final Map<Integer, Wait> waiting = new LinkedHashMap<>();
    /** Callers whose interrupt status is set. */
    private final Set<Integer> interrupted = new HashSet<>();

    // ---- calls that never wait (any caller) ----

    /** {@code lock.acquire(blocking=False)}: takes the lock if it is free. */
    public boolean tryAcquire() {
        if (locked) {
            return false;
        }
        locked = true;
        return true;
    }

    /**
     * {@code lock.release()}, by any caller. The lock becomes free; callers waiting for it may now
     * {@link #proceed} (the real lock may do a release and one waiter's proceed in one step: a hand-off).
     */
    public void release() {
        if (!locked) {
            throw new IllegalMonitorStateException(RELEASE_UNLOCKED);
        }
        locked = false;
    }

    /** {@code lock.locked()}. */
    public boolean locked() {
        return locked;
    }

    // ---- calls that may wait: true = the caller has the lock; false = see waiting(caller) ----

    /** {@code lock.acquire()}: takes the lock, or the caller waits (not interruptibly). */
    public boolean acquire(int caller) {
        requireRunning(caller);
        return tryAcquire() || waits(caller, Wait.UNINTERRUPTIBLE);
    }

    /** Like {@link #acquire}, but a pending interrupt is thrown (and cleared) first, and one can end the wait. */
    public boolean acquireInterruptibly(int caller) throws InterruptedException {
        requireRunning(caller);
        takeInterrupt(caller);
        return tryAcquire() || waits(caller, Wait.INTERRUPTIBLE);
    }

    /**
     * {@code lock.acquire(timeout=t)}: arguments first, then a pending interrupt, then the lock if free;
     * otherwise false at once for a zero timeout, else the caller waits (timed).
     */
    public boolean tryAcquire(int caller, Duration timeout) throws InterruptedException {
        checkTimeout(timeout);
        requireRunning(caller);
        takeInterrupt(caller);
        return tryAcquire() || (!timeout.isZero() && waits(caller, Wait.TIMED));
    }

    // ---- steps that end a wait ----

    /** A waiting caller runs again; it takes the lock if free and its call returns true, else it waits on. */
    public boolean proceed(int caller) {
        requireWaiting(caller);
        if (!tryAcquire()) {
            return false;
        }
        waiting.remove(caller);
        return true;
    }

    /** A timed waiter's time runs out: its call returns false, having taken nothing. */
    public void timeOut(int caller) {
        if (waiting.get(caller) != Wait.TIMED) {
            throw new IllegalStateException("caller " + caller + " is not in a timed wait");
        }
        waiting.remove(caller);
    }

    /**
     * {@code Thread.interrupt()} of {@code caller}. Returns true if that ended an interruptible wait (the
     * call throws {@code InterruptedException}, having taken nothing); otherwise the interrupt stays pending.
     */
    public boolean interrupt(int caller) {
        Wait w = waiting.get(caller);
        if (w == Wait.INTERRUPTIBLE || w == Wait.TIMED) {
            waiting.remove(caller);
            return true;
        }
        interrupted.add(caller);
        return false;
    }

    /** {@code Thread.interrupted()} run by {@code caller}: reads and clears its interrupt status. */
    public boolean clearInterrupt(int caller) {
        return interrupted.remove(caller);
    }

    /** Whether {@code caller}'s interrupt status is set. */
    public boolean isInterrupted(int caller) {
        return interrupted.contains(caller);
    }

    /** Whether {@code caller} is blocked in a call. */
    public boolean waiting(int caller) {
        return waiting.containsKey(caller);
    }

    // ---- for ConditionSpec: a waiter gives the lock up and takes it back ----

    /** Python's {@code Condition._is_owned} for a {@code Lock}: locked, by anyone. */
    @Override
    boolean isOwned(int caller) {
        return locked;
    }

    /** Python's {@code Condition._release_save} for a {@code Lock}: a plain release. */
    @Override
    int releaseSave(int caller) {
        release();
        return 1;
    }

    /**
     * Python's {@code Condition._acquire_restore}: a woken waiter must take the lock back; it waits until it can
     * {@link #proceed}.
     */
    @Override
    void acquireRestore(int caller, int saved) {
        waits(caller, Wait.UNINTERRUPTIBLE);
    }

    // ---- helpers ----

    private boolean waits(int caller, Wait how) {
        waiting.put(caller, how);
        return false;
    }

    private void takeInterrupt(int caller) throws InterruptedException {
        if (interrupted.remove(caller)) {
            throw new InterruptedException();
        }
    }

    private void requireRunning(int caller) {
        if (waiting.containsKey(caller)) {
            throw new IllegalStateException("caller " + caller + " is blocked and cannot make a call");
        }
    }

    private void requireWaiting(int caller) {
        if (!waiting.containsKey(caller)) {
            throw new IllegalStateException("caller " + caller + " is not waiting");
        }
    }

    static void checkTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException(NEGATIVE_TIMEOUT);
        }
    }

    @Override
    public String toString() {
        return (locked ? "locked" : "unlocked") + (waiting.isEmpty() ? "" : ", waiting " + waiting.keySet());
    }
}
