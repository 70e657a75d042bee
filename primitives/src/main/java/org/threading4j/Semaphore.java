package org.threading4j;

import java.time.Duration;
import org.threading4j.internal.PermitSync;
import org.threading4j.internal.Deadline;

/**
 * A counting semaphore: Python's {@code threading.Semaphore}. It keeps a count of free permits, the number of
 * {@code release} calls minus the number of {@code acquire} calls plus the initial value. {@code acquire}
 * takes a permit, waiting while there is none; {@code release(n)} returns {@code n} and wakes up to {@code n}
 * waiters. Permits are not owned: any thread may release.
 *
 * <p>Python to Java:
 * <pre>{@code
 * pool = threading.Semaphore(4)           Semaphore pool = new Semaphore(4);
 * with pool:                              try (Held h = pool.hold()) {
 *     use_connection()                        useConnection();
 *                                         }
 * pool.release(2)                         pool.release(2);
 * }</pre>
 *
 * <p><b>Fairness.</b> As in Python, an arriving thread may take a free permit ahead of threads already
 * waiting, and the order in which waiters are woken should not be relied on (threading4j wakes the oldest
 * first, and hands a permit directly to a waiter that has waited about a millisecond, at most once every
 * half millisecond).
 *
 * <p><b>Bounds.</b> Python's count is unbounded; here it is at most {@link Integer#MAX_VALUE}, and a
 * release that would exceed that throws {@code IllegalStateException} and releases nothing.
 *
 * <p><b>Memory consistency effects:</b> actions in a thread before a {@code release} <i>happen-before</i>
 * actions following a successful acquire in another thread. A failed {@code tryAcquire} and
 * {@link #value()} have the effects of a volatile read only.
 *
 * <p>Interrupts, timeouts and argument checks follow the
 * <a href="package-summary.html#conventions">package conventions</a>.
 */
public class Semaphore {

    /** The free permits and the wait queue. */
    final PermitSync sync;
    /** Shared by every {@link #hold()}: permits are not owned. */
    private final Held held = this::release;

    /** Creates a semaphore with one permit: Python's {@code Semaphore()}. */
    public Semaphore() {
        this(1);
    }

    /**
     * Creates a semaphore with {@code value} permits: Python's {@code Semaphore(value)}.
     *
     * @param value the initial number of free permits
     * @throws IllegalArgumentException if {@code value < 0} ("semaphore initial value must be >= 0")
     */
    public Semaphore(int value) {
        this(checkValue(value), Integer.MAX_VALUE);
    }

    /** For {@link BoundedSemaphore}: at most {@code bound} free permits. */
    Semaphore(int value, int bound) {
        this.sync = new PermitSync(this, checkValue(value), bound);
    }

    private static int checkValue(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("semaphore initial value must be >= 0");
        }
        return value;
    }

    /**
     * Takes a permit, waiting as long as it takes; not interruptible (an interrupt during the wait is
     * re-asserted when this returns). Python: {@code sem.acquire()}.
     */
    public final void acquire() {
        sync.acquireUninterruptibly();
    }

    /**
     * Takes a permit, waiting as long as it takes, unless interrupted. No Python equivalent (Python has no
     * thread interrupts); the closest is {@code sem.acquire()}.
     *
     * @throws InterruptedException if interrupted before or while waiting; no permit is taken then
     */
    public final void acquireInterruptibly() throws InterruptedException {
        sync.acquireInterruptibly();
    }

    /**
     * Takes a permit if one is free now. Python: {@code sem.acquire(blocking=False)}.
     *
     * @return {@code true} if a permit was taken
     */
    public final boolean tryAcquire() {
        return sync.tryAcquire();
    }

    /**
     * Takes a permit, waiting at most {@code timeout}. Python: {@code sem.acquire(timeout=t)}.
     *
     * @param timeout how long to wait; zero tries once without waiting
     * @return {@code true} if a permit was taken, {@code false} if the time ran out first
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is negative
     *         ("timeout value must be a non-negative number")
     * @throws InterruptedException if interrupted before or while waiting; no permit is taken then
     */
    public final boolean tryAcquire(Duration timeout) throws InterruptedException {
        return sync.tryAcquire(Deadline.of(timeout));
    }

    /**
     * Returns one permit, waking one waiter if any. Python: {@code sem.release()}.
     *
     * @throws IllegalStateException for a {@link BoundedSemaphore}, if the value would exceed its initial
     *         value ("Semaphore released too many times"); for a plain semaphore, if it would exceed
     *         {@link Integer#MAX_VALUE}. Nothing is released then.
     */
    public final void release() {
        release(1);
    }

    /**
     * Returns {@code n} permits and wakes up to {@code n} waiters. Python: {@code sem.release(n)}.
     *
     * @param n how many permits to return, one or more
     * @throws IllegalArgumentException if {@code n < 1} ("n must be one or more")
     * @throws IllegalStateException for a {@link BoundedSemaphore}, if the value would exceed its initial
     *         value ("Semaphore released too many times"); for a plain semaphore, if it would exceed
     *         {@link Integer#MAX_VALUE}. Nothing is released then.
     */
    public final void release(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be one or more");
        }
        if (!sync.release(n)) {
            throw new IllegalStateException(overReleaseMessage());
        }
    }

    String overReleaseMessage() {
        return "semaphore value would exceed Integer.MAX_VALUE";
    }

    /**
     * Returns the number of free permits now, a snapshot. Python: {@code sem._value} (private).
     *
     * @return the number of free permits
     */
    public final int value() {
        return sync.permits();
    }

    /**
     * Takes a permit (as {@link #acquire()}) and returns a {@link Held} whose {@code close()} returns it:
     * Python's {@code with sem:}.
     *
     * @return a {@code Held} whose {@code close()} returns the permit
     */
    public final Held hold() {
        sync.acquireUninterruptibly();
        return held;
    }

    /**
     * A description for logs and debuggers: the free permits and the waiting threads, e.g.
     * {@code org.threading4j.Semaphore@1b6d3586[value=0, waiters=2]}. The waiter count is approximate (read
     * without synchronization). Never blocks.
     */
    @Override
    public String toString() {
        return super.toString() + "[value=" + value() + ", waiters=" + sync.queuedEstimate() + "]";
    }
}
