package org.threading4j.specs;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Reference model of {@code org.threading4j.Condition}, Python's {@code threading.Condition}: a FIFO queue of
 * waiters (Python's {@code _waiters}) over a {@link LockSpec} or an {@link RLockSpec}, with threading4j's one
 * strengthening: no signal is lost.
 *
 * <p>The lock is not modelled again here. As in Python, where {@code cond.acquire} <em>is</em> the lock's
 * {@code acquire}, the lock calls ({@code acquire}, {@code tryAcquire}, {@code release}, {@code locked},
 * {@code holdCount}) are made on the lock given to the constructor, and a caller waiting for that lock is
 * waiting in the lock's model. A waiter that leaves the queue (notified, timed out or interrupted) then
 * takes the lock back, not interruptibly and with its saved RLock holds (Python's {@code _acquire_restore}):
 * it waits in the lock's model until it can {@link #proceed}, and its call then returns.
 *
 * <p>No lost signal: {@code signal} marks only waiters still in the queue, and a waiter leaves the queue
 * once, with one reason. A timeout or interrupt that comes after the signal changes nothing: the wait
 * returns true (an interrupt stays pending).
 *
 * <p>Differences from Python:
 * <ul>
 * <li>{@code wait}, {@code notify} and {@code notify_all} are {@code await}, {@code signal} and {@code signalAll}:
 * {@code Object}'s names are final in Java.</li>
 * <li>No signal is lost: a signal is never used up by a waiter that then returns false or throws.</li>
 * <li>An interrupted waiter leaves the queue and throws {@code InterruptedException} once it has the lock back;
 * Python threads cannot be interrupted.</li>
 * <li>A wait or notify without the lock throws {@code IllegalMonitorStateException} with Python's {@code
 * RuntimeError} message.</li>
 * </ul>
 */
public final class ConditionSpec {

    /** Python's {@code RuntimeError} message for a wait without the lock. */
    public static final String CANNOT_WAIT = "cannot wait on un-acquired lock";
    /** Python's {@code RuntimeError} message for a notify without the lock. */
    public static final String CANNOT_NOTIFY = "cannot notify on un-acquired lock";

    private enum Reason { NOTIFIED, TIMED_OUT, INTERRUPTED }

    /** One wait: its predicate (waitFor only), whether it is timed, the holds saved, why it ended. */
    private static final class Waiter {
        final BooleanSupplier predicate;
        final boolean timed;
        int saved;
        Reason reason;

        Waiter(BooleanSupplier predicate, boolean timed) {
            this.predicate = predicate;
            this.timed = timed;
        }

        @Override
        public String toString() {
            return (predicate == null ? "await" : "waitFor") + (timed ? "(timed)" : "")
                    + (reason == null ? "" : "/" + reason) + (saved > 1 ? "/holds=" + saved : "");
        }
    }

    /** The lock: a {@link LockSpec} or an {@link RLockSpec}. */
    private final ConditionLock lock;
    /** Python's {@code _waiters}: callers in the queue, oldest first. */
    private final Map<Integer, Waiter> waiters = new LinkedHashMap<>();
    /** Callers out of the queue, taking the lock back. */
    private final Map<Integer, Waiter> restoring = new LinkedHashMap<>();

    /** Python's {@code Condition(lock)} with a {@code Lock}. */
    public ConditionSpec(LockSpec lock) {
        this.lock = lock;
    }

    /** Python's {@code Condition(lock)} with an {@code RLock}; {@code Condition()} makes its own RLock. */
    public ConditionSpec(RLockSpec lock) {
        this.lock = lock;
    }

    /**
     * {@code cond.wait(timeout=None)}: the caller must own the lock; a pending interrupt is thrown first.
     * The caller joins the queue and releases every hold; a zero timeout leaves the queue at once.
     */
    public void await(int caller, Duration timeout) throws InterruptedException {
        startWait(caller, new Waiter(null, timeout != null));
        if (timeout != null && timeout.isZero()) {
            timeOut(caller);
        }
    }

    /**
     * {@code cond.wait_for(predicate, timeout=None)}: returns true at once, owning the lock or not, if the
     * predicate holds; otherwise waits as {@link #await} and, each time it is notified, checks again.
     */
    public boolean waitFor(int caller, BooleanSupplier predicate, Duration timeout) throws InterruptedException {
        if (predicate.getAsBoolean()) {
            return true;
        }
        startWait(caller, new Waiter(predicate, timeout != null));
        if (timeout != null && timeout.isZero()) {
            timeOut(caller);
        }
        return false;
    }

    /** {@code cond.notify(n=1)}: the oldest {@code n} waiters leave the queue, notified; {@code n <= 0}: none. */
    public void signal(int caller, int n) {
        requireOwned(caller, CANNOT_NOTIFY);
        for (int i = 0; i < n && !waiters.isEmpty(); i++) {
            leaveQueue(waiters.keySet().iterator().next(), Reason.NOTIFIED);
        }
    }

    /** {@code cond.notify_all()}. */
    public void signalAll(int caller) {
        signal(caller, Integer.MAX_VALUE);
    }

    /** A timed waiter's time runs out while it is in the queue: it leaves, unnotified. False if it was not there. */
    public boolean timeOut(int caller) {
        Waiter w = waiters.get(caller);
        return w != null && w.timed && leaveQueue(caller, Reason.TIMED_OUT);
    }

    /**
     * {@code Thread.interrupt()} of {@code caller}: a waiter in the queue leaves it (its wait then throws
     * {@code InterruptedException}); otherwise as the lock's {@code interrupt}.
     */
    public boolean interrupt(int caller) {
        return waiters.containsKey(caller) ? leaveQueue(caller, Reason.INTERRUPTED) : lock.interrupt(caller);
    }

    /**
     * A caller waiting for the lock runs again: false if the lock is still taken. Otherwise a lock call
     * returns true; a wait returns true if notified, false if timed out, or throws if interrupted, and a
     * {@code waitFor} notified while its predicate is false waits again (a pending interrupt is thrown then).
     */
    public boolean proceed(int caller) throws InterruptedException {
        if (!lock.proceed(caller)) {
            return false;
        }
        Waiter w = restoring.remove(caller);
        if (w == null || w.reason == Reason.TIMED_OUT) {
            return w == null || w.predicate != null && w.predicate.getAsBoolean();
        }
        if (w.reason == Reason.INTERRUPTED) {
            throw new InterruptedException();
        }
        if (w.predicate == null || w.predicate.getAsBoolean()) {
            return true;
        }
        w.reason = null;
        startWait(caller, w);
        return false;
    }

    /** Whether {@code caller} is in a call: in the queue, or waiting for the lock. */
    public boolean waiting(int caller) {
        return waiters.containsKey(caller) || lock.waiting(caller);
    }

    /**
     * Python's {@code _waiters}: the callers in the queue (not yet notified, timed out or interrupted), oldest first.
     */
    public List<Integer> waiters() {
        return List.copyOf(waiters.keySet());
    }

    private void startWait(int caller, Waiter w) throws InterruptedException {
        requireOwned(caller, CANNOT_WAIT);
        if (lock.clearInterrupt(caller)) {
            throw new InterruptedException();
        }
        waiters.put(caller, w);
        w.saved = lock.releaseSave(caller); // Python's _release_save
    }

    private boolean leaveQueue(int caller, Reason reason) {
        Waiter w = waiters.remove(caller);
        w.reason = reason;
        restoring.put(caller, w);
        lock.acquireRestore(caller, w.saved); // Python's _acquire_restore
        return true;
    }

    private void requireOwned(int caller, String message) {
        if (!lock.isOwned(caller)) {
            throw new IllegalMonitorStateException(message);
        }
    }

    @Override
    public String toString() {
        return (lock instanceof LockSpec ? "Lock " : "RLock ") + lock + ", queue " + waiters + ", restoring " + restoring;
    }
}
