package org.threading4j.checks.contract;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The reference for the {@code asJavaLock()} views: the {@link java.util.concurrent.locks.Lock} contract
 * run against the JDK's own {@code ReentrantLock}, so that each check is shown to describe the JDK's
 * behaviour and not only ours. A lock waiter is one {@code ReentrantLock} has queued; a condition waiter
 * parks with the condition as its blocker.
 */
class ReentrantLockContractTest extends ReentrantJavaLockContract {

    private final ReentrantLock lock = new ReentrantLock();

    @Override
    Lock subject() {
        return lock;
    }

    @Override
    boolean parkedForLock(Thread t) {
        return lock.hasQueuedThread(t);
    }

    @Override
    boolean parkedOn(Thread t, Condition c) {
        return LockSupport.getBlocker(t) == c;
    }
}
