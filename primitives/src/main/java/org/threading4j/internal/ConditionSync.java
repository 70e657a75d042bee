package org.threading4j.internal;

/**
 * The engine behind {@code Condition}: a wait queue whose threads hold a {@link ConditionLock} when they
 * queue and release it ({@link #beforePark}) only once queued, so that no signal can slip between the
 * release and the enqueue. A signal resolves its waiters at once (the signal is theirs, whatever happens
 * next) and leaves their unparking to the lock's next release, since they must reacquire it before their
 * wait can return: woken at the signal, they would find the lock held and park a second time
 * ({@code ReentrantLock}'s conditions move such waiters to the lock's queue for the same reason).
 *
 * <p>A waiter that times out or is interrupted either left before a signal chose it (the signal goes to
 * the next waiter, as the engine's plan is computed from the queue as it is) or was chosen first (its wait
 * returns true, keeping the interrupt status set). No signal is lost.
 */
public final class ConditionSync extends WaitQueue {

    /** Python's message for waiting without the lock. */
    public static final String WAIT_UNOWNED = "cannot wait on un-acquired lock";
    /** Python's message for notifying without the lock. */
    public static final String NOTIFY_UNOWNED = "cannot notify on un-acquired lock";

    private final ConditionLock lock;

    /**
     * @param blocker the public {@code Condition}, shown as the blocker of its waiters
     * @param lock    the engine of the lock it is tied to
     */
    public ConditionSync(Object blocker, ConditionLock lock) {
        super(blocker);
        this.lock = lock;
    }

    /** The lock's engine. */
    public ConditionLock lock() {
        return lock;
    }

    /**
     * Python's {@code wait}: checks ownership (then a pending interrupt, if {@code interruptible}), queues,
     * releases the lock fully, waits for a signal or the deadline, reacquires the lock without a timeout and
     * restores it. Returns false iff the deadline passed before a signal.
     */
    public boolean await(boolean interruptible, Deadline deadline) throws InterruptedException {
        if (!lock.isOwned()) {
            throw new IllegalMonitorStateException(WAIT_UNOWNED);
        }
        if (interruptible && Thread.interrupted()) {
            throw new InterruptedException();
        }
        Waiter w = new Waiter(Thread.currentThread());
        Outcome outcome;
        try {
            outcome = await(w, false, interruptible, deadline);
        } catch (IllegalMonitorStateException unlockedMeanwhile) {
            // Only a plain Lock, released by another thread after our check: the engine took us out of the
            // queue (handing on a signal that chose us meanwhile), and the lock is not ours to restore.
            throw new IllegalMonitorStateException(WAIT_UNOWNED);
        }
        lock.acquireRestore((int) w.tag());
        if (outcome == Outcome.INTERRUPTED) {
            throw new InterruptedException();
        }
        return outcome == Outcome.SIGNALLED;
    }

    /** Releases the lock once this thread is queued; the saved state rides in the node's tag. */
    @Override
    protected void beforePark(Waiter w) {
        w.tag = lock.releaseSave();
    }

    /** Python's {@code notify(n)}: resolves up to {@code n} oldest waiters; unparked at the lock's release. */
    public void signal(int n) {
        if (!lock.isOwned()) {
            throw new IllegalMonitorStateException(NOTIFY_UNOWNED);
        }
        if (n > 0) {
            lock.unparkWhenReleased(resolveSignalled(n));
        }
    }
}
