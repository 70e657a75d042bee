package org.threading4j;

import java.time.Duration;
import org.threading4j.internal.LockOwner;
import org.threading4j.internal.PermitSync;
import org.threading4j.internal.Timeouts;

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
 * millisecond.
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

    /**
     * The owner again, for diagnostics only (thread dumps, deadlock detection): waiters park with it as
     * their blocker. Written with {@link #owner} and in the same places; never read by the lock itself.
     */
    private final LockOwner ownerRecord = new LockOwner(this);
    /** The lock proper: one permit, taken by the owner's first acquire, returned by its last release. */
    private final PermitSync sync = new PermitSync(ownerRecord, 1, 1);

    /** The engine, for {@link Condition}: it defers the wake-ups of the threads it signals to our release. */
    PermitSync sync() {
        return sync;
    }
    /**
     * The owner, or null when free. Written only by the thread that holds the permit (set after taking it,
     * cleared before returning it). Other threads read it only to compare it with themselves, and a thread
     * can only ever find itself here if it is the owner, since it cleared the field itself before its last
     * release; so a plain field suffices.
     */
    private Thread owner;
    /** The owner's hold count, 1 or more while owned. Touched only by the owner. */
    private int holds;
    /** Shared by every {@link #hold()}: it releases the calling thread's hold. */
    private final Held held = this::release;
    /** The one {@link #asJavaLock()} view of this lock. */
    private final JavaLockView javaLock = new JavaLockView(this, this::acquire, this::acquireInterruptibly,
            this::tryAcquire, this::tryAcquireNanos, this::release, () -> new Condition(this));

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
        Thread me = Thread.currentThread();
        if (owner == me) {
            reenter();
            return;
        }
        sync.acquireUninterruptibly();
        own(me, 1);
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
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        Thread me = Thread.currentThread();
        if (owner == me) {
            reenter();
            return;
        }
        sync.acquireInterruptibly();
        own(me, 1);
    }

    /**
     * Acquires the lock if the caller owns it or it is free now. Python:
     * {@code rlock.acquire(blocking=False)}.
     *
     * @return {@code true} if acquired
     * @throws IllegalStateException if the caller already holds the lock {@link Integer#MAX_VALUE} times
     */
    public boolean tryAcquire() {
        Thread me = Thread.currentThread();
        if (owner == me) {
            reenter();
            return true;
        }
        if (sync.tryAcquire()) {
            own(me, 1);
            return true;
        }
        return false;
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
        return tryAcquireNanos(Timeouts.toNanos(timeout));
    }

    /** {@link #tryAcquire(Duration)} with the timeout checked: 0 or more nanoseconds. */
    private boolean tryAcquireNanos(long nanos) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        Thread me = Thread.currentThread();
        if (owner == me) {
            reenter();
            return true;
        }
        if (sync.tryAcquire(nanos)) {
            own(me, 1);
            return true;
        }
        return false;
    }

    /**
     * Releases one hold of the caller; the lock becomes free when the count reaches zero. Python:
     * {@code rlock.release()}.
     *
     * @throws IllegalMonitorStateException if the caller does not own the lock
     *         ("cannot release un-acquired lock")
     */
    public void release() {
        if (owner != Thread.currentThread()) {
            throw new IllegalMonitorStateException("cannot release un-acquired lock");
        }
        if (--holds == 0) {
            ownerRecord.owner(null);
            owner = null; // before the permit goes: the next owner must not find us here
            sync.release(1);
            sync.afterRelease(); // threads a Condition signalled while the lock was held
        }
    }

    /**
     * Tells whether any thread holds the lock now. Python 3.14: {@code rlock.locked()}.
     *
     * @return {@code true} iff some thread owns the lock
     */
    public boolean locked() {
        return sync.permits() == 0;
    }

    /**
     * Tells whether the calling thread owns the lock. Python: {@code rlock._is_owned()} (private).
     *
     * @return {@code true} iff the caller owns the lock
     */
    public boolean isHeldByCurrentThread() {
        return owner == Thread.currentThread();
    }

    /**
     * Returns the calling thread's hold count. Python: {@code rlock._recursion_count()} (private).
     *
     * @return how many times the caller holds the lock; 0 if it does not own it
     */
    public int holdCount() {
        return owner == Thread.currentThread() ? holds : 0;
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

    // ---- for Condition: Python's _release_save / _acquire_restore ----

    /**
     * Releases every hold of the caller and returns how many there were. Precondition: the caller owns the
     * lock.
     */
    int releaseAll() {
        int saved = holds;
        holds = 0;
        ownerRecord.owner(null);
        owner = null;
        sync.release(1);
        sync.afterRelease();
        return saved;
    }

    /** Reacquires the lock, not interruptibly, and restores a hold count saved by {@link #releaseAll()}. */
    void acquireRestore(int savedHolds) {
        sync.acquireUninterruptibly();
        own(Thread.currentThread(), savedHolds);
    }

    private void own(Thread me, int count) {
        owner = me;
        holds = count;
        ownerRecord.owner(me);
    }

    private void reenter() {
        if (holds == Integer.MAX_VALUE) {
            throw new IllegalStateException("maximum recursion depth exceeded: " + holds + " holds");
        }
        holds++;
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
        Thread o = owner;
        int h = holds;
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
