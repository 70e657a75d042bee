package org.threading4j.internal;

import java.util.concurrent.locks.AbstractOwnableSynchronizer;

/**
 * The owner record of a {@code Lock} or {@code RLock}, for thread dumps and deadlock detection only: the
 * lock's engine parks its waiters with this record as their blocker, and the lock writes the thread that
 * holds it here.
 *
 * <p>Why it extends {@link AbstractOwnableSynchronizer}: that is the one class the JVM's diagnostics
 * understand. A thread parked with an {@code AbstractOwnableSynchronizer} as its blocker is reported as
 * waiting for that synchronizer's owner ({@code jstack -l}, {@code ThreadMXBean.findDeadlockedThreads()},
 * {@code ThreadInfo.getLockOwnerName()}), and the synchronizers a thread owns are listed as its "locked
 * ownable synchronizers". This class uses nothing of it but its one owner field: no synchronization, no
 * queue, no state. It never decides anything; the lock's own state does.
 *
 * <p>The owner field is plain. For an {@code RLock} it is written only by the thread holding the lock (set
 * after acquiring, cleared before releasing), so it is exact whenever the lock's release and acquire order
 * the writes. A {@code Lock} may be released by another thread than the one that acquired it; its record is
 * then best effort (a release clears it, and an erroneous release of an unlocked lock may clear a newer
 * holder's entry), which only ever affects what diagnostics show.
 */
public final class LockOwner extends AbstractOwnableSynchronizer {

    private static final long serialVersionUID = 1L;

    /** The public lock this record belongs to; its {@code toString()} is ours. */
    private final transient Object lock;

    /** @param lock the public {@code Lock} or {@code RLock} */
    public LockOwner(Object lock) {
        this.lock = lock;
    }

    /** Records {@code thread} as the holder (null: none). A plain write; see the class comment. */
    public void owner(Thread thread) {
        setExclusiveOwnerThread(thread);
    }

    /** The recorded holder, or null. */
    public Thread owner() {
        return getExclusiveOwnerThread();
    }

    /** The public lock this record belongs to. */
    public Object lock() {
        return lock;
    }

    /** The lock's own description (class, identity and state), so that a dump of the blocker names it. */
    @Override
    public String toString() {
        return String.valueOf(lock);
    }
}
