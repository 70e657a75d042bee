package org.threading4j.internal;

/**
 * The engine behind {@code Lock}: one permit with bound one (locked iff no permit is free), and the
 * acquirer record that thread dumps show ({@link LockOwner}). Python's lock has no owner: any thread may
 * release it, and the record is for diagnostics only.
 */
public final class LockSync extends PermitSync implements ConditionLock {

    /** Python's message for releasing an unlocked lock. */
    public static final String RELEASE_UNLOCKED = "release unlocked lock";

    /** The thread whose acquire took the lock, for diagnostics only; waiters park with it as their blocker. */
    private final LockOwner acquirer;

    /** @param acquirer the lock's owner record, the blocker its waiters report */
    public LockSync(LockOwner acquirer) {
        super(acquirer, 1, 1);
        this.acquirer = acquirer;
    }

    /** The recorded acquirer, or null (diagnostics only). */
    public Thread acquirer() {
        return acquirer.owner();
    }

    public void lock() {
        acquireUninterruptibly();
        acquirer.owner(Thread.currentThread());
    }

    public void lockInterruptibly() throws InterruptedException {
        acquireInterruptibly();
        acquirer.owner(Thread.currentThread());
    }

    public boolean tryLock() {
        if (tryAcquire()) {
            acquirer.owner(Thread.currentThread());
            return true;
        }
        return false;
    }

    public boolean tryLock(Deadline deadline) throws InterruptedException {
        if (tryAcquire(deadline)) {
            acquirer.owner(Thread.currentThread());
            return true;
        }
        return false;
    }

    /** Releases the lock, whoever holds it; throws if it is unlocked, changing nothing. */
    public void unlock() {
        acquirer.owner(null); // before the permit goes: the next acquirer's entry must not be wiped
        if (!release(1)) {
            throw new IllegalMonitorStateException(RELEASE_UNLOCKED);
        }
    }

    public boolean locked() {
        return permits() == 0;
    }

    @Override
    public boolean isOwned() {
        return locked();
    }

    @Override
    public int releaseSave() {
        unlock();
        return 1;
    }

    @Override
    public void acquireRestore(int saved) {
        lock();
    }
}
