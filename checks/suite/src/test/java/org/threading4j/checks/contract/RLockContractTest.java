package org.threading4j.checks.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.threading4j.Held;
import org.threading4j.RLock;
import org.threading4j.checks.subjects.Callers;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Threads;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.checks.support.Workers;
import org.threading4j.internal.LockOwner;

/**
 * The RLock contract run against the real {@link RLock} (callers 1 and 2 are dedicated threads), plus its
 * blocking behaviour with real threads, waiting for parked states, never for time. Test methods need no
 * JUnit set-up beyond the field initialisers, so the mutant meta-tests can run them as plain methods.
 */
public class RLockContractTest extends RLockContract {

    private static final Duration LIMIT = Threads.GENEROUS;

    private final RLock rlock = new RLock();
    private final Callers callers = new Callers(2);
    private final Subject subject = new Subject() {
        @Override public boolean tryAcquire(int c) { return callers.run(c, rlock::tryAcquire); }
        @Override public boolean tryAcquire(int c, Duration t) throws InterruptedException { return callers.as(c, () -> rlock.tryAcquire(t)); }
        @Override public void acquire(int c) { callers.run(c, () -> { rlock.acquire(); return null; }); }
        @Override public void acquireInterruptibly(int c) throws InterruptedException { callers.as(c, () -> { rlock.acquireInterruptibly(); return null; }); }
        @Override public Held hold(int c) {
            Held h = callers.run(c, rlock::hold);
            return () -> callers.run(c, () -> { h.close(); return null; });
        }
        @Override public void release(int c) { callers.run(c, () -> { rlock.release(); return null; }); }
        @Override public boolean locked(int c) { return callers.run(c, rlock::locked); }
        @Override public boolean isHeldByCurrentThread(int c) { return callers.run(c, rlock::isHeldByCurrentThread); }
        @Override public int holdCount(int c) { return callers.run(c, rlock::holdCount); }
        @Override public void interrupt(int c) { onlyTestThread(c); Thread.currentThread().interrupt(); }
        @Override public boolean isInterrupted(int c) { onlyTestThread(c); return Thread.currentThread().isInterrupted(); }
        @Override public void close() { callers.close(); }
    };

    /** Helper threads are pool threads, whose interrupt status the pool clears between calls. */
    private static void onlyTestThread(int c) {
        if (c != 0) {
            throw new UnsupportedOperationException("interrupts are tested on caller 0 only");
        }
    }

    @Override
    Subject s() {
        return subject;
    }

    @Test
    @Verifies(primitive = "RLock", property = "a parked acquire is woken by the owner's last release only; blocker is the RLock's owner record", tool = Tool.CONTRACT)
    void parkedAcquireWaitsForLastRelease() {
        rlock.acquire();
        rlock.acquire();
        int[] seen = new int[2];
        Workers w = Workers.start("rlock-waiter", 1, id -> {
            rlock.acquire();
            seen[0] = rlock.holdCount();
            seen[1] = rlock.isHeldByCurrentThread() ? 1 : 0;
            rlock.release();
        });
        Thread waiter = w.threads().get(0);
        Threads.awaitParked(waiter, rlock);
        Object blocker = LockSupport.getBlocker(waiter);
        assertTrue(blocker instanceof LockOwner, "thread dumps show the RLock's owner record: " + blocker);
        assertSame(rlock, ((LockOwner) blocker).lock());
        assertSame(Thread.currentThread(), ((LockOwner) blocker).owner(), "it names the owner");
        assertEquals(rlock.toString(), blocker.toString(), "and describes the RLock");
        rlock.release();
        assertTrue(rlock.isHeldByCurrentThread(), "one hold left: still ours");
        assertEquals(1, rlock.holdCount());
        rlock.release();
        w.join(LIMIT);
        assertEquals(1, seen[0], "the new owner starts with one hold");
        assertEquals(1, seen[1]);
        assertFalse(rlock.locked());
        Evidence.explored(1, "hand-over");
    }

    @Test
    @Verifies(primitive = "RLock", property = "a timed waiter that times out leaves the owner's holds intact", tool = Tool.CONTRACT)
    void timedOutWaiterLeavesHoldsIntact() {
        rlock.acquire();
        rlock.acquire();
        boolean[] got = {true};
        Workers.run("rlock-timed", 1, LIMIT, id -> {
            got[0] = rlock.tryAcquire(Duration.ofMillis(20));
            assertEquals(0, rlock.holdCount());
            assertFalse(rlock.isHeldByCurrentThread());
        });
        assertFalse(got[0]);
        assertEquals(2, rlock.holdCount());
        rlock.release();
        rlock.release();
        assertFalse(rlock.locked());
        Evidence.explored(1, "timeout");
    }

    @Test
    @Verifies(primitive = "RLock", property = "interrupting a parked acquireInterruptibly/tryAcquire(Duration) throws and takes nothing", tool = Tool.CONTRACT)
    void interruptedWaiterTakesNothing() {
        rlock.acquire();
        Workers w = Workers.start("rlock-interruptible", 2, id -> {
            assertThrows(InterruptedException.class, () -> {
                if (id == 0) {
                    rlock.acquireInterruptibly();
                } else {
                    rlock.tryAcquire(Duration.ofHours(1));
                }
            });
            assertFalse(rlock.isHeldByCurrentThread());
            assertEquals(0, rlock.holdCount());
        });
        for (Thread t : w.threads()) {
            Threads.awaitParked(t, rlock);
            t.interrupt();
        }
        w.join(LIMIT);
        assertEquals(1, rlock.holdCount(), "the owner's hold is intact");
        rlock.release();
        assertFalse(rlock.locked(), "the interrupted waiters took nothing");
        assertTrue(callers.<Boolean>run(1, rlock::tryAcquire));
        assertThrows(IllegalMonitorStateException.class, rlock::release, "owned by caller 1 now");
        callers.run(1, () -> { rlock.release(); return null; });
        Evidence.explored(2, "interrupted waiters");
    }

    @Test
    @Verifies(primitive = "RLock", property = "acquire() keeps waiting through an interrupt and returns with it set", tool = Tool.CONTRACT)
    void acquireKeepsWaitingThroughInterrupt() {
        rlock.acquire();
        boolean[] flag = {false};
        Workers w = Workers.start("rlock-uninterruptible", 1, id -> {
            rlock.acquire();
            flag[0] = Thread.currentThread().isInterrupted();
            rlock.release();
        });
        Thread waiter = w.threads().get(0);
        Threads.awaitParked(waiter, rlock);
        waiter.interrupt();
        Threads.awaitParked(waiter, rlock);
        assertEquals(1, rlock.holdCount());
        rlock.release();
        w.join(LIMIT);
        assertTrue(flag[0]);
        assertFalse(rlock.locked());
        Evidence.explored(1, "interrupted waiter");
    }
}
