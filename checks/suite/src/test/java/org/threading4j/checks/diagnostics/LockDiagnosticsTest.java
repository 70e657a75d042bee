package org.threading4j.checks.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.AbstractOwnableSynchronizer;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.threading4j.Condition;
import org.threading4j.Lock;
import org.threading4j.RLock;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Threads;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.checks.support.Workers;

/**
 * What the JVM's own diagnostics see of a Lock or an RLock: the tools behind {@code jstack -l} and
 * {@code ThreadMXBean.findDeadlockedThreads()} know only {@link AbstractOwnableSynchronizer}s, so these
 * tests check that a waiter's blocker is one, that it names the holder, that the holder lists it among its
 * "locked ownable synchronizers", and that a cycle of two threads over two locks is reported as a deadlock.
 * Each deadlock is real (both threads parked in {@code acquireInterruptibly}) and is broken at the end by
 * interrupting one of them, so the test cleans up after itself.
 */
class LockDiagnosticsTest {

    private static final Duration LIMIT = Threads.GENEROUS;
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    /** The two lock kinds, as the cycle sees them. */
    interface Mutex {
        void acquire();

        void acquireInterruptibly() throws InterruptedException;

        void release();

        Object primitive();
    }

    static Mutex of(Lock lock) {
        return new Mutex() {
            @Override public void acquire() { lock.acquire(); }
            @Override public void acquireInterruptibly() throws InterruptedException { lock.acquireInterruptibly(); }
            @Override public void release() { lock.release(); }
            @Override public Object primitive() { return lock; }
        };
    }

    static Mutex of(RLock lock) {
        return new Mutex() {
            @Override public void acquire() { lock.acquire(); }
            @Override public void acquireInterruptibly() throws InterruptedException { lock.acquireInterruptibly(); }
            @Override public void release() { lock.release(); }
            @Override public Object primitive() { return lock; }
        };
    }

    @Test
    @Verifies(primitive = "RLock", property = "an RLock cycle is found by findDeadlockedThreads; dumps show owner and waiter",
            tool = Tool.CONTRACT)
    void rlockCycleIsADeadlock() throws Exception {
        deadlock(of(new RLock()), of(new RLock()));
    }

    @Test
    @Verifies(primitive = "Lock", property = "a Lock cycle is found by findDeadlockedThreads; dumps show acquirer and waiter",
            tool = Tool.CONTRACT)
    void lockCycleIsADeadlock() throws Exception {
        deadlock(of(new Lock()), of(new Lock()));
    }

    @Test
    @Verifies(primitive = "RLock", property = "a cycle of an RLock and a Lock is found by findDeadlockedThreads",
            tool = Tool.CONTRACT)
    @Verifies(primitive = "Lock", property = "a cycle of an RLock and a Lock is found by findDeadlockedThreads",
            tool = Tool.CONTRACT)
    void mixedCycleIsADeadlock() throws Exception {
        deadlock(of(new RLock()), of(new Lock()));
    }

    /**
     * Thread 0 holds {@code first} and wants {@code second}; thread 1 holds {@code second} and wants
     * {@code first}. Checks what the JVM reports, then interrupts thread 0 to break the cycle.
     */
    private static void deadlock(Mutex first, Mutex second) throws Exception {
        Mutex[] held = {first, second};
        CountDownLatch bothHold = new CountDownLatch(2);
        AtomicInteger interrupted = new AtomicInteger();
        Workers w = Workers.start("cycle", 2, id -> {
            Mutex mine = held[id], theirs = held[1 - id];
            mine.acquire();
            try {
                bothHold.countDown();
                if (!bothHold.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new AssertionError("the other thread never took its first lock");
                }
                try {
                    theirs.acquireInterruptibly();
                } catch (InterruptedException e) {
                    interrupted.incrementAndGet(); // thread 0: how the test breaks the cycle
                    return;
                }
                theirs.release();
            } finally {
                mine.release();
            }
        });
        Thread t0 = w.threads().get(0), t1 = w.threads().get(1);
        try {
            Threads.awaitParked(t0, second.primitive());
            Threads.awaitParked(t1, first.primitive());
            Object waitedBy0 = LockSupport.getBlocker(t0), waitedBy1 = LockSupport.getBlocker(t1);
            assertTrue(waitedBy0 instanceof AbstractOwnableSynchronizer, "blocker is ownable: " + waitedBy0);
            assertTrue(waitedBy1 instanceof AbstractOwnableSynchronizer, "blocker is ownable: " + waitedBy1);
            assertEquals(second.primitive().toString(), waitedBy0.toString(), "the blocker describes the lock");

            long[] deadlocked = MX.findDeadlockedThreads();
            assertNotNull(deadlocked, "findDeadlockedThreads found no deadlock");
            List<Long> ids = new ArrayList<>();
            Arrays.stream(deadlocked).forEach(ids::add);
            assertTrue(ids.contains(t0.getId()) && ids.contains(t1.getId()), "deadlocked: " + ids);

            ThreadInfo i0 = null, i1 = null;
            for (ThreadInfo info : MX.dumpAllThreads(true, true)) {
                if (info.getThreadId() == t0.getId()) {
                    i0 = info;
                } else if (info.getThreadId() == t1.getId()) {
                    i1 = info;
                }
            }
            assertNotNull(i0);
            assertNotNull(i1);
            // thread 0 waits for second's record, owned by thread 1, and owns first's record (and vice versa)
            assertWaitsFor(i0, waitedBy0, t1);
            assertWaitsFor(i1, waitedBy1, t0);
            assertOwns(i0, waitedBy1);
            assertOwns(i1, waitedBy0);
        } finally {
            t0.interrupt(); // breaks the cycle: thread 0 gives up, releases first, thread 1 completes
        }
        w.join(LIMIT);
        assertEquals(1, interrupted.get(), "thread 0 left by its interrupt");
        Evidence.explored(1, "deadlocks");
    }

    private static void assertWaitsFor(ThreadInfo info, Object record, Thread owner) {
        LockInfo lock = info.getLockInfo();
        assertNotNull(lock, info.getThreadName() + " waits for nothing");
        assertEquals(record.getClass().getName(), lock.getClassName());
        assertEquals(System.identityHashCode(record), lock.getIdentityHashCode(), "waits for that record");
        assertEquals(owner.getId(), info.getLockOwnerId(), "its owner is the other thread");
        assertEquals(owner.getName(), info.getLockOwnerName());
    }

    private static void assertOwns(ThreadInfo info, Object record) {
        boolean found = false;
        for (LockInfo li : info.getLockedSynchronizers()) {
            found |= li.getIdentityHashCode() == System.identityHashCode(record)
                    && li.getClassName().equals(record.getClass().getName());
        }
        assertTrue(found, info.getThreadName() + " lists the record among its locked synchronizers: "
                + Arrays.toString(info.getLockedSynchronizers()));
    }

    /** Owner records ({@code LockOwner}) the thread is listed as owning. */
    private static long ownedRecords(Thread t) {
        ThreadInfo info = MX.getThreadInfo(new long[] {t.getId()}, false, true)[0];
        return Arrays.stream(info.getLockedSynchronizers())
                .filter(li -> li.getClassName().equals("org.threading4j.internal.LockOwner")).count();
    }

    @Test
    @Verifies(primitive = "RLock", property = "the owner lists the RLock as a locked synchronizer while, and only while, it owns it",
            tool = Tool.CONTRACT)
    void rlockOwnershipIsListed() {
        RLock r = new RLock();
        Thread me = Thread.currentThread();
        long before = ownedRecords(me);
        r.acquire();
        r.acquire();
        assertEquals(before + 1, ownedRecords(me), "owned: listed once");
        r.release();
        assertEquals(before + 1, ownedRecords(me), "one hold left: still listed");
        r.release();
        assertEquals(before, ownedRecords(me), "released: not listed");
        assertTrue(r.tryAcquire());
        assertEquals(before + 1, ownedRecords(me), "tryAcquire records the owner too");
        r.release();
        assertEquals(before, ownedRecords(me));
        Evidence.explored(6, "snapshots");
    }

    @Test
    @Verifies(primitive = "RLock", property = "a thread waiting on a Condition no longer owns the RLock in thread dumps",
            tool = Tool.CONTRACT)
    void conditionWaiterOwnsNothing() throws Exception {
        RLock r = new RLock();
        Condition c = new Condition(r);
        CountDownLatch back = new CountDownLatch(1);
        long[] ownedAfter = new long[1];
        Workers w = Workers.start("cond", 1, id -> {
            r.acquire();
            r.acquire();
            c.await();
            ownedAfter[0] = ownedRecords(Thread.currentThread());
            back.countDown();
            r.release();
            r.release();
        });
        Thread t = w.threads().get(0);
        Threads.awaitParked(t, c);
        assertEquals(0, ownedRecords(t), "in await: the RLock was released fully");
        assertTrue(r.toString().endsWith("[unlocked]"), r.toString());
        r.acquire();
        assertEquals(1, ownedRecords(Thread.currentThread()));
        c.signal();
        r.release();
        w.join(LIMIT);
        assertEquals(1, ownedAfter[0], "reacquired after await: listed again");
        Evidence.explored(1, "waits");
    }

    @Test
    @Verifies(primitive = "Lock", property = "the acquirer lists the Lock while it is locked; a release by another thread clears it",
            tool = Tool.CONTRACT)
    void lockAcquirerIsListed() {
        Lock l = new Lock();
        Thread me = Thread.currentThread();
        long before = ownedRecords(me);
        l.acquire();
        assertEquals(before + 1, ownedRecords(me), "locked: the acquirer lists it");
        Workers.run("releaser", 1, LIMIT, id -> l.release()); // any thread may release a Lock
        assertEquals(before, ownedRecords(me), "released by another thread: no longer listed");
        assertTrue(l.toString().endsWith("[unlocked]"), l.toString());
        assertTrue(l.tryAcquire());
        assertEquals(before + 1, ownedRecords(me), "tryAcquire records the acquirer too");
        l.release();
        assertEquals(before, ownedRecords(me));
        Thread[] holder = new Thread[1];
        Workers.run("acquirer", 1, LIMIT, id -> {
            l.acquire();
            holder[0] = Thread.currentThread();
        });
        assertTrue(l.toString().contains("acquired by " + holder[0].getName()), l.toString());
        l.release();
        assertTrue(l.toString().endsWith("[unlocked]"), l.toString());
        Evidence.explored(7, "snapshots");
    }
}
