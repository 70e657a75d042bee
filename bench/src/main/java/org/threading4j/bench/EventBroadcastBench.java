package org.threading4j.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.threading4j.Condition;
import org.threading4j.Event;
import org.threading4j.Lock;

/**
 * Broadcast: one operation is one round in which the benchmark thread releases {@code waiters} helper
 * threads that are waiting for round {@code r}, and waits until every one of them has woken and checked
 * in. The time per round is the broadcast latency to the last waiter.
 *
 * <p>Every peer sees the same protocol: waiters wait for round {@code r}, check in on one shared counter
 * (the last one unparks the benchmark thread), and go on to wait for round {@code r + 1}. How "release
 * round r" is done is the peer:
 * <ul>
 * <li>{@code t4jEvent}: one {@link Event} per round ({@code set()}); the next round's event is made first.
 * <li>{@code countDownLatch}: one {@code CountDownLatch(1)} per round ({@code countDown()}), the same way.
 * <li>{@code reentrantLockSignalAll} / {@code t4jConditionSignalAll}: a lock, a round field and one
 *     condition ({@code signalAll()}).
 * <li>{@code floorParkUnpark}: a volatile round field and {@code LockSupport.unpark} of each waiter.
 * <li>{@code baseline}: a volatile round field that waiters poll with {@code Thread.yield()} (no blocking).
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class EventBroadcastBench {

    @Param({"1", "4", "16"})
    public int waiters;

    @Param({"t4jEvent", "countDownLatch", "reentrantLockSignalAll", "t4jConditionSignalAll",
            "floorParkUnpark", "baseline"})
    public String peer;

    /** How a round is released and waited for. */
    interface Rounds {
        /** Waits until round {@code r} has been released (returns at once if it already was). */
        void await(long r, int waiter) throws InterruptedException;

        /** Releases round {@code r}; rounds are released in order. */
        void release(long r);
    }

    private Rounds rounds;
    private Thread[] threads;
    private final AtomicLong checkedIn = new AtomicLong();
    private volatile Thread setter;
    private volatile boolean stop;
    private long round;

    @Setup(Level.Trial)
    public void start() {
        rounds = create(peer, waiters);
        threads = new Thread[waiters];
        for (int i = 0; i < waiters; i++) {
            int index = i;
            threads[i] = new Thread(() -> waitLoop(index), "broadcast-waiter-" + i);
            threads[i].setDaemon(true);
        }
        if (rounds instanceof ParkRounds) {
            ((ParkRounds) rounds).threads = threads;
        }
        for (Thread t : threads) {
            t.start();
        }
    }

    private void waitLoop(int index) {
        try {
            for (long r = 1; ; r++) {
                rounds.await(r, index);
                if (stop) {
                    return;
                }
                if (checkedIn.incrementAndGet() == r * waiters) {
                    LockSupport.unpark(setter);
                }
            }
        } catch (InterruptedException e) {
            // teardown
        }
    }

    @Benchmark
    public long round() {
        setter = Thread.currentThread();
        long r = ++round;
        rounds.release(r);
        long target = r * waiters;
        while (checkedIn.get() < target) {
            LockSupport.parkNanos(this, 1_000_000L); // unparked by the last waiter; the timeout is a guard
        }
        return r;
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        stop = true;
        rounds.release(++round);
        for (Thread t : threads) {
            t.join(10_000);
            if (t.isAlive()) {
                t.interrupt();
                t.join(10_000);
            }
            if (t.isAlive()) {
                throw new IllegalStateException(t.getName() + " did not stop");
            }
        }
    }

    static Rounds create(String peer, int waiters) {
        switch (peer) {
            case "t4jEvent":
                return new EventRounds(waiters);
            case "countDownLatch":
                return new LatchRounds(waiters);
            case "reentrantLockSignalAll":
                return new JucConditionRounds();
            case "t4jConditionSignalAll":
                return new T4jConditionRounds();
            case "floorParkUnpark":
                return new ParkRounds();
            case "baseline":
                return new YieldRounds();
            default:
                throw new IllegalArgumentException(peer);
        }
    }

    /** One gate per round, linked so a waiter finds the next one from the one it passed. */
    abstract static class Chain<G> implements Rounds {
        static final class Node<G> {
            final G gate;
            volatile Node<G> next;

            Node(G gate) {
                this.gate = gate;
            }
        }

        /** Each waiter's node for its next round; only that waiter touches its slot. */
        private final Node<G>[] cursor;
        /** The node of the next round to release; only the benchmark thread touches it. */
        private Node<G> head;

        @SuppressWarnings("unchecked")
        Chain(int waiters) {
            head = new Node<>(newGate());
            cursor = new Node[waiters];
            java.util.Arrays.fill(cursor, head);
        }

        abstract G newGate();

        abstract void open(G gate);

        abstract void pass(G gate) throws InterruptedException;

        @Override
        public void await(long r, int waiter) throws InterruptedException {
            Node<G> n = cursor[waiter];
            pass(n.gate);
            cursor[waiter] = n.next; // made before the gate opened, so it is visible now
        }

        @Override
        public void release(long r) {
            Node<G> n = head;
            n.next = head = new Node<>(newGate());
            open(n.gate);
        }
    }

    static final class EventRounds extends Chain<Event> {
        EventRounds(int waiters) {
            super(waiters);
        }

        @Override
        Event newGate() {
            return new Event();
        }

        @Override
        void open(Event gate) {
            gate.set();
        }

        @Override
        void pass(Event gate) throws InterruptedException {
            gate.await();
        }
    }

    static final class LatchRounds extends Chain<CountDownLatch> {
        LatchRounds(int waiters) {
            super(waiters);
        }

        @Override
        CountDownLatch newGate() {
            return new CountDownLatch(1);
        }

        @Override
        void open(CountDownLatch gate) {
            gate.countDown();
        }

        @Override
        void pass(CountDownLatch gate) throws InterruptedException {
            gate.await();
        }
    }

    static final class JucConditionRounds implements Rounds {
        private final ReentrantLock lock = new ReentrantLock();
        private final java.util.concurrent.locks.Condition released = lock.newCondition();
        private long current;

        @Override
        public void await(long r, int waiter) throws InterruptedException {
            lock.lock();
            try {
                while (current < r) {
                    released.await();
                }
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void release(long r) {
            lock.lock();
            try {
                current = r;
                released.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    static final class T4jConditionRounds implements Rounds {
        private final Lock lock = new Lock();
        private final Condition released = new Condition(lock);
        private long current;

        @Override
        public void await(long r, int waiter) throws InterruptedException {
            lock.acquire();
            try {
                while (current < r) {
                    released.await();
                }
            } finally {
                lock.release();
            }
        }

        @Override
        public void release(long r) {
            lock.acquire();
            try {
                current = r;
                released.signalAll();
            } finally {
                lock.release();
            }
        }
    }

    static final class ParkRounds implements Rounds {
        private volatile long current;
        Thread[] threads;

        @Override
        public void await(long r, int waiter) throws InterruptedException {
            while (current < r) {
                LockSupport.park(this);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        }

        @Override
        public void release(long r) {
            current = r;
            for (Thread t : threads) {
                LockSupport.unpark(t);
            }
        }
    }

    static final class YieldRounds implements Rounds {
        private volatile long current;

        @Override
        public void await(long r, int waiter) throws InterruptedException {
            while (current < r) {
                Thread.yield();
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        }

        @Override
        public void release(long r) {
            current = r;
        }
    }
}
