package org.threading4j.specs;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.threading4j.specs.LockSpec.Wait;

/**
 * Reference model of {@code org.threading4j.Semaphore}, Python's {@code threading.Semaphore}: "a counter
 * representing the number of release() calls minus the number of acquire() calls, plus an initial value".
 *
 * <p>The state is Python's {@code _value}, the free permits; plus, for calls that wait, the callers now
 * waiting and the callers with a pending interrupt (see the <a href="package-summary.html">package notes</a>
 * on callers and waiting). An acquire that finds no permit waits; {@code release(n)} adds {@code n} permits,
 * and each waiting caller that then {@link #proceed}s takes one while any is left (Python notifies {@code n}
 * waiters, which re-check {@code _value}). Who gets a permit first is not modelled: a real semaphore may
 * wake its oldest waiter, or let a newcomer barge in.
 *
 * <p>The calls that never wait ({@link #tryAcquire()}, {@link #release(int)}, {@link #value()}) do not depend
 * on who calls them and have the primitive's signatures, so Lincheck can use this class as the sequential
 * specification of {@code Semaphore} directly.
 *
 * <p>Differences from Python:
 * <ul>
 * <li>Non-blocking and timed acquires are {@code tryAcquire()} and {@code tryAcquire(timeout)}, one method per
 * mode; {@code acquireInterruptibly} is new (Python threads cannot be interrupted).</li>
 * <li>A negative initial value and {@code release(n)} with {@code n < 1} throw {@code IllegalArgumentException} with
 * Python's {@code ValueError} message.</li>
 * <li>The value is an {@code int}: a release that would take it above {@code Integer.MAX_VALUE} throws {@code
 * IllegalStateException}.</li>
 * </ul>
 */
public class SemaphoreSpec {

    /** Python's message for a negative initial value (ValueError there, IllegalArgumentException here). */
    public static final String NEGATIVE_VALUE = "semaphore initial value must be >= 0";
    /** Python's message for {@code release(n)} with {@code n < 1}. */
    public static final String BAD_N = "n must be one or more";
    /** The package's message for a negative timeout. */
    public static final String NEGATIVE_TIMEOUT = LockSpec.NEGATIVE_TIMEOUT;
    /** threading4j's message when a plain semaphore's value would exceed {@code Integer.MAX_VALUE}. */
    public static final String OVERFLOW = "semaphore value would exceed Integer.MAX_VALUE";

    /** The initial value: Python's {@code BoundedSemaphore._initial_value}. */
    protected final int initial;
    /** Free permits: Python's {@code _value}. */
    protected int value;
    /** Callers blocked in an acquire, oldest first. */
    private final Map<Integer, Wait> waiting = new LinkedHashMap<>();
    /** Callers whose interrupt status is set. */
    private final Set<Integer> interrupted = new HashSet<>();

    /** {@code Semaphore()}: one permit. */
    public SemaphoreSpec() {
        this(1);
    }

    /** {@code Semaphore(value)}. */
    public SemaphoreSpec(int value) {
        if (value < 0) {
            throw new IllegalArgumentException(NEGATIVE_VALUE);
        }
        this.initial = value;
        this.value = value;
    }

    // ---- calls that never wait (any caller) ----

    /** {@code sem.acquire(blocking=False)}: takes a permit if one is free. */
    public boolean tryAcquire() {
        if (value == 0) {
            return false;
        }
        value--;
        return true;
    }

    /** {@code sem.release()}: {@code release(1)}. */
    public void release() {
        release(1);
    }

    /**
     * {@code sem.release(n)}: checks {@code n}, then that the value has room ({@link #checkRoom}), then adds
     * {@code n} permits; callers waiting for one may now {@link #proceed}.
     */
    public void release(int n) {
        if (n < 1) {
            throw new IllegalArgumentException(BAD_N);
        }
        checkRoom(n);
        value += n;
    }

    /**
     * Refuses a release that would take the value too high, before anything changes. A plain semaphore is
     * unbounded in Python; here the value is an {@code int}.
     */
    protected void checkRoom(int n) {
        if ((long) value + n > Integer.MAX_VALUE) {
            throw new IllegalStateException(OVERFLOW);
        }
    }

    /** Python's {@code _value}: the free permits. */
    public int value() {
        return value;
    }

    // ---- calls that may wait: true = the caller has a permit; false = see waiting(caller) ----

    /** {@code sem.acquire()}: takes a permit, or the caller waits (not interruptibly). */
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
     * {@code sem.acquire(timeout=t)}: arguments first, then a pending interrupt, then a permit if one is free;
     * otherwise false at once for a zero timeout, else the caller waits (timed).
     */
    public boolean tryAcquire(int caller, Duration timeout) throws InterruptedException {
        LockSpec.checkTimeout(timeout);
        requireRunning(caller);
        takeInterrupt(caller);
        return tryAcquire() || (!timeout.isZero() && waits(caller, Wait.TIMED));
    }

    // ---- steps that end a wait ----

    /** A waiting caller runs again: it takes a permit if one is free and its call returns true, else waits on. */
    public boolean proceed(int caller) {
        if (!waiting.containsKey(caller)) {
            throw new IllegalStateException("caller " + caller + " is not waiting");
        }
        return tryAcquire() && waiting.remove(caller) != null;
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

    /** Whether {@code caller}'s interrupt status is set. */
    public boolean isInterrupted(int caller) {
        return interrupted.contains(caller);
    }

    /** Whether {@code caller} is blocked in an acquire. */
    public boolean waiting(int caller) {
        return waiting.containsKey(caller);
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
        return getClass().getSimpleName() + "[value=" + value + (waiting.isEmpty() ? "" : ", waiting " + waiting.keySet())
                + "]";
    }
}
