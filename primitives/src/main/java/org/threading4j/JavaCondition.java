package org.threading4j;

import java.util.Date;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.threading4j.internal.Deadline;

/**
 * A {@link java.util.concurrent.locks.Condition} over a threading4j {@link Condition}: what
 * {@code newCondition()} of {@link Lock#asJavaLock()} and {@link RLock#asJavaLock()} returns. Every method
 * is a thin translation of units onto the threading4j condition, which keeps its guarantees (no spurious
 * wake-ups, no lost signal, an interrupted or timed-out wait uses up no signal).
 *
 * <p>"Holding the lock" is the threading4j condition's test: ownership for an {@code RLock}, "locked by
 * some thread" for a plain {@code Lock}, which has no owner. The ownership check comes before the
 * interrupt check, so a waiter that does not hold the lock gets {@code IllegalMonitorStateException} and
 * keeps a pending interrupt, where {@code ReentrantLock} throws {@code InterruptedException}.
 */
final class JavaCondition implements java.util.concurrent.locks.Condition {

    /** The condition every call goes to; tied to the lock the view was made from. */
    private final Condition cond;

    JavaCondition(Condition cond) {
        this.cond = cond;
    }

    /**
     * Releases the lock, waits until signalled, then reacquires it. Python: {@code cond.wait()}.
     *
     * @throws IllegalMonitorStateException if the lock is not held ("cannot wait on un-acquired lock")
     * @throws InterruptedException if interrupted before or while waiting; the lock is held again when it
     *         is thrown and the interrupt status is cleared
     */
    @Override
    public void await() throws InterruptedException {
        cond.await();
    }

    /**
     * Like {@link #await()}, but an interrupt does not end the wait: it is re-asserted when this returns.
     * Python: {@code cond.wait()} (Python has no interrupts).
     *
     * @throws IllegalMonitorStateException if the lock is not held ("cannot wait on un-acquired lock")
     */
    @Override
    public void awaitUninterruptibly() {
        cond.awaitUninterruptibly();
    }

    /**
     * Like {@link #await()}, giving up after {@code nanosTimeout} nanoseconds. Zero or negative still
     * releases and reacquires the lock once. Python: {@code cond.wait(timeout)}, which returns a boolean.
     *
     * @param nanosTimeout the longest wait for a signal; the reacquire that follows is not bounded by it
     * @return an estimate of the nanoseconds left of {@code nanosTimeout} when this returns: zero or less
     *         when the time ran out before a signal (it may also be zero or less after a late signal)
     * @throws IllegalMonitorStateException if the lock is not held ("cannot wait on un-acquired lock")
     * @throws InterruptedException as for {@link #await()}
     */
    @Override
    public long awaitNanos(long nanosTimeout) throws InterruptedException {
        Deadline deadline = Deadline.afterNanos(nanosTimeout);
        boolean signalled = cond.awaitUntil(deadline);
        long left = deadline.remaining();
        return signalled ? left : Math.min(left, 0L);
    }

    /**
     * Like {@link #await()}, giving up after {@code time} in {@code unit}; zero or negative still releases
     * and reacquires the lock once. Python: {@code cond.wait(timeout)}.
     *
     * @param time the longest wait for a signal; the reacquire that follows is not bounded by it
     * @param unit the unit of {@code time}
     * @return {@code false} iff the time ran out before a signal
     * @throws NullPointerException if {@code unit} is null
     * @throws IllegalMonitorStateException if the lock is not held ("cannot wait on un-acquired lock")
     * @throws InterruptedException as for {@link #await()}
     */
    @Override
    public boolean await(long time, TimeUnit unit) throws InterruptedException {
        Objects.requireNonNull(unit, "unit");
        return cond.awaitUntil(Deadline.afterNanos(unit.toNanos(time))); // toNanos saturates
    }

    /**
     * Like {@link #await()}, giving up at the wall-clock time {@code deadline}; a deadline in the past
     * still releases and reacquires the lock once. The deadline is turned into a relative wait when the
     * call starts, so later changes of the system clock do not move it. Python: none.
     *
     * @param deadline when to give up waiting for a signal
     * @return {@code false} iff the deadline passed before a signal
     * @throws NullPointerException if {@code deadline} is null
     * @throws IllegalMonitorStateException if the lock is not held ("cannot wait on un-acquired lock")
     * @throws InterruptedException as for {@link #await()}
     */
    @Override
    public boolean awaitUntil(Date deadline) throws InterruptedException {
        long until = Objects.requireNonNull(deadline, "deadline").getTime();
        long now = System.currentTimeMillis();
        long millis = until <= now ? 0L : until - now; // no overflow: now is positive
        return cond.awaitUntil(Deadline.afterNanos(TimeUnit.MILLISECONDS.toNanos(millis))); // toNanos saturates
    }

    /**
     * Wakes the oldest waiter, if any. Python: {@code cond.notify()}.
     *
     * @throws IllegalMonitorStateException if the lock is not held ("cannot notify on un-acquired lock")
     */
    @Override
    public void signal() {
        cond.signal();
    }

    /**
     * Wakes every waiter. Python: {@code cond.notify_all()}.
     *
     * @throws IllegalMonitorStateException if the lock is not held ("cannot notify on un-acquired lock")
     */
    @Override
    public void signalAll() {
        cond.signalAll();
    }

    /**
     * Names the view and describes the condition, e.g.
     * {@code java.util.concurrent.locks.Condition view of org.threading4j.Condition@4e25154f[waiters=0,
     * lock=...]}. Never blocks.
     */
    @Override
    public String toString() {
        return "java.util.concurrent.locks.Condition view of " + cond;
    }
}
