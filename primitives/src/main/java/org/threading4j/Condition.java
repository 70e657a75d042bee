package org.threading4j;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.threading4j.internal.ConditionSync;
import org.threading4j.internal.Deadline;

/**
 * A condition variable: Python's {@code threading.Condition}. It is tied to a lock (a {@link Lock} or an
 * {@link RLock}; a new {@code RLock} if none is given). A thread holding the lock calls {@link #await()}
 * to release the lock and sleep until another thread holding the lock calls {@link #signal()} or
 * {@link #signalAll()}; it then reacquires the lock and returns.
 *
 * <p>Python to Java:
 * <pre>{@code
 * cond = threading.Condition()            Condition cond = new Condition();
 * with cond:                              try (Held h = cond.hold()) {
 *     cond.wait_for(lambda: ready)            cond.waitFor(() -> ready);
 *                                         }
 * with cond:                              try (Held h = cond.hold()) {
 *     ready = True                            ready = true;
 *     cond.notify_all()                       cond.signalAll();
 *                                         }
 * }</pre>
 *
 * <p><b>Ownership.</b> With an {@code RLock}, "holding the lock" means the caller owns it, and
 * {@code await} releases every hold level, restoring the count afterwards (also on timeout and interrupt).
 * With a plain {@code Lock}, which has no owner, it means the lock is locked by some thread, exactly as in
 * Python.
 *
 * <p><b>Order and guarantees.</b> {@code signal(n)} wakes up to {@code n} waiters, oldest first. There are no
 * spurious wake-ups. A signal is never lost: a waiter that times out or is interrupted either left before a
 * signal chose it (then the signal goes to the next waiter) or was chosen first (then its {@code await}
 * returns {@code true}, keeping any interrupt status set). Python can lose a notify in that race. Like
 * Python, {@code await(timeout)} reacquires the lock without a timeout, so it may return after the timeout
 * has passed.
 *
 * <p><b>When a signalled thread runs.</b> A signal decides at once which waiters it chose, but their threads
 * are unparked when the lock is next released (by the signaller, or by whoever holds it), since they must
 * reacquire the lock before {@code await} can return: woken at the signal, they would find it held and park
 * a second time. {@code ReentrantLock}'s conditions do the same by moving the waiter to the lock's queue.
 *
 * <p><b>Memory consistency effects:</b> those of the lock: {@code await} releases and reacquires it, so
 * actions before a {@code signal} and the release that follows it <i>happen-before</i> the signalled
 * thread's actions after its {@code await} returns.
 *
 * <p>Interrupts, timeouts and argument checks follow the
 * <a href="package-summary.html#conventions">package conventions</a>.
 */
public final class Condition {

    /** Exactly one of these is non-null: the lock this condition is tied to. */
    private final Lock lock;
    private final RLock rlock;
    /** The engine: waiting threads, oldest first, and the seam to the lock's own engine. */
    private final ConditionSync waiters;

    /** Creates a condition with a new {@link RLock} of its own. Python: {@code threading.Condition()}. */
    public Condition() {
        this(new RLock());
    }

    /**
     * Creates a condition tied to a {@link Lock}. Python: {@code threading.Condition(lock)} with a
     * {@code threading.Lock}.
     *
     * @param lock the lock that callers of {@code await} and {@code signal} must hold
     * @throws NullPointerException if {@code lock} is null
     */
    public Condition(Lock lock) {
        this.lock = Objects.requireNonNull(lock, "lock");
        this.rlock = null;
        this.waiters = new ConditionSync(this, lock.sync());
    }

    /**
     * Creates a condition tied to an {@link RLock}. Python: {@code threading.Condition(rlock)}.
     *
     * @param lock the lock that callers of {@code await} and {@code signal} must own
     * @throws NullPointerException if {@code lock} is null
     */
    public Condition(RLock lock) {
        this.lock = null;
        this.rlock = Objects.requireNonNull(lock, "lock");
        this.waiters = new ConditionSync(this, lock.sync());
    }

    // ---- the lock, delegated ----

    /**
     * Acquires the underlying lock, as {@link Lock#acquire()} or {@link RLock#acquire()}. Python:
     * {@code cond.acquire()}.
     *
     * @throws IllegalStateException as {@link RLock#acquire()}, for an {@code RLock} held
     *         {@link Integer#MAX_VALUE} times
     */
    public void acquire() {
        if (lock != null) {
            lock.acquire();
        } else {
            rlock.acquire();
        }
    }

    /**
     * Acquires the underlying lock, interruptibly, as {@link Lock#acquireInterruptibly()} or
     * {@link RLock#acquireInterruptibly()}. No Python equivalent (Python has no thread interrupts); the
     * closest is {@code cond.acquire()}.
     *
     * @throws InterruptedException if interrupted before or while waiting; the lock is then not acquired
     * @throws IllegalStateException as {@link RLock#acquireInterruptibly()}
     */
    public void acquireInterruptibly() throws InterruptedException {
        if (lock != null) {
            lock.acquireInterruptibly();
        } else {
            rlock.acquireInterruptibly();
        }
    }

    /**
     * Acquires the underlying lock if that is possible now. Python: {@code cond.acquire(blocking=False)}.
     *
     * @return {@code true} if acquired
     * @throws IllegalStateException as {@link RLock#tryAcquire()}
     */
    public boolean tryAcquire() {
        return lock != null ? lock.tryAcquire() : rlock.tryAcquire();
    }

    /**
     * Acquires the underlying lock, waiting at most {@code timeout}. Python:
     * {@code cond.acquire(timeout=t)}.
     *
     * @param timeout how long to wait; zero tries once without waiting
     * @return {@code true} if acquired, {@code false} if the time ran out first
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is negative
     *         ("timeout value must be a non-negative number")
     * @throws InterruptedException if interrupted before or while waiting; the lock is then not acquired
     * @throws IllegalStateException as {@link RLock#tryAcquire(Duration)}
     */
    public boolean tryAcquire(Duration timeout) throws InterruptedException {
        return lock != null ? lock.tryAcquire(timeout) : rlock.tryAcquire(timeout);
    }

    /**
     * Releases the underlying lock, as {@link Lock#release()} or {@link RLock#release()}. Python:
     * {@code cond.release()}.
     *
     * @throws IllegalMonitorStateException if a {@code Lock} is not locked ("release unlocked lock") or
     *         the caller does not own an {@code RLock} ("cannot release un-acquired lock")
     */
    public void release() {
        if (lock != null) {
            lock.release();
        } else {
            rlock.release();
        }
    }

    /**
     * Tells whether the underlying lock is held by some thread. Python 3.14:
     * {@code cond.locked()}.
     *
     * @return {@code true} iff the lock is held now
     */
    public boolean locked() {
        return lock != null ? lock.locked() : rlock.locked();
    }

    /**
     * Acquires the underlying lock (as {@link #acquire()}) and returns a {@link Held} whose {@code close()}
     * releases it: {@code try (Held h = cond.hold()) { ... }} is Python's {@code with cond: ...}.
     *
     * @return a {@code Held} whose {@code close()} releases the lock
     * @throws IllegalStateException as {@link #acquire()}
     */
    public Held hold() {
        return lock != null ? lock.hold() : rlock.hold();
    }

    // ---- waiting ----

    /**
     * Releases the lock, waits until signalled, then reacquires the lock (restoring an RLock's hold
     * count) and returns. Python: {@code cond.wait()}.
     *
     * @throws IllegalMonitorStateException if the lock is not held ("cannot wait on un-acquired lock")
     * @throws InterruptedException if interrupted before or while waiting; the lock is held again when it
     *         is thrown, and no signal was used up
     */
    public void await() throws InterruptedException {
        waiters.await(true, Deadline.NONE);
    }

    /**
     * Like {@link #await()}, but gives up when {@code timeout} has passed. Python: {@code cond.wait(t)}.
     * A zero timeout still releases and reacquires the lock once.
     *
     * @param timeout how long to wait for a signal; the reacquire that follows is not bounded by it
     * @return {@code false} iff the time ran out before a signal
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is negative
     *         ("timeout value must be a non-negative number")
     * @throws IllegalMonitorStateException if the lock is not held ("cannot wait on un-acquired lock")
     * @throws InterruptedException as for {@link #await()}
     */
    public boolean await(Duration timeout) throws InterruptedException {
        return waiters.await(true, Deadline.of(timeout));
    }

    /**
     * Waits until {@code predicate} is true: evaluates it first, and while it is false, awaits a signal
     * and evaluates it again (always with the lock held). Python: {@code cond.wait_for(p)}. If the
     * predicate is true at once, no ownership check is made, as in Python.
     *
     * @param predicate the condition waited for, evaluated with the lock held
     * @throws NullPointerException if {@code predicate} is null
     * @throws IllegalMonitorStateException if a wait is needed and the lock is not held
     *         ("cannot wait on un-acquired lock")
     * @throws InterruptedException as for {@link #await()}
     */
    public void waitFor(BooleanSupplier predicate) throws InterruptedException {
        Objects.requireNonNull(predicate, "predicate");
        while (!predicate.getAsBoolean()) {
            waiters.await(true, Deadline.NONE);
        }
    }

    /**
     * Like {@link #waitFor(BooleanSupplier)}, with one overall deadline of {@code timeout} from the call.
     * Python: {@code cond.wait_for(p, timeout=t)}.
     *
     * @param predicate the condition waited for, evaluated with the lock held
     * @param timeout   the overall time limit, from the call
     * @return the predicate's last value: {@code false} means the time ran out
     * @throws NullPointerException if {@code predicate} or {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is negative
     *         ("timeout value must be a non-negative number")
     * @throws IllegalMonitorStateException if a wait is needed and the lock is not held
     *         ("cannot wait on un-acquired lock")
     * @throws InterruptedException as for {@link #await()}
     */
    public boolean waitFor(BooleanSupplier predicate, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(predicate, "predicate");
        Deadline deadline = Deadline.of(timeout); // one deadline for every round
        boolean result = predicate.getAsBoolean();
        while (!result) { // waits at least once, as Python does (also for a zero timeout)
            waiters.await(true, deadline);
            result = predicate.getAsBoolean();
            if (deadline.expired()) {
                break;
            }
        }
        return result;
    }

    /** For the {@code java.util.concurrent} view: {@link #await(Duration)} until {@code deadline}. */
    boolean awaitUntil(Deadline deadline) throws InterruptedException {
        return waiters.await(true, deadline);
    }

    /**
     * For the {@code java.util.concurrent} view: {@link #await()} that ignores interrupts until signalled,
     * then returns with the interrupt status set if one arrived. Python's {@code cond.wait()} is this.
     */
    void awaitUninterruptibly() {
        try {
            waiters.await(false, Deadline.NONE);
        } catch (InterruptedException cannotHappen) {
            throw new AssertionError(cannotHappen); // an uninterruptible wait never ends INTERRUPTED
        }
    }

    /**
     * Wakes the oldest waiter, if any. Python: {@code cond.notify()}.
     *
     * @throws IllegalMonitorStateException if the lock is not held ("cannot notify on un-acquired lock"),
     *         also when nobody waits
     */
    public void signal() {
        signal(1);
    }

    /**
     * Wakes up to {@code n} waiters, oldest first; {@code n <= 0} does nothing (after the ownership check).
     * Python: {@code cond.notify(n)}.
     *
     * @param n the most waiters to wake
     * @throws IllegalMonitorStateException if the lock is not held ("cannot notify on un-acquired lock")
     */
    public void signal(int n) {
        waiters.signal(n);
    }

    /**
     * Wakes every waiter. Python: {@code cond.notify_all()}.
     *
     * @throws IllegalMonitorStateException if the lock is not held ("cannot notify on un-acquired lock")
     */
    public void signalAll() {
        signal(Integer.MAX_VALUE);
    }

    /**
     * A description for logs and debuggers: the number of waiting threads and the lock's own description,
     * e.g. {@code org.threading4j.Condition@1b6d3586[waiters=2, lock=org.threading4j.RLock@4e25154f[locked
     * by main, holds=1, waiters=0]]}. The waiter count is approximate (read without synchronization, and a
     * signalled thread counts until it has left the queue). Never blocks.
     */
    @Override
    public String toString() {
        return super.toString() + "[waiters=" + waiters.queuedEstimate() + ", lock=" + (lock != null ? lock : rlock) + "]";
    }
}
