package org.threading4j.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.threading4j.Lock;
import org.threading4j.Semaphore;
import org.threading4j.bench.support.VirtualThreads;

/**
 * 1,000 or 10,000 virtual threads ({@code threads}) contend on one lock or semaphore: each does {@value #ROUNDS} rounds of
 * acquire, {@value #WORK} tokens of work, {@code Thread.yield()} (so the holder unmounts and the others
 * pile up and park), release. One operation is the whole batch, from the first start to the last
 * finish. JDK 21+ (the class has "Virtual" in its name, so the JDK 17 smoke run skips it).
 *
 * <p>Peers: a lock ({@code t4jLock}, {@code reentrantLock}, {@code synchronized}, which pins the carrier on
 * JDK 21-23 when a virtual thread blocks inside it) and a semaphore of {@value #PERMITS} permits
 * ({@code t4jSemaphore}, {@code jucSemaphore}); {@code baseline} does the same work and yields with no
 * lock.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class VirtualThreadBench {

    static final int ROUNDS = 10;
    static final int WORK = 10;
    static final int PERMITS = 4;

    @Param({"t4jLock", "reentrantLock", "synchronized", "t4jSemaphore", "jucSemaphore", "baseline"})
    public String peer;

    /**
     * How many virtual threads. With 10,000, every waiter at the head of the queue has waited over a
     * millisecond, which is what turned a lock whose hand-offs were timed by the waiter's age alone into a
     * convoy (docs/lock.md, Fairness).
     */
    @Param({"1000", "10000"})
    public int threads;

    private ThreadFactory factory;
    private Runnable body;
    private int shared;

    @Setup(Level.Trial)
    public void create() {
        factory = VirtualThreads.factory();
        body = body(peer);
    }

    private Runnable body(String peer) {
        switch (peer) {
            case "t4jLock": {
                Lock lock = new Lock();
                return () -> {
                    for (int i = 0; i < ROUNDS; i++) {
                        lock.acquire();
                        try {
                            critical();
                        } finally {
                            lock.release();
                        }
                    }
                };
            }
            case "reentrantLock": {
                ReentrantLock lock = new ReentrantLock();
                return () -> {
                    for (int i = 0; i < ROUNDS; i++) {
                        lock.lock();
                        try {
                            critical();
                        } finally {
                            lock.unlock();
                        }
                    }
                };
            }
            case "synchronized": {
                Object monitor = new Object();
                return () -> {
                    for (int i = 0; i < ROUNDS; i++) {
                        synchronized (monitor) {
                            critical();
                        }
                    }
                };
            }
            case "t4jSemaphore": {
                Semaphore s = new Semaphore(PERMITS);
                return () -> {
                    for (int i = 0; i < ROUNDS; i++) {
                        s.acquire();
                        try {
                            critical();
                        } finally {
                            s.release();
                        }
                    }
                };
            }
            case "jucSemaphore": {
                java.util.concurrent.Semaphore s = new java.util.concurrent.Semaphore(PERMITS);
                return () -> {
                    for (int i = 0; i < ROUNDS; i++) {
                        s.acquireUninterruptibly();
                        try {
                            critical();
                        } finally {
                            s.release();
                        }
                    }
                };
            }
            case "baseline":
                return () -> {
                    for (int i = 0; i < ROUNDS; i++) {
                        critical();
                    }
                };
            default:
                throw new IllegalArgumentException(peer);
        }
    }

    private void critical() {
        Blackhole.consumeCPU(WORK);
        shared++; // racy under the semaphore and the baseline; it only keeps the work observable
        Thread.yield();
    }

    @Benchmark
    public int batch() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(threads);
        Runnable task = () -> {
            try {
                body.run();
            } finally {
                done.countDown();
            }
        };
        for (int i = 0; i < threads; i++) {
            factory.newThread(task).start();
        }
        if (!done.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("virtual threads did not finish");
        }
        return shared;
    }
}
