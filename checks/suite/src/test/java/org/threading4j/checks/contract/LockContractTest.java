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
import org.threading4j.Lock;
import org.threading4j.checks.subjects.Callers;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Threads;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.checks.support.Workers;
import org.threading4j.internal.LockOwner;

/**
 * The Lock contract run against the real {@link Lock}, plus its blocking behaviour with real threads: each
 * waiter is known to wait because it is parked with the lock as its blocker ({@link Threads#awaitParked}),
 * never because some time has passed. Every test method is self-contained (no JUnit set-up is needed beyond
 * the field initialisers), so the mutant meta-tests can run them as plain methods.
 */
public class LockContractTest extends LockContract {

    private static final Duration LIMIT = Threads.GENEROUS;

    private final Lock lock = new Lock();
    private final Callers callers = new Callers(1);
    private final Subject subject = new Subject() {
        @Override public boolean tryAcquire() { return lock.tryAcquire(); }
        @Override public boolean tryAcquire(Duration t) throws InterruptedException { return lock.tryAcquire(t); }
        @Override public void acquire() { lock.acquire(); }
        @Override public void acquireInterruptibly() throws InterruptedException { lock.acquireInterruptibly(); }
        @Override public Held hold() { return lock.hold(); }
        @Override public void release() { lock.release(); }
        @Override public boolean locked() { return lock.locked(); }
        @Override public boolean tryAcquireAs(int caller) { return callers.run(caller, lock::tryAcquire); }
        @Override public void releaseAs(int caller) { callers.run(caller, () -> { lock.release(); return null; }); }
        @Override public void interruptSelf() { Thread.currentThread().interrupt(); }
        @Override public boolean isInterrupted() { return Thread.currentThread().isInterrupted(); }
        @Override public void close() { callers.close(); }
    };

    @Override
    Subject s() {
        return subject;
    }

    @Test
    @Verifies(primitive = "Lock", property = "a parked acquire is woken by a release from another thread; blocker is the Lock's owner record", tool = Tool.CONTRACT)
    public void parkedAcquireIsWokenByRelease() {
        lock.acquire();
        Workers w = Workers.start("lock-waiter", 1, id -> {
            lock.acquire();
            lock.release();
        });
        Thread waiter = w.threads().get(0);
        Threads.awaitParked(waiter, lock);
        Object blocker = LockSupport.getBlocker(waiter);
        assertTrue(blocker instanceof LockOwner, "thread dumps show the Lock's owner record: " + blocker);
        assertSame(lock, ((LockOwner) blocker).lock());
        assertSame(Thread.currentThread(), ((LockOwner) blocker).owner(), "it names the acquirer");
        assertEquals(lock.toString(), blocker.toString(), "and describes the Lock");
        assertTrue(lock.locked());
        callers.run(1, () -> { lock.release(); return null; }); // released by a third thread
        w.join(LIMIT);
        assertFalse(lock.locked());
        Evidence.explored(1, "hand-over");
    }

    @Test
    @Verifies(primitive = "Lock", property = "not reentrant: the holder's second acquire waits until another thread releases", tool = Tool.CONTRACT)
    void holdersSecondAcquireWaits() {
        Workers w = Workers.start("lock-holder", 1, id -> {
            lock.acquire();
            lock.acquire(); // waits for the release below
        });
        Thread holder = w.threads().get(0);
        Threads.awaitParked(holder, lock);
        lock.release();
        w.join(LIMIT);
        assertTrue(lock.locked(), "the second acquire holds it now");
        lock.release();
        Evidence.explored(1, "hand-over");
    }

    @Test
    @Verifies(primitive = "Lock", property = "a timed waiter that times out leaves the lock state intact", tool = Tool.CONTRACT)
    void timedOutWaiterLeavesStateIntact() {
        lock.acquire();
        boolean[] got = {true};
        Workers.run("lock-timed", 1, LIMIT, id -> got[0] = lock.tryAcquire(Duration.ofMillis(20)));
        assertFalse(got[0], "timed out");
        assertTrue(lock.locked(), "still held by the test thread");
        lock.release();
        assertFalse(lock.locked());
        assertTrue(lock.tryAcquire(), "no stale waiter took it");
        lock.release();
        Evidence.explored(1, "timeout");
    }

    @Test
    @Verifies(primitive = "Lock", property = "zero timeout never waits", tool = Tool.CONTRACT)
    void zeroTimeoutNeverWaits() {
        lock.acquire();
        boolean[] got = {true};
        Workers.run("lock-zero", 1, LIMIT, id -> got[0] = lock.tryAcquire(Duration.ZERO));
        assertFalse(got[0]);
        lock.release();
        Evidence.explored(1, "calls");
    }

    @Test
    @Verifies(primitive = "Lock", property = "interrupting a parked acquireInterruptibly/tryAcquire(Duration) throws and takes nothing", tool = Tool.CONTRACT)
    void interruptedWaiterTakesNothing() {
        lock.acquire();
        Workers w = Workers.start("lock-interruptible", 2, id -> {
            InterruptedException e = assertThrows(InterruptedException.class, () -> {
                if (id == 0) {
                    lock.acquireInterruptibly();
                } else {
                    lock.tryAcquire(Duration.ofHours(1));
                }
            });
            assertFalse(Thread.currentThread().isInterrupted(), "the exception consumed the interrupt");
        });
        for (Thread t : w.threads()) {
            Threads.awaitParked(t, lock);
            t.interrupt();
        }
        w.join(LIMIT);
        assertTrue(lock.locked(), "still held by the test thread");
        lock.release();
        assertFalse(lock.locked(), "the interrupted waiters took nothing");
        assertTrue(lock.tryAcquire());
        lock.release();
        Evidence.explored(2, "interrupted waiters");
    }

    @Test
    @Verifies(primitive = "Lock", property = "acquire() keeps waiting through an interrupt and returns with it set", tool = Tool.CONTRACT)
    void acquireKeepsWaitingThroughInterrupt() {
        lock.acquire();
        boolean[] flag = {false};
        Workers w = Workers.start("lock-uninterruptible", 1, id -> {
            lock.acquire();
            flag[0] = Thread.currentThread().isInterrupted();
            lock.release();
        });
        Thread waiter = w.threads().get(0);
        Threads.awaitParked(waiter, lock);
        waiter.interrupt();
        // The engine clears the interrupt to park again (and re-asserts it on return), so "parked again"
        // is all we can wait for; had acquire() returned early, the waiter's release() would have freed
        // our lock and the release below would throw.
        Threads.awaitParked(waiter, lock);
        assertTrue(lock.locked());
        lock.release();
        w.join(LIMIT);
        assertTrue(flag[0], "the interrupt is re-asserted when acquire() returns");
        assertFalse(lock.locked());
        Evidence.explored(1, "interrupted waiter");
    }

    @Test
    @Verifies(primitive = "Lock", property = "a huge Duration waits for ever (untimed park) and is woken by release", tool = Tool.CONTRACT)
    void hugeTimeoutWaitsForever() {
        lock.acquire();
        boolean[] got = {false};
        Workers w = Workers.start("lock-huge", 1, id -> {
            got[0] = lock.tryAcquire(Duration.ofSeconds(Long.MAX_VALUE));
            lock.release();
        });
        Thread waiter = w.threads().get(0);
        Threads.awaitParked(waiter, lock);
        assertEquals(Thread.State.WAITING, waiter.getState(), "no deadline: an untimed park");
        lock.release();
        w.join(LIMIT);
        assertTrue(got[0]);
        assertFalse(lock.locked());
        Evidence.explored(1, "hand-over");
    }
}
