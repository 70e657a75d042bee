package org.threading4j.internal;

/**
 * What a {@link ConditionSync} needs from its lock, in the spirit of CPython's {@code Condition}: the lock's
 * {@code _is_owned}, {@code _release_save} and {@code _acquire_restore}, and a place to leave the wake-ups
 * of signalled threads until the lock is released. Implemented by {@link LockSync} and {@link RLockSync}.
 */
public interface ConditionLock {

    /** Python's {@code _is_owned}: an RLock owned by the caller, a Lock locked by anyone. */
    boolean isOwned();

    /**
     * Python's {@code _release_save}: releases the lock fully and returns what {@link #acquireRestore} needs
     * to restore it (an RLock's hold count).
     *
     * @throws IllegalMonitorStateException if the lock is not held (a Lock that another thread released
     *         after the caller's {@link #isOwned()} check)
     */
    int releaseSave();

    /** Python's {@code _acquire_restore}: reacquires without a timeout, not interruptibly, and restores. */
    void acquireRestore(int saved);

    /** Unparks the already resolved waiters of {@code chain} once the lock is free (see {@link PermitSync}). */
    void unparkWhenReleased(WaitQueue.Waiter chain);
}
