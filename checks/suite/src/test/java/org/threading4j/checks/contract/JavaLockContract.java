package org.threading4j.checks.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.threading4j.checks.subjects.Callers;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Threads;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.checks.support.Workers;

/**
 * The {@link java.util.concurrent.locks.Lock} and {@link Condition} interface contracts where a
 * {@code ReentrantLock} and both threading4j views ({@code RLock.asJavaLock()}, {@code Lock.asJavaLock()})
 * agree: run against {@code new ReentrantLock()} as the reference ({@link ReentrantLockContractTest}),
 * the RLock view ({@link RLockJavaLockContractTest}) and the Lock view ({@link LockJavaLockContractTest}).
 * What needs an owner (unlock by a non-owner, reentrancy) is in {@link ReentrantJavaLockContract}; the
 * Lock view's deliberate differences are tested in its own class.
 *
 * <p>A thread is known to wait because it is parked (WAITING or TIMED_WAITING) where the subject says a
 * lock or condition waiter parks, never because some time has passed. Every blocking call runs in a
 * {@link Workers} group or a {@link Callers} thread, both bounded by {@link Threads#GENEROUS}.
 */
abstract class JavaLockContract {

    static final Duration LIMIT = Threads.GENEROUS;
    /** The report's name for what these tests check: the {@code asJavaLock()} views (and their reference). */
    static final String VIEW = "asJavaLock()";
    /** A short timeout for waits that must time out. */
    static final long SHORT_MILLIS = 30;

    /** Caller 1: one other thread, kept for the test (so it stays the same owner). */
    final Callers callers = new Callers(1);

    /** The lock under test, one per test instance. */
    abstract Lock subject();

    /** Whether {@code t}, known to be parked, is parked waiting to acquire {@link #subject()}. */
    abstract boolean parkedForLock(Thread t);

    /** Whether {@code t}, known to be parked, is parked in an {@code await} of {@code c}. */
    abstract boolean parkedOn(Thread t, Condition c);

    @AfterEach
    void closeCallers() {
        callers.close();
    }

    // ---- helpers ----

    final void awaitParkedForLock(Thread t) {
        Threads.awaitCondition(t.getName() + " is parked for the lock " + subject(),
                () -> isParked(t) && parkedForLock(t));
    }

    final void awaitParkedOn(Thread t, Condition c) {
        Threads.awaitCondition(t.getName() + " is parked on the condition " + c, () -> isParked(t) && parkedOn(t, c));
    }

    static boolean isParked(Thread t) {
        return Threads.isParked(t);
    }

    /** {@code tryLock()} by caller 1, which unlocks at once if it got the lock. */
    final boolean otherCanLock() {
        return callers.run(1, () -> {
            if (subject().tryLock()) {
                subject().unlock();
                return true;
            }
            return false;
        });
    }

    /** The identity part of a threading4j primitive's {@code toString()}: {@code org.threading4j.Condition@1b6d3586}. */
    static String identity(Object o) {
        return o.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(o));
    }

    /**
     * For the threading4j views: the blocker is the threading4j {@code Condition} behind the view, which the
     * view's {@code toString()} names.
     */
    static boolean parkedOnThreading4jCondition(Thread t, Condition view) {
        Object blocker = LockSupport.getBlocker(t);
        return blocker instanceof org.threading4j.Condition
                && view.toString().startsWith("java.util.concurrent.locks.Condition view of " + identity(blocker) + "[");
    }

    // ---- Lock ----

    @Test
    @Verifies(primitive = VIEW, property = "lock() and unlock(): the lock is held in between, free after", tool = Tool.CONTRACT)
    void lockAndUnlock() {
        assertTrue(otherCanLock(), "a new lock is free");
        subject().lock();
        assertFalse(otherCanLock(), "held");
        subject().unlock();
        assertTrue(otherCanLock(), "free again");
        Evidence.explored(5, "calls");
    }

    @Test
    @Verifies(primitive = VIEW, property = "tryLock() and tryLock(0 or negative) take a free lock only, never waiting", tool = Tool.CONTRACT)
    void tryLockTakesAFreeLockOnly() throws InterruptedException {
        assertTrue(subject().tryLock());
        assertFalse(callers.run(1, () -> subject().tryLock()), "held by the test thread");
        assertFalse(callers.as(1, () -> subject().tryLock(0, TimeUnit.SECONDS)));
        assertFalse(callers.as(1, () -> subject().tryLock(-1, TimeUnit.DAYS)), "negative: try once");
        assertFalse(callers.as(1, () -> subject().tryLock(Long.MIN_VALUE, TimeUnit.NANOSECONDS)));
        subject().unlock();
        assertTrue(subject().tryLock(-1, TimeUnit.SECONDS), "negative on a free lock: taken");
        subject().unlock();
        assertTrue(subject().tryLock(Long.MAX_VALUE, TimeUnit.DAYS), "huge on a free lock: taken at once");
        subject().unlock();
        assertTrue(otherCanLock());
        Evidence.explored(11, "calls");
    }

    @Test
    @Verifies(primitive = VIEW, property = "tryLock(time, unit) on a held lock returns false after the time, not before, within a bound", tool = Tool.CONTRACT)
    void timedTryLockTimesOut() {
        subject().lock();
        long[] elapsed = {-1};
        boolean[] got = {true};
        Workers.run("jlock-timed", 1, LIMIT, id -> {
            long start = System.nanoTime();
            got[0] = subject().tryLock(SHORT_MILLIS, TimeUnit.MILLISECONDS);
            elapsed[0] = System.nanoTime() - start;
        });
        assertFalse(got[0], "timed out");
        assertTrue(elapsed[0] >= TimeUnit.MILLISECONDS.toNanos(SHORT_MILLIS), "waited the time: " + elapsed[0] + " ns");
        assertFalse(otherCanLock(), "still held by the test thread");
        subject().unlock();
        assertTrue(otherCanLock(), "the timed-out waiter took nothing");
        Evidence.explored(1, "timeout");
    }

    @Test
    @Verifies(primitive = VIEW, property = "a parked lockInterruptibly()/tryLock(1 h) is interrupted: InterruptedException, status cleared, nothing taken", tool = Tool.CONTRACT)
    void interruptedLockWaiterTakesNothing() {
        subject().lock();
        Workers w = Workers.start("jlock-interruptible", 2, id -> {
            assertThrows(InterruptedException.class, () -> {
                if (id == 0) {
                    subject().lockInterruptibly();
                } else {
                    subject().tryLock(1, TimeUnit.HOURS);
                }
            });
            assertFalse(Thread.currentThread().isInterrupted(), "the exception cleared the interrupt");
        });
        for (Thread t : w.threads()) {
            awaitParkedForLock(t);
            t.interrupt();
        }
        w.join(LIMIT);
        assertFalse(otherCanLock(), "still held by the test thread");
        subject().unlock();
        assertTrue(otherCanLock(), "the interrupted waiters took nothing");
        Evidence.explored(2, "interrupted waiters");
    }

    @Test
    @Verifies(primitive = VIEW, property = "a pending interrupt: lockInterruptibly()/tryLock(time) throw and clear it, also on a free lock; lock()/tryLock() keep it", tool = Tool.CONTRACT)
    void pendingInterrupt() {
        for (long t : new long[] {0, -1, 1_000}) {
            Thread.currentThread().interrupt();
            assertThrows(InterruptedException.class, () -> subject().tryLock(t, TimeUnit.MILLISECONDS), "time " + t);
            assertFalse(Thread.interrupted(), "cleared");
        }
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, subject()::lockInterruptibly);
        assertFalse(Thread.interrupted(), "cleared");
        assertTrue(otherCanLock(), "nothing taken");
        Thread.currentThread().interrupt();
        subject().lock();
        assertTrue(Thread.currentThread().isInterrupted(), "lock() keeps the interrupt");
        subject().unlock();
        assertTrue(subject().tryLock());
        assertTrue(Thread.interrupted(), "tryLock() keeps the interrupt");
        subject().unlock();
        assertTrue(otherCanLock());
        Evidence.explored(10, "calls");
    }

    @Test
    @Verifies(primitive = VIEW, property = "null TimeUnit or Date: NullPointerException, nothing changes", tool = Tool.CONTRACT)
    void nullArguments() {
        assertThrows(NullPointerException.class, () -> subject().tryLock(1, null));
        assertTrue(otherCanLock(), "nothing taken");
        Condition c = subject().newCondition();
        subject().lock();
        assertThrows(NullPointerException.class, () -> c.await(1, null));
        assertThrows(NullPointerException.class, () -> c.awaitUntil(null));
        assertFalse(otherCanLock(), "still held");
        subject().unlock();
        assertTrue(otherCanLock());
        Evidence.explored(4, "calls");
    }

    // ---- Condition ----

    @Test
    @Verifies(primitive = VIEW, property = "newCondition(): await() is woken by signal(), with the state set before the signal visible", tool = Tool.CONTRACT)
    void awaitSignalHandOff() {
        Condition c = subject().newCondition();
        AtomicBoolean ready = new AtomicBoolean();
        int[] seen = {0};
        int[] value = {0}; // written under the lock before the signal, read under it after the await
        Workers w = Workers.start("jcond-waiter", 1, id -> {
            subject().lock();
            try {
                while (!ready.get()) {
                    c.await();
                }
                seen[0] = value[0];
            } finally {
                subject().unlock();
            }
        });
        Thread waiter = w.threads().get(0);
        awaitParkedOn(waiter, c);
        subject().lock(); // the waiter released it by waiting
        try {
            value[0] = 42;
            ready.set(true);
            c.signal();
        } finally {
            subject().unlock();
        }
        w.join(LIMIT);
        assertEquals(42, seen[0]);
        assertTrue(otherCanLock(), "the waiter unlocked");
        Evidence.explored(1, "hand-over");
    }

    @Test
    @Verifies(primitive = VIEW, property = "await/signal methods on a free lock: IllegalMonitorStateException, nothing changes", tool = Tool.CONTRACT)
    void conditionWithoutTheLockThrows() {
        Condition c = subject().newCondition();
        assertThrows(IllegalMonitorStateException.class, c::await);
        assertThrows(IllegalMonitorStateException.class, c::awaitUninterruptibly);
        assertThrows(IllegalMonitorStateException.class, () -> c.awaitNanos(1_000));
        assertThrows(IllegalMonitorStateException.class, () -> c.awaitNanos(0));
        assertThrows(IllegalMonitorStateException.class, () -> c.await(1, TimeUnit.MILLISECONDS));
        assertThrows(IllegalMonitorStateException.class, () -> c.awaitUntil(new Date()));
        assertThrows(IllegalMonitorStateException.class, c::signal);
        assertThrows(IllegalMonitorStateException.class, c::signalAll);
        assertTrue(otherCanLock(), "still free");
        // and the condition still works
        subject().lock();
        c.signal();
        c.signalAll();
        subject().unlock();
        Evidence.explored(11, "calls");
    }

    @Test
    @Verifies(primitive = VIEW, property = "awaitNanos/await(time)/awaitUntil time out: <= 0 / false, lock held again; zero or negative or a past date wait once", tool = Tool.CONTRACT)
    void timedAwaitsTimeOutHoldingTheLock() {
        Condition c = subject().newCondition();
        Workers.run("jcond-timeout", 1, LIMIT, id -> {
            subject().lock();
            try {
                long asked = TimeUnit.MILLISECONDS.toNanos(SHORT_MILLIS);
                long start = System.nanoTime();
                long left = c.awaitNanos(asked);
                long elapsed = System.nanoTime() - start;
                assertTrue(left <= 0, "awaitNanos timed out: " + left);
                assertTrue(elapsed >= asked, "waited the time: " + elapsed + " ns");
                assertFalse(otherCanLock(), "held again after awaitNanos");
                assertTrue(c.awaitNanos(0) <= 0);
                assertTrue(c.awaitNanos(-5) <= 0);
                assertTrue(c.awaitNanos(Long.MIN_VALUE) <= 0, "no overflow");
                assertFalse(otherCanLock(), "held again after awaitNanos(0 or negative)");
                assertFalse(c.await(SHORT_MILLIS, TimeUnit.MILLISECONDS));
                assertFalse(c.await(-1, TimeUnit.SECONDS));
                assertFalse(otherCanLock(), "held again after await(time)");
                assertFalse(c.awaitUntil(new Date(System.currentTimeMillis() - 60_000)), "a past date");
                assertFalse(c.awaitUntil(new Date(Long.MIN_VALUE)), "the most past date: no overflow");
                assertFalse(c.awaitUntil(new Date(System.currentTimeMillis() + SHORT_MILLIS)));
                assertFalse(otherCanLock(), "held again after awaitUntil");
            } finally {
                subject().unlock();
            }
        });
        assertTrue(otherCanLock(), "free after the final unlock");
        Evidence.explored(10, "timed awaits");
    }

    @Test
    @Verifies(primitive = VIEW, property = "awaitNanos returns a positive estimate of the time left when signalled in time", tool = Tool.CONTRACT)
    void awaitNanosSignalledReturnsTimeLeft() {
        Condition c = subject().newCondition();
        AtomicBoolean ready = new AtomicBoolean();
        long asked = TimeUnit.HOURS.toNanos(1);
        long[] left = {0};
        Workers w = Workers.start("jcond-nanos", 1, id -> {
            subject().lock();
            try {
                left[0] = asked;
                while (!ready.get() && left[0] > 0) {
                    left[0] = c.awaitNanos(left[0]);
                }
            } finally {
                subject().unlock();
            }
        });
        awaitParkedOn(w.threads().get(0), c);
        subject().lock();
        ready.set(true);
        c.signal();
        subject().unlock();
        w.join(LIMIT);
        assertTrue(left[0] > 0 && left[0] < asked, "time left: " + left[0]);
        Evidence.explored(1, "hand-over");
    }

    @Test
    @Verifies(primitive = VIEW, property = "signalAll() wakes every one of N waiters (after a signal() that let one go)", tool = Tool.CONTRACT)
    void signalAllWakesEveryWaiter() {
        int n = 4;
        Condition c = subject().newCondition();
        AtomicInteger permits = new AtomicInteger(); // how many waiters may leave; changed under the lock
        AtomicInteger woken = new AtomicInteger();
        Workers w = Workers.start("jcond-all", n, id -> {
            subject().lock();
            try {
                while (permits.get() == 0) {
                    c.await();
                }
                permits.decrementAndGet();
                woken.incrementAndGet();
            } finally {
                subject().unlock();
            }
        });
        for (Thread t : w.threads()) {
            awaitParkedOn(t, c);
        }
        subject().lock();
        permits.set(1);
        c.signal();
        subject().unlock();
        Threads.awaitCondition("one waiter woke", () -> woken.get() == 1);
        subject().lock();
        permits.set(n - 1);
        c.signalAll();
        subject().unlock();
        w.join(LIMIT);
        assertEquals(n, woken.get());
        assertTrue(otherCanLock());
        Evidence.explored(n, "waiters");
    }

    /** The interruptible await forms, one per waiter in {@link #interruptedAwaitReholdsTheLock}. */
    private static void awaitForm(int form, Condition c) throws InterruptedException {
        switch (form) {
            case 0: c.await(); break;
            case 1: c.awaitNanos(TimeUnit.HOURS.toNanos(1)); break;
            case 2: c.await(1, TimeUnit.HOURS); break;
            default: c.awaitUntil(new Date(System.currentTimeMillis() + TimeUnit.HOURS.toMillis(1))); break;
        }
    }

    @Test
    @Verifies(primitive = VIEW, property = "an await interrupted while parked throws InterruptedException with the lock held again and the status cleared", tool = Tool.CONTRACT)
    void interruptedAwaitReholdsTheLock() {
        Condition c = subject().newCondition();
        int forms = 4;
        AtomicInteger thrown = new AtomicInteger();
        Workers w = Workers.start("jcond-interrupted", forms, id -> {
            subject().lock();
            try {
                awaitForm(id, c);
                fail("await form " + id + " returned normally");
            } catch (InterruptedException expected) {
                assertFalse(Thread.currentThread().isInterrupted(), "the exception cleared the interrupt");
                thrown.incrementAndGet();
            }
            subject().unlock(); // throws if this thread did not get the lock back (nobody else holds it)
        });
        for (Thread t : w.threads()) {
            awaitParkedOn(t, c);
        }
        for (Thread t : w.threads()) {
            t.interrupt();
        }
        w.join(LIMIT);
        assertEquals(forms, thrown.get());
        assertTrue(otherCanLock());
        Evidence.explored(forms, "interrupted waiters");
    }

    @Test
    @Verifies(primitive = VIEW, property = "a pending interrupt: every interruptible await throws at once, status cleared, lock still held", tool = Tool.CONTRACT)
    void pendingInterruptAwaitThrows() {
        Condition c = subject().newCondition();
        Workers.run("jcond-pending", 1, LIMIT, id -> {
            subject().lock();
            try {
                for (int form = 0; form < 4; form++) {
                    int f = form;
                    Thread.currentThread().interrupt();
                    assertThrows(InterruptedException.class, () -> awaitForm(f, c), "form " + f);
                    assertFalse(Thread.currentThread().isInterrupted(), "cleared");
                    assertFalse(otherCanLock(), "still held");
                }
            } finally {
                subject().unlock();
            }
        });
        assertTrue(otherCanLock());
        Evidence.explored(4, "calls");
    }

    @Test
    @Verifies(primitive = VIEW, property = "awaitUninterruptibly() keeps waiting through an interrupt, returns once on the signal, status set", tool = Tool.CONTRACT)
    void awaitUninterruptiblyWaitsThroughInterrupt() {
        Condition c = subject().newCondition();
        AtomicBoolean ready = new AtomicBoolean();
        AtomicInteger returns = new AtomicInteger();
        AtomicBoolean interruptedAfter = new AtomicBoolean();
        Workers w = Workers.start("jcond-uninterruptible", 1, id -> {
            subject().lock();
            try {
                while (!ready.get()) {
                    c.awaitUninterruptibly();
                    returns.incrementAndGet();
                }
                interruptedAfter.set(Thread.currentThread().isInterrupted());
            } finally {
                subject().unlock();
            }
        });
        Thread waiter = w.threads().get(0);
        awaitParkedOn(waiter, c);
        waiter.interrupt();
        // It clears the interrupt to park again; "parked on the condition again" is all we can wait for.
        // An early return would show as returns == 2.
        awaitParkedOn(waiter, c);
        subject().lock();
        ready.set(true);
        c.signal();
        subject().unlock();
        w.join(LIMIT);
        assertEquals(1, returns.get(), "returned only for the signal");
        assertTrue(interruptedAfter.get(), "the interrupt is re-asserted");
        Evidence.explored(1, "interrupted waiter");
    }
}
