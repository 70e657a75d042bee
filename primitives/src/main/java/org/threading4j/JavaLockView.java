package org.threading4j;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.threading4j.internal.Deadline;

/**
 * The {@code asJavaLock()} view of a {@link Lock} or an {@link RLock}: each method is one call of the lock's
 * own ({@code lock} is {@code acquire}, {@code lockInterruptibly} is {@code acquireInterruptibly},
 * {@code tryLock} is {@code tryAcquire}, {@code unlock} is {@code release}), so the view adds no state and
 * no synchronization of its own. The differences between the two views (who may unlock, reentrancy) are
 * the locks' and are documented at their {@code asJavaLock()}.
 *
 * <p>It implements the {@code java.util.concurrent.locks} interfaces only so that the primitives can be
 * passed where they are expected; it uses no class of that package.
 */
final class JavaLockView implements java.util.concurrent.locks.Lock {

    /** A wait that may be interrupted. */
    interface InterruptibleWait {
        void run() throws InterruptedException;
    }

    /** A timed acquire, until a deadline. */
    interface TimedTry {
        boolean tryUntil(Deadline deadline) throws InterruptedException;
    }

    private final Object lock;
    private final Runnable acquire;
    private final InterruptibleWait acquireInterruptibly;
    private final BooleanSupplier tryAcquire;
    private final TimedTry tryAcquireUntil;
    private final Runnable release;
    private final Supplier<Condition> newCondition;

    JavaLockView(Object lock, Runnable acquire, InterruptibleWait acquireInterruptibly, BooleanSupplier tryAcquire,
            TimedTry tryAcquireUntil, Runnable release, Supplier<Condition> newCondition) {
        this.lock = lock;
        this.acquire = acquire;
        this.acquireInterruptibly = acquireInterruptibly;
        this.tryAcquire = tryAcquire;
        this.tryAcquireUntil = tryAcquireUntil;
        this.release = release;
        this.newCondition = newCondition;
    }

    /** Acquires the lock, as its {@code acquire()}: not interruptible. Python: {@code lock.acquire()}. */
    @Override
    public void lock() {
        acquire.run();
    }

    /**
     * Acquires the lock unless interrupted, as its {@code acquireInterruptibly()}. Python: none.
     *
     * @throws InterruptedException if interrupted before or while waiting; the lock is then not acquired
     */
    @Override
    public void lockInterruptibly() throws InterruptedException {
        acquireInterruptibly.run();
    }

    /**
     * Acquires the lock only if it is free now (or, for an RLock, already held by the caller), as its
     * {@code tryAcquire()}. Python: {@code lock.acquire(blocking=False)}.
     *
     * @return {@code true} if the lock was acquired
     */
    @Override
    public boolean tryLock() {
        return tryAcquire.getAsBoolean();
    }

    /**
     * Acquires the lock, waiting at most {@code time}, as its {@code tryAcquire(Duration)}; zero or negative
     * tries once. Python: {@code lock.acquire(timeout=t)}.
     *
     * @param time how long to wait
     * @param unit the unit of {@code time}
     * @return {@code true} if acquired, {@code false} if the time ran out first
     * @throws NullPointerException if {@code unit} is null
     * @throws InterruptedException if interrupted before or while waiting; the lock is then not acquired
     */
    @Override
    public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
        Objects.requireNonNull(unit, "unit");
        return tryAcquireUntil.tryUntil(Deadline.afterNanos(unit.toNanos(time))); // toNanos saturates: huge waits for ever
    }

    /**
     * Releases the lock, as its {@code release()}. Python: {@code lock.release()}.
     *
     * @throws IllegalMonitorStateException as the lock's {@code release()}: a Lock that is not locked, an
     *         RLock not held by the caller
     */
    @Override
    public void unlock() {
        release.run();
    }

    /**
     * Returns a {@code java.util.concurrent.locks.Condition} view of a new {@link Condition} on this lock;
     * each call makes a new one. Python: {@code threading.Condition(lock)}.
     *
     * @return a new condition view tied to this lock
     */
    @Override
    public java.util.concurrent.locks.Condition newCondition() {
        return new JavaCondition(newCondition.get());
    }

    /**
     * Names the view and describes the lock, e.g.
     * {@code java.util.concurrent.locks.Lock view of org.threading4j.Lock@1b6d3586[unlocked]}.
     */
    @Override
    public String toString() {
        return "java.util.concurrent.locks.Lock view of " + lock;
    }
}
