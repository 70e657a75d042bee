package org.threading4j.checks.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.threading4j.Barrier;
import org.threading4j.BoundedSemaphore;
import org.threading4j.BrokenBarrierException;
import org.threading4j.Condition;
import org.threading4j.Event;
import org.threading4j.Lock;
import org.threading4j.RLock;
import org.threading4j.Semaphore;
import org.threading4j.Timer;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Threads;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.checks.support.Workers;

/**
 * {@code toString()} of every primitive shows its state, Java style ({@code ClassName@hash[state]}), and
 * follows the state as it changes. Waiters are counted only once they are parked ({@link Threads#awaitParked}),
 * so the expected counts are exact here, although the Javadoc promises only approximate ones.
 */
class ToStringTest {

    private static final Duration LIMIT = Threads.GENEROUS;

    /** {@code x.toString()} is the identity prefix followed by {@code state}. */
    private static void assertState(Object x, String state) {
        String prefix = x.getClass().getName() + "@" + Integer.toHexString(x.hashCode());
        assertEquals(prefix + state, x.toString());
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        if (!latch.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("latch not reached within " + LIMIT);
        }
    }

    @Test
    @Verifies(primitive = "Lock", property = "toString shows locked/unlocked, the acquirer and the waiters", tool = Tool.CONTRACT)
    void lock() throws Exception {
        Lock l = new Lock();
        String me = Thread.currentThread().getName();
        assertState(l, "[unlocked]");
        l.acquire();
        assertState(l, "[locked, acquired by " + me + ", waiters=0]");
        CountDownLatch acquired = new CountDownLatch(1), done = new CountDownLatch(1);
        Workers w = Workers.start("lock-ts", 1, id -> {
            l.acquire();
            acquired.countDown();
            await(done);
        });
        Thread t = w.threads().get(0);
        Threads.awaitParked(t, l);
        assertState(l, "[locked, acquired by " + me + ", waiters=1]");
        l.release();
        await(acquired);
        assertState(l, "[locked, acquired by " + t.getName() + ", waiters=0]");
        l.release(); // by another thread than the acquirer: allowed, and clears the acquirer
        assertState(l, "[unlocked]");
        done.countDown();
        w.join(LIMIT);
        Evidence.explored(5, "states");
    }

    @Test
    @Verifies(primitive = "RLock", property = "toString shows the owner, its hold count and the waiters", tool = Tool.CONTRACT)
    void rlock() throws Exception {
        RLock r = new RLock();
        String me = Thread.currentThread().getName();
        assertState(r, "[unlocked]");
        r.acquire();
        r.acquire();
        assertState(r, "[locked by " + me + ", holds=2, waiters=0]");
        CountDownLatch acquired = new CountDownLatch(1), done = new CountDownLatch(1);
        Workers w = Workers.start("rlock-ts", 1, id -> {
            r.acquire();
            acquired.countDown();
            await(done);
            r.release();
        });
        Thread t = w.threads().get(0);
        Threads.awaitParked(t, r);
        assertState(r, "[locked by " + me + ", holds=2, waiters=1]");
        r.release();
        assertState(r, "[locked by " + me + ", holds=1, waiters=1]");
        r.release();
        await(acquired);
        assertState(r, "[locked by " + t.getName() + ", holds=1, waiters=0]");
        done.countDown();
        w.join(LIMIT);
        assertState(r, "[unlocked]");
        Evidence.explored(6, "states");
    }

    @Test
    @Verifies(primitive = "Condition", property = "toString shows the waiters and the lock's state", tool = Tool.CONTRACT)
    void condition() throws Exception {
        RLock r = new RLock();
        Condition c = new Condition(r);
        assertState(c, "[waiters=0, lock=" + r + "]");
        Workers w = Workers.start("cond-ts", 2, id -> {
            r.acquire();
            try {
                c.await();
            } finally {
                r.release();
            }
        });
        for (Thread t : w.threads()) {
            Threads.awaitParked(t, c);
        }
        assertState(c, "[waiters=2, lock=" + r + "]");
        r.acquire();
        c.signal();
        assertState(c, "[waiters=1, lock=" + r + "]"); // the signalled one has left the queue
        assertTrue(c.toString().contains("locked by " + Thread.currentThread().getName()), c.toString());
        c.signalAll();
        assertState(c, "[waiters=0, lock=" + r + "]");
        r.release();
        w.join(LIMIT);
        Lock l = new Lock();
        assertState(new Condition(l), "[waiters=0, lock=" + l + "]");
        Evidence.explored(5, "states");
    }

    @Test
    @Verifies(primitive = "Semaphore", property = "toString shows the value and the waiters", tool = Tool.CONTRACT)
    void semaphore() throws Exception {
        Semaphore s = new Semaphore(1);
        assertState(s, "[value=1, waiters=0]");
        s.acquire();
        assertState(s, "[value=0, waiters=0]");
        Workers w = Workers.start("sem-ts", 2, id -> s.acquire());
        for (Thread t : w.threads()) {
            Threads.awaitParked(t, s);
        }
        assertState(s, "[value=0, waiters=2]");
        s.release(2);
        w.join(LIMIT);
        assertState(s, "[value=0, waiters=0]");
        s.release(3);
        assertState(s, "[value=3, waiters=0]");
        Evidence.explored(5, "states");
    }

    @Test
    @Verifies(primitive = "BoundedSemaphore", property = "toString shows value/bound and the waiters", tool = Tool.CONTRACT)
    void boundedSemaphore() throws Exception {
        BoundedSemaphore s = new BoundedSemaphore(2);
        assertState(s, "[value=2/2, waiters=0]");
        s.acquire();
        s.acquire();
        Workers w = Workers.start("bsem-ts", 1, id -> s.acquire());
        Threads.awaitParked(w.threads().get(0), s);
        assertState(s, "[value=0/2, waiters=1]");
        s.release();
        w.join(LIMIT);
        s.release();
        assertState(s, "[value=1/2, waiters=0]");
        Evidence.explored(3, "states");
    }

    @Test
    @Verifies(primitive = "Event", property = "toString shows set/unset and the waiters", tool = Tool.CONTRACT)
    void event() throws Exception {
        Event e = new Event();
        assertState(e, "[unset, waiters=0]");
        Workers w = Workers.start("event-ts", 2, id -> e.await());
        for (Thread t : w.threads()) {
            Threads.awaitParked(t, e);
        }
        assertState(e, "[unset, waiters=2]");
        e.set();
        assertState(e, "[set]");
        w.join(LIMIT);
        e.clear();
        assertState(e, "[unset, waiters=0]");
        Evidence.explored(4, "states");
    }

    @Test
    @Verifies(primitive = "Barrier", property = "toString shows the phase, the parties and the waiting parties", tool = Tool.CONTRACT)
    void barrier() throws Exception {
        AtomicReference<String> inAction = new AtomicReference<>();
        Barrier[] ref = new Barrier[1];
        Barrier b = new Barrier(3, () -> inAction.set(ref[0].toString()));
        ref[0] = b;
        assertState(b, "[filling, waiters=0/3]");
        Workers w = Workers.start("barrier-ts", 2, id -> b.await());
        Threads.awaitParked(w.threads().get(0), b);
        Threads.awaitParked(w.threads().get(1), b);
        assertState(b, "[filling, waiters=2/3]");
        b.await();
        w.join(LIMIT);
        String prefix = b.getClass().getName() + "@" + Integer.toHexString(b.hashCode());
        assertEquals(prefix + "[filling, waiters=3/3, action running]", inAction.get());
        assertState(b, "[filling, waiters=0/3]"); // every party has left: the next cycle fills

        Barrier c = new Barrier(2);
        Workers w2 = Workers.start("barrier-ts-broken", 1, id -> assertThrows(BrokenBarrierException.class, c::await));
        Threads.awaitParked(w2.threads().get(0), c);
        assertState(c, "[filling, waiters=1/2]");
        c.abort();
        w2.join(LIMIT);
        assertState(c, "[broken (ABORTED), parties=2]");
        c.reset();
        assertState(c, "[filling, waiters=0/2]");
        assertThrows(BrokenBarrierException.class, () -> c.await(Duration.ZERO));
        assertState(c, "[broken (TIMEOUT), parties=2]");
        Evidence.explored(8, "states");
    }

    @Test
    @Verifies(primitive = "Timer", property = "toString shows new, waiting, cancelled, fired/running and finished", tool = Tool.CONTRACT)
    void timer() throws Exception {
        Duration long10 = Duration.ofMinutes(10);
        List<Thread> made = new ArrayList<>();
        Timer t = new Timer(long10, () -> { }, r -> {
            Thread th = new Thread(r, "timer-ts");
            th.setDaemon(true);
            made.add(th);
            return th;
        });
        assertState(t, "[new, interval=PT10M]");
        t.start();
        Threads.awaitParked(made.get(0), t);
        assertState(t, "[waiting, interval=PT10M]");
        assertTrue(t.cancel());
        assertTrue(t.join(LIMIT));
        assertState(t, "[cancelled, finished, interval=PT10M]");

        Timer early = new Timer(long10, () -> { });
        early.cancel();
        assertState(early, "[cancelled, interval=PT10M]");

        CountDownLatch running = new CountDownLatch(1), done = new CountDownLatch(1);
        Timer fires = new Timer(Duration.ZERO, () -> {
            running.countDown();
            try {
                await(done);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        fires.start();
        await(running);
        assertState(fires, "[fired, running, interval=PT0S]");
        done.countDown();
        assertTrue(fires.join(LIMIT));
        assertState(fires, "[fired, finished, interval=PT0S]");

        Timer noThread = new Timer(long10, () -> { }, r -> null);
        assertThrows(NullPointerException.class, noThread::start);
        assertState(noThread, "[finished, interval=PT10M]");
        Evidence.explored(7, "states");
    }
}
