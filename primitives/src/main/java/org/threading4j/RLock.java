package org.threading4j;

import java.time.Duration;
import org.threading4j.internal.LockOwner;
import org.threading4j.internal.Deadline;
import org.threading4j.internal.RLockSync;

/**
 * A reentrant lock: Python's {@code threading.RLock}. It is owned by the thread that acquired it, which may
 * acquire it again without blocking; each acquire must be balanced by a {@link #release()} from the same
 * thread, and the lock is free once the owner's hold count drops to zero.
 *
 * <p>Python to Java:
 * <pre>{@code
 * rlock = threading.RLock()               RLock rlock = new RLock();
 * with rlock:                             try (Held outer = rlock.hold()) {
 *     with rlock:                             try (Held inner = rlock.hold()) {
 *         rlock._recursion_count()  # 2           rlock.holdCount();          // 2
 *                                             }
 *                                         }
 * }</pre>
 *
 * <p>An owner's recursive acquire never blocks, whatever the method: {@code tryAcquire()} and
 * {@code tryAcquire(Duration)} succeed at once (the timeout is still checked first, as in CPython's C
 * implementation). A thread that ends while holding the lock leaves it locked for ever, as in Python.
 *
 * <p><b>Fairness</b> is as for {@link Lock}: barging, with a hand-off to a waiter that has waited about a
 * millisecond, at most once every half millisecond.
 *
 * <p><b>Memory consistency effects:</b> actions in a thread before the {@link #release()} that frees the
 * lock <i>happen-before</i> actions following the next successful first acquire of it by another thread.
 *
 * <p><b>Diagnostics.</b> A thread waiting for the lock is parked on the lock's owner record, an
 * {@link java.util.concurrent.locks.AbstractOwnableSynchronizer} whose owner is the RLock's owner. So
 * {@code jstack -l} lists the lock under its owner's "Locked ownable synchronizers",
 * {@code ThreadInfo.getLockOwnerName()} of a waiter names the owner, and
 * {@code ThreadMXBean.findDeadlockedThreads()} finds cycles of RLocks (and Locks, and
 * {@code ReentrantLock}s), as for {@code ReentrantLock}. {@link #toString()} shows the owner and hold count.
 *
 * <p>{@link #asJavaLock()} returns the lock as a {@link java.util.concurrent.locks.Lock}, for code
 * that expects one.
 *
 * <p>Interrupts, timeouts and argument checks follow the
 * <a href="package-summary.html#conventions">package conventions</a>.
 */
public final class RLock {

    /** The engine: one permit, the owner and its hold count, and the owner record thread dumps show. */
    private final RLockSync sync = new RLockSync(new LockOwner(this));

    /** The engine, for {@link Condition}. */
    RLockSync sync() {
        return sync;
    }
    /** Shared by every {@link #hold()}: it releases the calling thread's hold. */
    private final Held held = this::release;
    /** The one {@link #asJavaLock()} view of this lock. */
    private final JavaLockView javaLock = new JavaLockView(this, this::acquire, this::acquireInterruptibly,
            this::tryAcquire, sync::tryLock, this::release, () -> new Condition(this));

    /** Creates an unlocked reentrant lock. Python: {@code threading.RLock()}. */
    public RLock() {
    }

    /**
     * Acquires the lock: at once if the caller owns it (the hold count goes up), otherwise waiting as long
     * as it takes. Not interruptible: an interrupt during the wait is re-asserted when this returns.
     * Python: {@code rlock.acquire()}.
     *
     * @throws IllegalStateException if the caller already holds the lock {@link Integer#MAX_VALUE} times
     */
    public void acquire() {
        sync.lock();
    }

    /**
     * Acquires the lock like {@link #acquire()}, unless interrupted. No Python equivalent (Python has no
     * thread interrupts); the closest is {@code rlock.acquire()}.
     *
     * @throws InterruptedException if interrupted before or while waiting, also when the caller owns the
     *         lock; nothing is acquired then
     * @throws IllegalStateException if the caller already holds the lock {@link Integer#MAX_VALUE} times
     */
    public void acquireInterruptibly() throws InterruptedException {
        sync.lockInterruptibly();
    }

    /**
     * Acquires the lock if the caller owns it or it is free now. Python:
     * {@code rlock.acquire(blocking=False)}.
     *
     * @return {@code true} if acquired
     * @throws IllegalStateException if the caller already holds the lock {@link Integer#MAX_VALUE} times
     */
    public boolean tryAcquire() {
        return sync.tryLock();
    }

    /**
     * Acquires the lock, waiting at most {@code timeout}; at once if the caller owns it. Python:
     * {@code rlock.acquire(timeout=t)}.
     *
     * @param timeout how long to wait; zero tries once without waiting
     * @return {@code true} if acquired, {@code false} if the time ran out first
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is negative, even for the owner
     *         ("timeout value must be a non-negative number")
     * @throws InterruptedException if interrupted before or while waiting, also when the caller owns the
     *         lock; nothing is acquired then
     * @throws IllegalStateException if the caller already holds the lock {@link Integer#MAX_VALUE} times
     */
    public boolean tryAcquire(Duration timeout) throws InterruptedException {
        return sync.tryLock(Deadline.of(timeout));
    }


    /**
     * Releases one hold of the caller; the lock becomes free when the count reaches zero. Python:
     * {@code rlock.release()}.
     *
     * @throws IllegalMonitorStateException if the caller does not own the lock
     *         ("cannot release un-acquired lock")
     */
    public void release() {
        sync.unlock();
    }

    /**
     * Tells whether any thread holds the lock now. Python 3.14: {@code rlock.locked()}.
     *
     * @return {@code true} iff some thread owns the lock
     */
    public boolean locked() {
        return sync.locked();
    }

    /**
     * Tells whether the calling thread owns the lock. Python: {@code rlock._is_owned()} (private).
     *
     * @return {@code true} iff the caller owns the lock
     */
    public boolean isHeldByCurrentThread() {
        return sync.isOwned();
    }

    /**
     * Returns the calling thread's hold count. Python: {@code rlock._recursion_count()} (private).
     *
     * @return how many times the caller holds the lock; 0 if it does not own it
     */
    public int holdCount() {
        return sync.isOwned() ? sync.holds() : 0;
    }

    /**
     * Acquires the lock (as {@link #acquire()}) and returns a {@link Held} whose {@code close()} releases
     * one hold: {@code try (Held h = rlock.hold()) { ... }} is Python's {@code with rlock: ...}.
     *
     * @return a {@code Held} whose {@code close()} releases one hold of the calling thread
     * @throws IllegalStateException if the caller already holds the lock {@link Integer#MAX_VALUE} times
     */
    public Held hold() {
        acquire();
        return held;
    }

    /**
     * Returns this lock as a {@link java.util.concurrent.locks.Lock}, for code that expects one: it then
     * behaves as a (non-fair) {@code ReentrantLock}. The same view object is returned on every call; it
     * has no state of its own, so the lock and its view may be mixed freely (the hold count is shared). It
     * maps:
     *
     * <table>
     * <caption>The view's methods</caption>
     * <tr><th>view</th><th>this lock</th><th>Python</th></tr>
     * <tr><td>{@code lock()}</td><td>{@link #acquire()}</td><td>{@code rlock.acquire()}</td></tr>
     * <tr><td>{@code lockInterruptibly()}</td><td>{@link #acquireInterruptibly()}</td><td>none</td></tr>
     * <tr><td>{@code tryLock()}</td><td>{@link #tryAcquire()}</td><td>{@code rlock.acquire(blocking=False)}</td></tr>
     * <tr><td>{@code tryLock(time, unit)}</td><td>{@link #tryAcquire(Duration)}; a negative time tries once;
     *     a null {@code unit} throws {@code NullPointerException}</td><td>{@code rlock.acquire(timeout=t)}</td></tr>
     * <tr><td>{@code unlock()}</td><td>{@link #release()}</td><td>{@code rlock.release()}</td></tr>
     * <tr><td>{@code newCondition()}</td><td>a view of {@code new Condition(this)}, new on each call</td>
     *     <td>{@code threading.Condition(rlock)}</td></tr>
     * </table>
     *
     * <p>As for {@code ReentrantLock}: {@code unlock()} by a thread that does not own the lock throws
     * {@code IllegalMonitorStateException} ("cannot release un-acquired lock"); the conditions'
     * {@code await} and {@code signal} methods throw it when the caller does not own the lock, and
     * {@code await} releases every hold and restores the count before it returns or throws.
     * {@code lockInterruptibly()}, the timed {@code tryLock} and the conditions' {@code await} methods
     * (except {@code awaitUninterruptibly()}) throw {@code InterruptedException} when interrupted, also
     * when the interrupt is pending on entry (for {@code lockInterruptibly} and {@code tryLock}, also when
     * the caller owns the lock), and clear the interrupt status; {@code lock()} keeps waiting and
     * re-asserts it. Unlike {@code ReentrantLock}, which throws an {@code Error}, a hold count past
     * {@link Integer#MAX_VALUE} throws {@code IllegalStateException}, and a condition checks ownership
     * before a pending interrupt.
     *
     * <p>Memory effects, fairness and diagnostics are this lock's: the view adds nothing to them.
     *
     * @return the {@code java.util.concurrent.locks.Lock} view of this lock, the same object on every call
     */
    public java.util.concurrent.locks.Lock asJavaLock() {
        return javaLock;
    }

    /**
     * A description of the lock's state for logs and debuggers, e.g.
     * {@code org.threading4j.RLock@1b6d3586[locked by main, holds=2, waiters=1]} or {@code ...[unlocked]}.
     * Read without synchronization, so from another thread than the owner the hold count and the waiter
     * count are approximate snapshots. Never blocks.
     */
    @Override
    public String toString() {
        boolean locked = locked();
        Thread o = sync.owner();
        int h = sync.holds();
        int waiters = sync.queuedEstimate();
        StringBuilder sb = new StringBuilder(super.toString()).append(locked ? "[locked" : "[unlocked");
        if (locked && o != null) {
            sb.append(" by ").append(o.getName()).append(", holds=").append(h);
        }
        if (locked || waiters > 0) {
            sb.append(", waiters=").append(waiters);
        }
        return sb.append(']').toString();
    }
}
