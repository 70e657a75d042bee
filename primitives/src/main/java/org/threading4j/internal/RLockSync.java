package org.threading4j.internal;

/**
 * The engine behind {@code RLock}: one permit, taken by the owner's first acquire and returned by its last
 * release, with the owner and its hold count, as {@code ReentrantLock}'s {@code Sync} keeps them.
 *
 * <p>The owner field is plain. It is written only by the thread that holds the permit (set after taking it,
 * cleared before returning it). Other threads read it only to compare it with themselves, and a thread can
 * only ever find itself there if it is the owner, since it cleared the field itself before its last
 * release. The hold count is touched only by the owner.
 */
public final class RLockSync extends PermitSync implements ConditionLock {

    /** Python's message for a release by a thread that does not own the lock. */
    public static final String RELEASE_UNOWNED = "cannot release un-acquired lock";

    /** The owner again, for thread dumps and deadlock detection; waiters park with it as their blocker. */
    private final LockOwner ownerRecord;
    /** The owner, or null when free; see the class comment. */
    private Thread owner;
    /** The owner's hold count, 1 or more while owned. */
    private int holds;

    /** @param ownerRecord the lock's owner record, the blocker its waiters report */
    public RLockSync(LockOwner ownerRecord) {
        super(ownerRecord, 1, 1);
        this.ownerRecord = ownerRecord;
    }

    public void lock() {
        Thread me = Thread.currentThread();
        if (owner == me) {
            reenter();
            return;
        }
        acquireUninterruptibly();
        own(me, 1);
    }

    /** Interruptible, also for the owner (a pending interrupt is checked first, as ReentrantLock does). */
    public void lockInterruptibly() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        Thread me = Thread.currentThread();
        if (owner == me) {
            reenter();
            return;
        }
        acquireInterruptibly();
        own(me, 1);
    }

    public boolean tryLock() {
        Thread me = Thread.currentThread();
        if (owner == me) {
            reenter();
            return true;
        }
        if (tryAcquire()) {
            own(me, 1);
            return true;
        }
        return false;
    }

    public boolean tryLock(Deadline deadline) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        Thread me = Thread.currentThread();
        if (owner == me) {
            reenter();
            return true;
        }
        if (tryAcquire(deadline)) {
            own(me, 1);
            return true;
        }
        return false;
    }

    /** Releases one hold of the caller; the lock is free once the count reaches zero. */
    public void unlock() {
        if (owner != Thread.currentThread()) {
            throw new IllegalMonitorStateException(RELEASE_UNOWNED);
        }
        if (--holds == 0) {
            ownerRecord.owner(null);
            owner = null; // before the permit goes: the next owner must not find us here
            release(1);
        }
    }

    public boolean locked() {
        return permits() == 0;
    }

    /** The owner, read without synchronization: exact for the owner itself, a snapshot for others. */
    public Thread owner() {
        return owner;
    }

    /** The hold count, read without synchronization: exact for the owner itself, a snapshot for others. */
    public int holds() {
        return holds;
    }

    @Override
    public boolean isOwned() {
        return owner == Thread.currentThread();
    }

    /** Releases every hold of the caller and returns how many there were. Precondition: the caller owns it. */
    @Override
    public int releaseSave() {
        int saved = holds;
        holds = 0;
        ownerRecord.owner(null);
        owner = null;
        release(1);
        return saved;
    }

    @Override
    public void acquireRestore(int saved) {
        acquireUninterruptibly();
        own(Thread.currentThread(), saved);
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
}
