package org.threading4j.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.threading4j.Lock;
import org.threading4j.RLock;
import org.threading4j.bench.support.Fairness;
import org.threading4j.bench.support.Floors.CasLock;

/**
 * All benchmark threads hammer one lock: acquire, a short critical section ({@value #INSIDE} tokens of
 * {@link Blackhole#consumeCPU} plus a shared increment), release, then {@value #OUTSIDE} tokens outside.
 * Run with {@code -t 1}, {@code -t 2} (one thread per core on the reference machine), {@code -t 4} and
 * {@code -t 8} (more threads than cores: the parking path). Throughput is in operations per microsecond,
 * summed over threads; {@link Fairness} records Jain's index of the per-thread counts beside it, so a lock
 * cannot win by starving threads unseen.
 *
 * <p>{@code baseline} does the same work with no lock (so the "critical section" races); {@code spinYield}
 * is a CAS spin lock that yields, the no-parking reference.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(2)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LockContendedBench {

    /** consumeCPU tokens inside the critical section. */
    static final int INSIDE = 10;
    /** consumeCPU tokens between operations. */
    static final int OUTSIDE = 10;

    private final Lock lock = new Lock();
    private final RLock rlock = new RLock();
    private final CasLock spin = new CasLock();
    private final ReentrantLock nonfair = new ReentrantLock(false);
    private final ReentrantLock fair = new ReentrantLock(true);
    private final java.util.concurrent.Semaphore jucSemaphore = new java.util.concurrent.Semaphore(1);
    private final Object monitor = new Object();

    /** Written only under the lock being measured (racy in {@code baseline}). */
    private int shared;

    private int critical() {
        Blackhole.consumeCPU(INSIDE);
        return ++shared;
    }

    private static void outside(Fairness.Counter c) {
        c.ops++;
        Blackhole.consumeCPU(OUTSIDE);
    }

    @Benchmark
    public int baseline(Fairness.Counter c) {
        int r = critical();
        outside(c);
        return r;
    }

    @Benchmark
    public int spinYield(Fairness.Counter c) {
        int r;
        spin.lockYielding();
        try {
            r = critical();
        } finally {
            spin.unlockStore();
        }
        outside(c);
        return r;
    }

    @Benchmark
    public int t4jLock(Fairness.Counter c) {
        int r;
        lock.acquire();
        try {
            r = critical();
        } finally {
            lock.release();
        }
        outside(c);
        return r;
    }

    @Benchmark
    public int t4jRLock(Fairness.Counter c) {
        int r;
        rlock.acquire();
        try {
            r = critical();
        } finally {
            rlock.release();
        }
        outside(c);
        return r;
    }

    @Benchmark
    public int reentrantLockNonfair(Fairness.Counter c) {
        int r;
        nonfair.lock();
        try {
            r = critical();
        } finally {
            nonfair.unlock();
        }
        outside(c);
        return r;
    }

    @Benchmark
    public int reentrantLockFair(Fairness.Counter c) {
        int r;
        fair.lock();
        try {
            r = critical();
        } finally {
            fair.unlock();
        }
        outside(c);
        return r;
    }

    @Benchmark
    public int jucSemaphore1(Fairness.Counter c) {
        int r;
        jucSemaphore.acquireUninterruptibly();
        try {
            r = critical();
        } finally {
            jucSemaphore.release();
        }
        outside(c);
        return r;
    }

    @Benchmark
    public int synchronizedField(Fairness.Counter c) {
        int r;
        synchronized (monitor) {
            r = critical();
        }
        outside(c);
        return r;
    }
}
