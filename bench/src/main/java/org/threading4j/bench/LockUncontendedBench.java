package org.threading4j.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.threading4j.Lock;
import org.threading4j.RLock;
import org.threading4j.Semaphore;
import org.threading4j.bench.support.Floors.CasLock;

/**
 * One thread, nobody else: the cost of an acquire+release pair around a one-increment critical section,
 * and of {@code tryAcquire} that succeeds or fails. Run with {@code -prof gc}: every method here must
 * allocate 0 bytes per operation.
 *
 * <p>Names: {@code baseline} is the critical section alone; {@code floorCasPair} is a CAS to acquire and a
 * CAS to release (the floor for a lock that must detect "release unlocked lock"); {@code floorCasStore} a
 * CAS and a release store (the floor for any lock). The {@code t4j*} methods are threading4j; the rest are
 * the JDK peers.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LockUncontendedBench {

    private final Lock lock = new Lock();
    private final RLock rlock = new RLock();
    private final Semaphore semaphore = new Semaphore(1);
    private final CasLock cas = new CasLock();
    private final ReentrantLock nonfair = new ReentrantLock(false);
    private final ReentrantLock fair = new ReentrantLock(true);
    private final java.util.concurrent.Semaphore jucSemaphore = new java.util.concurrent.Semaphore(1);
    private final Object monitor = new Object();

    // Held elsewhere, for tryAcquire failure: a Lock and a Semaphore may be "held" by anyone, an RLock and a
    // ReentrantLock must be owned by another thread (taken by a helper thread that then ends).
    private final Lock heldLock = new Lock();
    private final RLock heldRLock = new RLock();
    private final ReentrantLock heldReentrantLock = new ReentrantLock();
    private final Semaphore emptySemaphore = new Semaphore(0);
    private final java.util.concurrent.Semaphore emptyJucSemaphore = new java.util.concurrent.Semaphore(0);

    /** The critical section: one increment, returned so it cannot be optimised away. */
    private int counter;

    @Setup(Level.Trial)
    public void holdElsewhere() throws InterruptedException {
        heldLock.acquire();
        Thread owner = new Thread(() -> {
            heldRLock.acquire();
            heldReentrantLock.lock();
        }, "bench-owner");
        owner.start();
        owner.join();
    }

    // ---- acquire + release ----

    @Benchmark
    public int baseline() {
        return ++counter;
    }

    @Benchmark
    public int floorCasPair() {
        cas.lock();
        try {
            return ++counter;
        } finally {
            cas.unlockCas();
        }
    }

    @Benchmark
    public int floorCasStore() {
        cas.lock();
        try {
            return ++counter;
        } finally {
            cas.unlockStore();
        }
    }

    @Benchmark
    public int t4jLock() {
        lock.acquire();
        try {
            return ++counter;
        } finally {
            lock.release();
        }
    }

    @Benchmark
    public int t4jRLock() {
        rlock.acquire();
        try {
            return ++counter;
        } finally {
            rlock.release();
        }
    }

    @Benchmark
    public int t4jSemaphore1() {
        semaphore.acquire();
        try {
            return ++counter;
        } finally {
            semaphore.release();
        }
    }

    @Benchmark
    public int reentrantLockNonfair() {
        nonfair.lock();
        try {
            return ++counter;
        } finally {
            nonfair.unlock();
        }
    }

    @Benchmark
    public int reentrantLockFair() {
        fair.lock();
        try {
            return ++counter;
        } finally {
            fair.unlock();
        }
    }

    @Benchmark
    public int jucSemaphore1() {
        jucSemaphore.acquireUninterruptibly();
        try {
            return ++counter;
        } finally {
            jucSemaphore.release();
        }
    }

    @Benchmark
    public int synchronizedField() {
        synchronized (monitor) {
            return ++counter;
        }
    }

    // ---- tryAcquire that succeeds (then release) ----

    @Benchmark
    public boolean tryAcquireSuccess_t4jLock() {
        boolean ok = lock.tryAcquire();
        lock.release();
        return ok;
    }

    @Benchmark
    public boolean tryAcquireSuccess_t4jRLock() {
        boolean ok = rlock.tryAcquire();
        rlock.release();
        return ok;
    }

    @Benchmark
    public boolean tryAcquireSuccess_t4jSemaphore1() {
        boolean ok = semaphore.tryAcquire();
        semaphore.release();
        return ok;
    }

    @Benchmark
    public boolean tryAcquireSuccess_reentrantLockNonfair() {
        boolean ok = nonfair.tryLock();
        nonfair.unlock();
        return ok;
    }

    @Benchmark
    public boolean tryAcquireSuccess_jucSemaphore1() {
        boolean ok = jucSemaphore.tryAcquire();
        jucSemaphore.release();
        return ok;
    }

    // ---- tryAcquire that fails (held by someone else) ----

    @Benchmark
    public boolean tryAcquireFailure_t4jLock() {
        return heldLock.tryAcquire();
    }

    @Benchmark
    public boolean tryAcquireFailure_t4jRLock() {
        return heldRLock.tryAcquire();
    }

    @Benchmark
    public boolean tryAcquireFailure_t4jSemaphore() {
        return emptySemaphore.tryAcquire();
    }

    @Benchmark
    public boolean tryAcquireFailure_reentrantLock() {
        return heldReentrantLock.tryLock();
    }

    @Benchmark
    public boolean tryAcquireFailure_jucSemaphore() {
        return emptyJucSemaphore.tryAcquire();
    }
}
