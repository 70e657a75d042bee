package org.threading4j;

import java.time.Duration;
import org.threading4j.internal.LockOwner;
import org.threading4j.internal.Deadline;
import org.threading4j.internal.LockSync;

/**
 * A primitive lock: Python's {@code threading.Lock}. It is either locked or unlocked; it is not owned by a
 * thread, so any thread may release it, and it is not reentrant: a second {@code acquire()} by the thread
 * that holds it blocks.
 *
 * <p>Python to Java:
 * <pre>{@code
 * lock = threading.Lock()                 Lock lock = new Lock();
 * with lock:                              try (Held h = lock.hold()) {
 *     counter += 1                            counter++;
 *                                         }
 * if lock.acquire(timeout=0.5):           if (lock.tryAcquire(Duration.ofMillis(500))) {
 *     try: ...                                try { ... } finally { lock.release(); }
 *     finally: lock.release()             }
 * }</pre>
 *
 * <p><b>Fairness.</b> Like Python's lock (and {@code ReentrantLock} in its default mode) the lock allows
 * barging: a thread arriving when the lock is free may take it ahead of threads already waiting, which
 * keeps throughput high. Unfairness is bounded: once the longest waiter has waited about a millisecond,
 * a release hands the lock to it directly, at most once every half millisecond (so that with many waiters
 * most releases still let a running thread in: no convoy). Python's documentation leaves the order
 * undefined.
 *
 * <p><b>Memory consistency effects:</b> actions in a thread before {@link #release()}
 * <i>happen-before</i> actions following a successful acquire ({@code acquire}, a {@code tryAcquire} that
 * returns {@code true}, {@code hold}) of the same lock in another thread. A failed {@code tryAcquire} and
 * {@link #locked()} have the effects of a volatile read only.
 *
 * <p><b>Diagnostics.</b> A thread waiting for the lock is parked on the lock's owner record, an
 * {@link java.util.concurrent.locks.AbstractOwnableSynchronizer} that names the thread whose acquire took
 * the lock. So {@code jstack -l} lists the lock under that thread's "Locked ownable synchronizers",
 * {@code ThreadInfo.getLockOwnerName()} of a waiter names it, and
 * {@code ThreadMXBean.findDeadlockedThreads()} finds cycles of Locks (and RLocks,
 * and {@code ReentrantLock}s), as for {@code ReentrantLock}. The record is for diagnostics only: a release
 * by any thread clears it, and the lock never consults it. {@link #toString()} shows the state.
 *
 * <p>{@link #asJavaLock()} returns the lock as a {@link java.util.concurrent.locks.Lock}, for code that
 * expects one; it stays unowned and non-reentrant.
 *
 * <p>Interrupts, timeouts and argument checks follow the
 * <a href="package-summary.html#conventions">package conventions</a>.
 */
public final class Lock {

    /**
     * The engine: one permit, bound one (locked iff no permit is free), and the record of the thread that
     * acquired the lock, for diagnostics only (thread dumps, deadlock detection, {@link #toString()}).
     */
    private final LockSync sync = new LockSync(new LockOwner(this));

    /** The engine, for {@link Condition}. */
    LockSync sync() {
        return sync;
    }
    /** Shared by every {@link #hold()}: a Lock may be released by any thread. */
    private final Held held = this::release;
    /** The one {@link #asJavaLock()} view of this lock. */
    private final JavaLockView javaLock = new JavaLockView(this, this::acquire, this::acquireInterruptibly,
            this::tryAcquire, sync::tryLock, this::release, () -> new Condition(this));

    /** Creates an unlocked lock. Python: {@code threading.Lock()}. */
    public Lock() {
    }

    /**
     * Acquires the lock, waiting as long as it takes. Not interruptible: an interrupt during the wait is
     * re-asserted when this returns. Python: {@code lock.acquire()}.
     */
    public void acquire() {
        sync.lock();
    }

    /**
     * Acquires the lock, waiting until it is free or the thread is interrupted. No Python equivalent
     * (Python has no thread interrupts); the closest is {@code lock.acquire()}.
     *
     * @throws InterruptedException if interrupted before or while waiting; the lock is then not acquired
     */
    public void acquireInterruptibly() throws InterruptedException {
        sync.lockInterruptibly();
    }

    /**
     * Acquires the lock only if it is free now. Python: {@code lock.acquire(blocking=False)}.
     *
     * @return {@code true} if the lock was acquired
     */
    public boolean tryAcquire() {
        return sync.tryLock();
    }

    /**
     * Acquires the lock, waiting at most {@code timeout}. Python: {@code lock.acquire(timeout=t)}.
     *
     * @param timeout how long to wait; zero tries once without waiting
     * @return {@code true} if acquired, {@code false} if the time ran out first
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is negative
     *         ("timeout value must be a non-negative number")
     * @throws InterruptedException if interrupted before or while waiting; the lock is then not acquired
     */
    public boolean tryAcquire(Duration timeout) throws InterruptedException {
        return sync.tryLock(Deadline.of(timeout));
    }


    /**
     * Releases the lock. Any thread may release it, not only the one that acquired it. If threads are
     * waiting, one of them will acquire it. Python: {@code lock.release()}.
     *
     * @throws IllegalMonitorStateException if the lock is not locked ("release unlocked lock")
     */
    public void release() {
        sync.unlock();
    }

    /**
     * Tells whether the lock is held by some thread now. Python: {@code lock.locked()}.
     *
     * @return {@code true} iff the lock is locked
     */
    public boolean locked() {
        return sync.locked();
    }

    /**
     * Acquires the lock (as {@link #acquire()}) and returns a {@link Held} whose {@code close()} releases
     * it: {@code try (Held h = lock.hold()) { ... }} is Python's {@code with lock: ...}.
     *
     * @return a {@code Held} whose {@code close()} releases the lock
     */
    public Held hold() {
        acquire();
        return held;
    }

    /**
     * Returns this lock as a {@link java.util.concurrent.locks.Lock}, for code that expects one. The same
     * view object is returned on every call; it has no state of its own, so the lock and its view may be
     * used side by side ({@code lock()} then {@code release()}, say). It maps:
     *
     * <table>
     * <caption>The view's methods</caption>
     * <tr><th>view</th><th>this lock</th><th>Python</th></tr>
     * <tr><td>{@code lock()}</td><td>{@link #acquire()}</td><td>{@code lock.acquire()}</td></tr>
     * <tr><td>{@code lockInterruptibly()}</td><td>{@link #acquireInterruptibly()}</td><td>none</td></tr>
     * <tr><td>{@code tryLock()}</td><td>{@link #tryAcquire()}</td><td>{@code lock.acquire(blocking=False)}</td></tr>
     * <tr><td>{@code tryLock(time, unit)}</td><td>{@link #tryAcquire(Duration)}; a negative time tries once;
     *     a null {@code unit} throws {@code NullPointerException}</td><td>{@code lock.acquire(timeout=t)}</td></tr>
     * <tr><td>{@code unlock()}</td><td>{@link #release()}</td><td>{@code lock.release()}</td></tr>
     * <tr><td>{@code newCondition()}</td><td>a view of {@code new Condition(this)}, new on each call</td>
     *     <td>{@code threading.Condition(lock)}</td></tr>
     * </table>
     *
     * <p>Interrupts are handled as by {@code ReentrantLock}: {@code lockInterruptibly()}, the timed
     * {@code tryLock} and the condition's {@code await} methods (except {@code awaitUninterruptibly()})
     * throw {@code InterruptedException} when interrupted, also when the interrupt is pending on entry,
     * and clear the interrupt status; {@code lock()} keeps waiting and re-asserts it.
     *
     * <p><b>Deliberate differences from {@code ReentrantLock}</b>, because this is Python's lock:
     * <ul>
     * <li>It has no owner: {@code unlock()} by any thread releases it (a hand-over is legal), and only
     *     an unlocked lock makes {@code unlock()} throw {@code IllegalMonitorStateException("release
     *     unlocked lock")}.</li>
     * <li>It is not reentrant: a second {@code lock()} by the thread that holds it waits until another
     *     thread unlocks it (for ever if none does), and a second {@code tryLock()} returns
     *     {@code false}.</li>
     * <li>The conditions of {@code newCondition()} check "locked by some thread", not "locked by the
     *     caller", before {@code await} and {@code signal} (as {@link Condition} does with a
     *     {@code Lock}): both throw {@code IllegalMonitorStateException} only when the lock is unlocked.</li>
     * </ul>
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
     * {@code org.threading4j.Lock@1b6d3586[locked, acquired by worker-2, waiters=1]} or
     * {@code ...[unlocked]}. "Acquired by" names the thread whose acquire took the lock, for diagnostics
     * only: a release by any thread clears it. The waiter count is approximate (read without
     * synchronization). Never blocks.
     */
    @Override
    public String toString() {
        boolean locked = locked();
        Thread by = sync.acquirer();
        int waiters = sync.queuedEstimate();
        StringBuilder sb = new StringBuilder(super.toString()).append(locked ? "[locked" : "[unlocked");
        if (locked && by != null) {
            sb.append(", acquired by ").append(by.getName());
        }
        if (locked || waiters > 0) {
            sb.append(", waiters=").append(waiters);
        }
        return sb.append(']').toString();
    }
}
