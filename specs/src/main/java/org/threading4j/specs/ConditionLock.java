package org.threading4j.specs;

/**
 * What a {@link ConditionSpec} uses of its lock, as Python's {@code Condition} takes {@code _is_owned},
 * {@code _release_save} and {@code _acquire_restore} from the lock it is given: a {@link LockSpec} or an
 * {@link RLockSpec}. A waiter taking the lock back waits in the lock's model, so the lock's waiting steps
 * are here too.
 */
abstract class ConditionLock {

    /** Python's {@code _is_owned()}: for a Lock, locked by anyone; for an RLock, owned by {@code caller}. */
    abstract boolean isOwned(int caller);

    /** Python's {@code _release_save()}: gives the lock up entirely; returns the holds to restore. */
    abstract int releaseSave(int caller);

    /** Python's {@code _acquire_restore(saved)}: the caller waits (not interruptibly) to take the lock back. */
    abstract void acquireRestore(int caller, int saved);

    /** A waiting caller runs again: true if it took the lock. */
    public abstract boolean proceed(int caller);

    /** {@code Thread.interrupt()} of {@code caller}: true if that ended an interruptible wait. */
    public abstract boolean interrupt(int caller);

    /** {@code Thread.interrupted()} run by {@code caller}: reads and clears its interrupt status. */
    public abstract boolean clearInterrupt(int caller);

    /** Whether {@code caller} is blocked in a call. */
    public abstract boolean waiting(int caller);
}
