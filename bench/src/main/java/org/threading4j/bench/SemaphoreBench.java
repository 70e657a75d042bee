package org.threading4j.bench;

import java.util.concurrent.TimeUnit;

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
import org.threading4j.Semaphore;
import org.threading4j.bench.support.Fairness;

/**
 * All benchmark threads acquire one permit, work {@value #INSIDE} tokens holding it, release it, then work
 * {@value #OUTSIDE} tokens. With 1 permit it is a lock; with {@code permits >= threads} nobody ever waits
 * and only the CAS traffic is measured. Run with {@code -t 2}, {@code -t 4}, {@code -t 8}; Jain's index of
 * per-thread counts is recorded by {@link Fairness}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(2)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SemaphoreBench {

    static final int INSIDE = 10;
    static final int OUTSIDE = 10;

    /** Permits; "many" is 1024, far more than threads. */
    @Param({"1", "2", "8", "1024"})
    public int permits;

    private Semaphore t4j;
    private java.util.concurrent.Semaphore nonfair;
    private java.util.concurrent.Semaphore fair;

    @Setup(Level.Trial)
    public void create() {
        t4j = new Semaphore(permits);
        nonfair = new java.util.concurrent.Semaphore(permits, false);
        fair = new java.util.concurrent.Semaphore(permits, true);
    }

    private static void work(Fairness.Counter c) {
        Blackhole.consumeCPU(INSIDE);
    }

    private static void outside(Fairness.Counter c) {
        c.ops++;
        Blackhole.consumeCPU(OUTSIDE);
    }

    @Benchmark
    public void baseline(Fairness.Counter c) {
        work(c);
        outside(c);
    }

    @Benchmark
    public void t4jSemaphore(Fairness.Counter c) {
        t4j.acquire();
        try {
            work(c);
        } finally {
            t4j.release();
        }
        outside(c);
    }

    @Benchmark
    public void jucSemaphoreNonfair(Fairness.Counter c) {
        nonfair.acquireUninterruptibly();
        try {
            work(c);
        } finally {
            nonfair.release();
        }
        outside(c);
    }

    @Benchmark
    public void jucSemaphoreFair(Fairness.Counter c) {
        fair.acquireUninterruptibly();
        try {
            work(c);
        } finally {
            fair.release();
        }
        outside(c);
    }
}
