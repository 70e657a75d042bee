package org.threading4j.bench;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
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
 * A bounded buffer of {@value #CAPACITY} ints with one producer and one consumer: the textbook use of a
 * lock with two conditions ({@code notFull}, {@code notEmpty}). The group's throughput is puts plus takes
 * per microsecond.
 *
 * <p>{@code baseline} is a single-producer single-consumer ring over volatile indices that spins (then yields) when
 * full or empty (no lock, no blocking). Peers: {@code ReentrantLock} with two conditions written the same way,
 * and {@code ArrayBlockingQueue}. Waits are timed ({@value ConditionPingPongBench#TICK_MS} ms) only to
 * notice the end of an iteration.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BoundedBufferBench {

    static final int CAPACITY = 16;
    static final Duration TICK = ConditionPingPongBench.TICK;
    static final long TICK_MS = ConditionPingPongBench.TICK_MS;

    // ---- baseline: SPSC ring, spinning ----

    @State(Scope.Group)
    public static class Ring {
        final int[] items = new int[CAPACITY];
        volatile long putIndex;
        volatile long takeIndex;

        void put(int x, Control control) {
            long p = putIndex;
            int spins = 0;
            while (p - takeIndex == CAPACITY) {
                if (control.stopMeasurement) {
                    return;
                }
                spins = Spins.pause(spins);
            }
            items[(int) (p % CAPACITY)] = x;
            putIndex = p + 1;
        }

        int take(Control control) {
            long t = takeIndex;
            int spins = 0;
            while (putIndex == t) {
                if (control.stopMeasurement) {
                    return -1;
                }
                spins = Spins.pause(spins);
            }
            int x = items[(int) (t % CAPACITY)];
            takeIndex = t + 1;
            return x;
        }
    }

    @Benchmark
    @Group("baseline")
    @GroupThreads(1)
    public void baselinePut(Ring r, Control c) {
        r.put(1, c);
    }

    @Benchmark
    @Group("baseline")
    @GroupThreads(1)
    public int baselineTake(Ring r, Control c) {
        return r.take(c);
    }

    // ---- threading4j: Lock + two Conditions ----

    @State(Scope.Group)
    public static class T4j {
        final Lock lock = new Lock();
        final Condition notFull = new Condition(lock);
        final Condition notEmpty = new Condition(lock);
        final int[] items = new int[CAPACITY];
        int putIndex, takeIndex, count;

        void put(int x, Control control) throws InterruptedException {
            lock.acquire();
            try {
                while (count == CAPACITY) {
                    if (control.stopMeasurement) {
                        return;
                    }
                    notFull.await(TICK);
                }
                items[putIndex] = x;
                putIndex = (putIndex + 1) % CAPACITY;
                count++;
                notEmpty.signal();
            } finally {
                lock.release();
            }
        }

        int take(Control control) throws InterruptedException {
            lock.acquire();
            try {
                while (count == 0) {
                    if (control.stopMeasurement) {
                        return -1;
                    }
                    notEmpty.await(TICK);
                }
                int x = items[takeIndex];
                takeIndex = (takeIndex + 1) % CAPACITY;
                count--;
                notFull.signal();
                return x;
            } finally {
                lock.release();
            }
        }
    }

    @Benchmark
    @Group("t4jLockConditions")
    @GroupThreads(1)
    public void t4jPut(T4j b, Control c) throws InterruptedException {
        b.put(1, c);
    }

    @Benchmark
    @Group("t4jLockConditions")
    @GroupThreads(1)
    public int t4jTake(T4j b, Control c) throws InterruptedException {
        return b.take(c);
    }

    // ---- ReentrantLock + two Conditions ----

    @State(Scope.Group)
    public static class Juc {
        final ReentrantLock lock = new ReentrantLock();
        final java.util.concurrent.locks.Condition notFull = lock.newCondition();
        final java.util.concurrent.locks.Condition notEmpty = lock.newCondition();
        final int[] items = new int[CAPACITY];
        int putIndex, takeIndex, count;

        void put(int x, Control control) throws InterruptedException {
            lock.lock();
            try {
                while (count == CAPACITY) {
                    if (control.stopMeasurement) {
                        return;
                    }
                    notFull.await(TICK_MS, TimeUnit.MILLISECONDS);
                }
                items[putIndex] = x;
                putIndex = (putIndex + 1) % CAPACITY;
                count++;
                notEmpty.signal();
            } finally {
                lock.unlock();
            }
        }

        int take(Control control) throws InterruptedException {
            lock.lock();
            try {
                while (count == 0) {
                    if (control.stopMeasurement) {
                        return -1;
                    }
                    notEmpty.await(TICK_MS, TimeUnit.MILLISECONDS);
                }
                int x = items[takeIndex];
                takeIndex = (takeIndex + 1) % CAPACITY;
                count--;
                notFull.signal();
                return x;
            } finally {
                lock.unlock();
            }
        }
    }

    @Benchmark
    @Group("reentrantLockConditions")
    @GroupThreads(1)
    public void jucPut(Juc b, Control c) throws InterruptedException {
        b.put(1, c);
    }

    @Benchmark
    @Group("reentrantLockConditions")
    @GroupThreads(1)
    public int jucTake(Juc b, Control c) throws InterruptedException {
        return b.take(c);
    }

    // ---- ArrayBlockingQueue ----

    @State(Scope.Group)
    public static class Abq {
        final ArrayBlockingQueue<Integer> queue = new ArrayBlockingQueue<>(CAPACITY);
        static final Integer ITEM = 1;

        void put(Control control) throws InterruptedException {
            while (!queue.offer(ITEM, TICK_MS, TimeUnit.MILLISECONDS)) {
                if (control.stopMeasurement) {
                    return;
                }
            }
        }

        Integer take(Control control) throws InterruptedException {
            Integer x;
            while ((x = queue.poll(TICK_MS, TimeUnit.MILLISECONDS)) == null) {
                if (control.stopMeasurement) {
                    return null;
                }
            }
            return x;
        }
    }

    @Benchmark
    @Group("arrayBlockingQueue")
    @GroupThreads(1)
    public void abqPut(Abq q, Control c) throws InterruptedException {
        q.put(c);
    }

    @Benchmark
    @Group("arrayBlockingQueue")
    @GroupThreads(1)
    public Integer abqTake(Abq q, Control c) throws InterruptedException {
        return q.take(c);
    }
}
