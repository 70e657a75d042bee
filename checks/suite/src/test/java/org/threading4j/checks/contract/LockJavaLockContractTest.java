package org.threading4j.checks.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.threading4j.Lock;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Threads;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.checks.support.Workers;

/**
 * The {@link java.util.concurrent.locks.Lock} contract where it agrees with Python's ownerless,
 * non-reentrant lock, run against {@code Lock.asJavaLock()}; plus the documented differences from
 * {@code ReentrantLock} (any thread may unlock, a second lock by the holder waits, a condition asks only
 * that the lock be held by someone) and what only the view has (one view per lock, its {@code toString()}).
 */
class LockJavaLockContractTest extends JavaLockContract {

    private final Lock lock = new Lock();
    private final java.util.concurrent.locks.Lock view = lock.asJavaLock();

    @Override
    java.util.concurrent.locks.Lock subject() {
        return view;
    }

    @Override
    boolean parkedForLock(Thread t) {
        return Threads.isBlockerOf(LockSupport.getBlocker(t), lock);
    }

    @Override
    boolean parkedOn(Thread t, Condition c) {
        return parkedOnThreading4jCondition(t, c);
    }

    @Test
    @Verifies(primitive = VIEW, property = "Lock: the same view on every call; toString names the view and the Lock's state, with the acquirer", tool = Tool.CONTRACT)
    void oneViewAndItsToString() {
        assertSame(view, lock.asJavaLock());
        assertEquals("java.util.concurrent.locks.Lock view of " + lock, view.toString());
        view.lock();
        assertTrue(view.toString().endsWith("[locked, acquired by " + Thread.currentThread().getName() + ", waiters=0]"),
                view.toString());
        Condition c = view.newCondition();
        assertTrue(c.toString().startsWith("java.util.concurrent.locks.Condition view of org.threading4j.Condition@"),
                c.toString());
        view.unlock();
        assertEquals("java.util.concurrent.locks.Lock view of " + lock, view.toString());
        Evidence.explored(5, "calls");
    }

    @Test
    @Verifies(primitive = VIEW, property = "Lock (differs from ReentrantLock): unlock() by another thread releases it; unlock() of a free lock: IMSE \"release unlocked lock\"", tool = Tool.CONTRACT)
    void anyThreadMayUnlock() {
        view.lock();
        callers.run(1, () -> {
            view.unlock();
            return null;
        });
        assertFalse(lock.locked(), "released by another thread");
        assertTrue(callers.<Boolean>run(1, view::tryLock));
        view.unlock(); // the hand-over the other way
        assertFalse(lock.locked());
        IllegalMonitorStateException e = assertThrows(IllegalMonitorStateException.class, view::unlock);
        assertEquals("release unlocked lock", e.getMessage());
        assertTrue(view.tryLock(), "still usable");
        view.unlock();
        Evidence.explored(7, "calls");
    }

    @Test
    @Verifies(primitive = VIEW, property = "Lock (differs from ReentrantLock): not reentrant, the holder's tryLock() and tryLock(0) fail", tool = Tool.CONTRACT)
    void holdersTryLockFails() throws InterruptedException {
        assertTrue(view.tryLock());
        assertFalse(view.tryLock(), "not reentrant");
        assertFalse(view.tryLock(0, TimeUnit.SECONDS));
        assertTrue(lock.locked());
        view.unlock();
        assertFalse(lock.locked(), "one unlock frees it: the failed tries added nothing");
        Evidence.explored(5, "calls");
    }

    @Test
    @Verifies(primitive = VIEW, property = "Lock (differs from ReentrantLock): the holder's second lock() waits until another thread unlocks", tool = Tool.CONTRACT)
    void holdersSecondLockWaits() {
        Workers w = Workers.start("jlock-holder", 1, id -> {
            view.lock();
            view.lock(); // waits for the unlock below
        });
        awaitParkedForLock(w.threads().get(0));
        view.unlock();
        w.join(LIMIT);
        assertTrue(lock.locked(), "the second lock() holds it now");
        view.unlock();
        assertFalse(lock.locked());
        Evidence.explored(1, "hand-over");
    }

    @Test
    @Verifies(primitive = VIEW, property = "Lock (differs from ReentrantLock): a thread that does not hold the lock may signal while another holds it", tool = Tool.CONTRACT)
    void signalNeedsTheLockHeldBySomeone() {
        Condition c = view.newCondition();
        AtomicBoolean ready = new AtomicBoolean();
        Workers w = Workers.start("jcond-waiter", 1, id -> {
            view.lock();
            while (!ready.get()) {
                c.await();
            }
            view.unlock();
        });
        awaitParkedOn(w.threads().get(0), c);
        view.lock();
        ready.set(true);
        callers.run(1, () -> {
            c.signal(); // caller 1 holds nothing; the test thread holds the lock
            return null;
        });
        view.unlock();
        w.join(LIMIT);
        assertFalse(lock.locked());
        Evidence.explored(1, "hand-over");
    }

    @Test
    @Verifies(primitive = VIEW, property = "Lock: the view and the Lock's methods act on one lock", tool = Tool.CONTRACT)
    void viewAndLockAreOneLock() {
        view.lock();
        assertTrue(lock.locked());
        assertFalse(lock.tryAcquire());
        lock.release();
        assertFalse(lock.locked());
        lock.acquire();
        assertFalse(view.tryLock());
        view.unlock();
        assertFalse(lock.locked());
        Evidence.explored(8, "calls");
    }
}
