package org.threading4j.checks.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import org.junit.jupiter.api.Test;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.checks.support.Workers;

/**
 * The part of the {@link java.util.concurrent.locks.Lock} contract that needs an owning, reentrant lock:
 * run against {@code ReentrantLock} ({@link ReentrantLockContractTest}) and {@code RLock.asJavaLock()}
 * ({@link RLockJavaLockContractTest}), not against {@code Lock.asJavaLock()}, which by design has no owner.
 */
abstract class ReentrantJavaLockContract extends JavaLockContract {

    @Test
    @Verifies(primitive = VIEW, property = "unlock() by a thread that does not own the lock: IllegalMonitorStateException, nothing changes", tool = Tool.CONTRACT)
    void unlockByNonOwnerThrows() {
        assertThrows(IllegalMonitorStateException.class, subject()::unlock, "a free lock");
        subject().lock();
        assertThrows(IllegalMonitorStateException.class, () -> callers.run(1, () -> {
            subject().unlock();
            return null;
        }), "held by the test thread, unlocked by another");
        assertFalse(otherCanLock(), "still held by the test thread");
        subject().unlock();
        assertTrue(otherCanLock());
        assertThrows(IllegalMonitorStateException.class, subject()::unlock, "free again");
        Evidence.explored(6, "calls");
    }

    @Test
    @Verifies(primitive = VIEW, property = "reentrant: the owner's lock/tryLock never wait; free after as many unlocks as locks", tool = Tool.CONTRACT)
    void ownerReenters() throws InterruptedException {
        subject().lock();
        subject().lock();
        assertTrue(subject().tryLock());
        assertTrue(subject().tryLock(0, TimeUnit.SECONDS));
        assertTrue(subject().tryLock(-1, TimeUnit.SECONDS));
        subject().lockInterruptibly();
        for (int i = 0; i < 5; i++) {
            subject().unlock();
            assertFalse(otherCanLock(), "holds left: " + (5 - i));
        }
        subject().unlock();
        assertTrue(otherCanLock(), "free after the sixth unlock");
        assertThrows(IllegalMonitorStateException.class, subject()::unlock);
        Evidence.explored(20, "calls");
    }

    @Test
    @Verifies(primitive = VIEW, property = "the owner's lockInterruptibly()/tryLock(time) with an interrupt pending throw, adding no hold", tool = Tool.CONTRACT)
    void ownersPendingInterruptThrows() {
        subject().lock();
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, subject()::lockInterruptibly);
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> subject().tryLock(1, TimeUnit.SECONDS));
        assertFalse(Thread.interrupted(), "cleared");
        subject().unlock();
        assertTrue(otherCanLock(), "one unlock freed it: no hold was added");
        Evidence.explored(4, "calls");
    }

    @Test
    @Verifies(primitive = VIEW, property = "await/signal by a thread that does not own the (held) lock: IllegalMonitorStateException", tool = Tool.CONTRACT)
    void conditionNeedsOwnership() {
        Condition c = subject().newCondition();
        subject().lock();
        for (int form = 0; form < 6; form++) {
            int f = form;
            assertThrows(IllegalMonitorStateException.class, () -> callers.as(1, () -> {
                switch (f) {
                    case 0: c.await(); break;
                    case 1: c.awaitNanos(1_000); break;
                    case 2: c.awaitUntil(new Date()); break;
                    case 3: c.awaitUninterruptibly(); break;
                    case 4: c.signal(); break;
                    default: c.signalAll(); break;
                }
                return null;
            }), "form " + f);
        }
        assertFalse(otherCanLock(), "still held by the test thread");
        subject().unlock();
        Evidence.explored(6, "calls");
    }

    @Test
    @Verifies(primitive = VIEW, property = "await() releases every hold and restores them all", tool = Tool.CONTRACT)
    void awaitReleasesEveryHold() {
        Condition c = subject().newCondition();
        AtomicBoolean ready = new AtomicBoolean();
        Workers w = Workers.start("jcond-holds", 1, id -> {
            subject().lock();
            subject().lock();
            while (!ready.get()) {
                c.await();
            }
            subject().unlock();
            assertFalse(otherCanLock(), "one hold left");
            subject().unlock();
            assertThrows(IllegalMonitorStateException.class, subject()::unlock, "exactly two holds restored");
        });
        awaitParkedOn(w.threads().get(0), c);
        assertTrue(otherCanLock(), "the waiter released both holds");
        subject().lock();
        ready.set(true);
        c.signal();
        subject().unlock();
        w.join(LIMIT);
        assertTrue(otherCanLock());
        assertEquals(Thread.State.TERMINATED, w.threads().get(0).getState());
        Evidence.explored(1, "hand-over");
    }
}
