package org.threading4j.bench;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Control;
import org.threading4j.Condition;
import org.threading4j.Lock;

/**
 * Two threads pass a turn back and forth; each benchmark operation is one hand-off (the group's
 * throughput is hand-offs per microsecond, both threads summed). A thread waits for its turn on a
 * condition; the other gives the turn and signals.
 *
 * <p>{@code baseline} spins on a volatile turn (no blocking at all; it yields after a while so that a
 * busy machine cannot stall it for a whole scheduler quantum);
 * {@code floorParkUnpark} parks and unparks the other thread directly, the least any blocking hand-off
 * can do; {@code t4jCondition} and {@code reentrantLockCondition} are a lock, a turn field and one
 * condition.
 *
 * <p>Waits are timed ({@value #TICK_MS} ms) only so that a thread left waiting when its partner stops at
 * the end of an iteration can notice {@link Control#stopMeasurement} and return; during measurement a
 * wait always ends by a signal.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ConditionPingPongBench {

    static final long TICK_MS = 10;
    static final Duration TICK = Duration.ofMillis(TICK_MS);

    // ---- baseline: spin on a volatile ----

    @State(Scope.Group)
    public static class Spin {
        volatile int turn;

        void pass(int me, Control control) {
            int spins = 0;
            while (turn != me) {
                if (control.stopMeasurement) {
                    return;
                }
                spins = Spins.pause(spins);
            }
            turn = 1 - me;
        }
    }

    @Benchmark
    @Group("baseline")
    @GroupThreads(1)
    public void baselinePing(Spin s, Control c) {
        s.pass(0, c);
    }

    @Benchmark
    @Group("baseline")
    @GroupThreads(1)
    public void baselinePong(Spin s, Control c) {
        s.pass(1, c);
    }

    // ---- floor: LockSupport park/unpark ----

    @State(Scope.Group)
    public static class Park {
        volatile int turn;
        final Thread[] threads = new Thread[2];

        void pass(int me, Control control) {
            threads[me] = Thread.currentThread(); // JMH may run an iteration on a new worker thread
            while (turn != me) {
                if (control.stopMeasurement) {
                    return;
                }
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(TICK_MS));
            }
            turn = 1 - me;
            LockSupport.unpark(threads[1 - me]);
        }
    }

    @Benchmark
    @Group("floorParkUnpark")
    @GroupThreads(1)
    public void parkPing(Park s, Control c) {
        s.pass(0, c);
    }

    @Benchmark
    @Group("floorParkUnpark")
    @GroupThreads(1)
    public void parkPong(Park s, Control c) {
        s.pass(1, c);
    }

    // ---- threading4j ----

    @State(Scope.Group)
    public static class T4j {
        final Lock lock = new Lock();
        final Condition turnChanged = new Condition(lock);
        int turn;

        void pass(int me, Control control) throws InterruptedException {
            lock.acquire();
            try {
                while (turn != me) {
                    if (control.stopMeasurement) {
                        return;
                    }
                    turnChanged.await(TICK);
                }
                turn = 1 - me;
                turnChanged.signal();
            } finally {
                lock.release();
            }
        }
    }

    @Benchmark
    @Group("t4jCondition")
    @GroupThreads(1)
    public void t4jPing(T4j s, Control c) throws InterruptedException {
        s.pass(0, c);
    }

    @Benchmark
    @Group("t4jCondition")
    @GroupThreads(1)
    public void t4jPong(T4j s, Control c) throws InterruptedException {
        s.pass(1, c);
    }

    // ---- ReentrantLock + Condition ----

    @State(Scope.Group)
    public static class Juc {
        final ReentrantLock lock = new ReentrantLock();
        final java.util.concurrent.locks.Condition turnChanged = lock.newCondition();
        int turn;

        void pass(int me, Control control) throws InterruptedException {
            lock.lock();
            try {
                while (turn != me) {
                    if (control.stopMeasurement) {
                        return;
                    }
                    turnChanged.await(TICK_MS, TimeUnit.MILLISECONDS);
                }
                turn = 1 - me;
                turnChanged.signal();
            } finally {
                lock.unlock();
            }
        }
    }

    @Benchmark
    @Group("reentrantLockCondition")
    @GroupThreads(1)
    public void jucPing(Juc s, Control c) throws InterruptedException {
        s.pass(0, c);
    }

    @Benchmark
    @Group("reentrantLockCondition")
    @GroupThreads(1)
    public void jucPong(Juc s, Control c) throws InterruptedException {
        s.pass(1, c);
    }
}
