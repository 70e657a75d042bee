package org.threading4j.specs;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.threading4j.specs.LockSpec.Wait;

/**
 * Reference model of {@code org.threading4j.RLock}, Python's {@code threading.RLock}.
 *
 * <p>The state is an owner and the owner's hold count ({@code NOBODY} and 0 when free); plus, for calls
 * that wait, the callers now waiting and the callers with a pending interrupt (see the
 * <a href="package-summary.html">package notes</a>). The owner's acquire never waits, whatever the method:
 * it adds a hold. Only the owner may release, one hold at a time; the lock is free when the count is 0.
 *
 * <p>Every method takes the calling thread as an explicit {@code caller} id ("current thread" below means
 * that caller). The signatures are the primitive's with that id added, so a Lincheck test whose operations
 * receive their thread's id (Lincheck's {@code ThreadIdGen}) can use this class as its sequential
 * specification.
 *
 * <p>Differences from Python:
 * <ul>
 * <li>{@code _is_owned()} and {@code _recursion_count()} are public: {@code isHeldByCurrentThread} and {@code
 * holdCount}.</li>
 * <li>A release by a caller that is not the owner throws {@code IllegalMonitorStateException} with Python's {@code
 * RuntimeError} message.</li>
 * <li>{@code acquireInterruptibly} is new: Python threads cannot be interrupted.</li>
 * </ul>
 */
public class RLockSpec extends ConditionLock {

    /** Python's {@code RuntimeError} message for a release by a caller that does not own the lock. */
    public static final String UN_ACQUIRED = "cannot release un-acquired lock";
    /** The owner of a free lock. */
    public static final int NOBODY = -1;

    private int owner = NOBODY;
    /** The owner's hold count: Python's {@code _recursion_count()} for the owner. */
    private int count;
    /** Callers blocked in a call, oldest first: the pending requests. */
    private final Map<Integer, Wait> waiting = new LinkedHashMap<>();
    /** Callers whose interrupt status is set. */
    private final Set<Integer> interrupted = new HashSet<>();
    /** Callers taking the lock back after a condition wait: the holds they get ({@link #acquireRestore}). */
    private final Map<Integer, Integer> restoring = new HashMap<>();

    // ---- calls that never wait ----

    /** {@code rlock.acquire(blocking=False)}: a hold more for the owner; the lock if free; else false. */
    public boolean tryAcquire(int caller) {
        if (owner == caller) {
            count++;
            return true;
        }
        if (owner != NOBODY) {
            return false;
        }
        owner = caller;
        count = 1;
        return true;
    }

    /** {@code rlock.release()}: one hold fewer; the lock is free when none is left. Only the owner may. */
    public void release(int caller) {
        if (owner != caller) {
            throw new IllegalMonitorStateException(UN_ACQUIRED);
        }
        if (--count == 0) {
            owner = NOBODY;
        }
    }

    /** {@code rlock.locked()} (Python 3.14): whether anybody holds it, whoever asks. */
    public boolean locked(int caller) {
        return owner != NOBODY;
    }

    /** {@code rlock._is_owned()}. */
    public boolean isHeldByCurrentThread(int caller) {
        return owner == caller;
    }

    /** {@code rlock._recursion_count()}: the caller's holds, 0 if it is not the owner. */
    public int holdCount(int caller) {
        return owner == caller ? count : 0;
    }

    // ---- calls that may wait: true = the call returned holding the lock; false = see waiting(caller) ----

    /** {@code rlock.acquire()}: as {@link #tryAcquire(int)}, except that the caller waits (not interruptibly). */
    public boolean acquire(int caller) {
        requireRunning(caller);
        return tryAcquire(caller) || waits(caller, Wait.UNINTERRUPTIBLE);
    }

    /** A pending interrupt is thrown (and cleared) first, even for the owner; then as {@link #acquire}. */
    public boolean acquireInterruptibly(int caller) throws InterruptedException {
        requireRunning(caller);
        takeInterrupt(caller);
        return tryAcquire(caller) || waits(caller, Wait.INTERRUPTIBLE);
    }

    /**
     * {@code rlock.acquire(timeout=t)}: arguments first (an owner passing a negative timeout gets the
     * {@code IllegalArgumentException}, as in CPython's C RLock), then a pending interrupt, then as
     * {@link #tryAcquire(int)}; if that fails, false at once for a zero timeout, else the caller waits.
     */
    public boolean tryAcquire(int caller, Duration timeout) throws InterruptedException {
        LockSpec.checkTimeout(timeout);
        requireRunning(caller);
        takeInterrupt(caller);
        return tryAcquire(caller) || (!timeout.isZero() && waits(caller, Wait.TIMED));
    }

    // ---- steps that end a wait (as in LockSpec) ----

    /** A waiting caller runs again; if the lock is free it becomes the owner and its call returns true. */
    public boolean proceed(int caller) {
        if (!waiting.containsKey(caller)) {
            throw new IllegalStateException("caller " + caller + " is not waiting");
        }
        if (owner != NOBODY) {
            return false;
        }
        waiting.remove(caller);
        owner = caller;
        Integer holds = restoring.remove(caller);
        count = holds == null ? 1 : holds;
        return true;
    }

    /** A timed waiter's time runs out: its call returns false, having taken nothing. */
    public void timeOut(int caller) {
        if (waiting.get(caller) != Wait.TIMED) {
            throw new IllegalStateException("caller " + caller + " is not in a timed wait");
        }
        waiting.remove(caller);
    }

    /** {@code Thread.interrupt()} of {@code caller}: true if that ended an interruptible wait (see LockSpec). */
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

    /** Python's {@code rlock._is_owned()}: {@link #isHeldByCurrentThread}. */
    @Override
    boolean isOwned(int caller) {
        return isHeldByCurrentThread(caller);
    }

    /** Python's {@code rlock._release_save()}: gives up every hold at once; returns how many there were. */
    @Override
    int releaseSave(int caller) {
        int holds = count;
        owner = NOBODY;
        count = 0;
        return holds;
    }

    /**
     * Python's {@code rlock._acquire_restore(state)}: the caller waits for the lock, then gets {@code holds} holds.
     */
    @Override
    void acquireRestore(int caller, int holds) {
        restoring.put(caller, holds);
        waits(caller, Wait.UNINTERRUPTIBLE);
    }

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

    @Override
    public String toString() {
        return (owner == NOBODY ? "unlocked" : "owned by " + owner + " x" + count)
                + (waiting.isEmpty() ? "" : ", waiting " + waiting.keySet());
    }
}
