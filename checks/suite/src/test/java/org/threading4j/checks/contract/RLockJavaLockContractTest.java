package org.threading4j.checks.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.threading4j.RLock;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Threads;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/**
 * The {@link java.util.concurrent.locks.Lock} contract (the same checks as {@link ReentrantLockContractTest})
 * run against {@code RLock.asJavaLock()}, plus what only the view has: one view per lock, its
 * {@code toString()}, and sharing the hold count with the RLock's own methods. A lock waiter parks on the
 * RLock's owner record; a condition waiter on the threading4j {@code Condition} behind the view.
 */
class RLockJavaLockContractTest extends ReentrantJavaLockContract {

    private final RLock rlock = new RLock();
    private final Lock view = rlock.asJavaLock();

    @Override
    Lock subject() {
        return view;
    }

    @Override
    boolean parkedForLock(Thread t) {
        return Threads.isBlockerOf(LockSupport.getBlocker(t), rlock);
    }

    @Override
    boolean parkedOn(Thread t, Condition c) {
        return parkedOnThreading4jCondition(t, c);
    }

    @Test
    @Verifies(primitive = VIEW, property = "RLock: the same view on every call; toString names the view and the RLock's state; each newCondition() is new", tool = Tool.CONTRACT)
    void oneViewAndItsToString() {
        assertSame(view, rlock.asJavaLock());
        assertEquals("java.util.concurrent.locks.Lock view of " + rlock, view.toString());
        view.lock();
        assertTrue(view.toString().endsWith("[locked by " + Thread.currentThread().getName() + ", holds=1, waiters=0]"),
                view.toString());
        Condition c = view.newCondition();
        assertNotSame(c, view.newCondition());
        assertTrue(c.toString().startsWith("java.util.concurrent.locks.Condition view of org.threading4j.Condition@"),
                c.toString());
        assertTrue(c.toString().contains("lock=" + rlock), c.toString());
        view.unlock();
        Evidence.explored(6, "calls");
    }

    @Test
    @Verifies(primitive = VIEW, property = "RLock: the view and the RLock's methods share one hold count and owner", tool = Tool.CONTRACT)
    void viewSharesTheHoldCount() {
        view.lock();
        assertTrue(rlock.isHeldByCurrentThread());
        assertEquals(1, rlock.holdCount());
        rlock.acquire();
        assertTrue(view.tryLock());
        assertEquals(3, rlock.holdCount());
        view.unlock();
        rlock.release();
        assertEquals(1, rlock.holdCount());
        assertFalse(otherCanLock());
        view.unlock();
        assertFalse(rlock.locked());
        assertTrue(otherCanLock());
        Evidence.explored(11, "calls");
    }
}
