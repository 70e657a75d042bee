package org.threading4j.bench;

import java.time.Duration;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
import org.threading4j.Barrier;

/**
 * Barrier cycles in the second harness shape: every party is a thread of one JMH {@code @Group}, each
 * calling {@code await()} in a loop, so JMH measures every party's await and no thread is outside the
 * harness ({@link BarrierBench} has one measured party and {@code parties - 1} helper threads of its own).
 * The score is the average time of one party's {@code await()}: one cycle, as seen by each party.
 *
 * <p>When an iteration ends, JMH stops the group's threads one by one; a party still waiting then times out
 * (after {@link #STRAGGLER_TIMEOUT}), which breaks the barrier, and the next party to arrive resets it. That
 * happens once per iteration, outside the measured steady state.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BarrierGroupBench {

    /** How long a party waits for partners that the harness may have stopped at an iteration's end. */
    static final Duration STRAGGLER_TIMEOUT = Duration.ofMillis(200);

    @State(Scope.Group)
    public static class T4j2 {
        final Barrier barrier = new Barrier(2);
    }

    @State(Scope.Group)
    public static class T4j4 {
        final Barrier barrier = new Barrier(4);
    }

    @State(Scope.Group)
    public static class Cyclic2 {
        final CyclicBarrier barrier = new CyclicBarrier(2);
    }

    @State(Scope.Group)
    public static class Cyclic4 {
        final CyclicBarrier barrier = new CyclicBarrier(4);
    }

    @Benchmark
    @Group("t4jBarrier2")
    @GroupThreads(2)
    public int t4jBarrier2(T4j2 s) throws InterruptedException {
        return await(s.barrier);
    }

    @Benchmark
    @Group("t4jBarrier4")
    @GroupThreads(4)
    public int t4jBarrier4(T4j4 s) throws InterruptedException {
        return await(s.barrier);
    }

    @Benchmark
    @Group("cyclicBarrier2")
    @GroupThreads(2)
    public int cyclicBarrier2(Cyclic2 s) throws InterruptedException {
        return await(s.barrier);
    }

    @Benchmark
    @Group("cyclicBarrier4")
    @GroupThreads(4)
    public int cyclicBarrier4(Cyclic4 s) throws InterruptedException {
        return await(s.barrier);
    }

    private static int await(Barrier b) throws InterruptedException {
        try {
            return b.await(STRAGGLER_TIMEOUT);
        } catch (org.threading4j.BrokenBarrierException stragglerOrReset) {
            b.reset(); // a partner was stopped by the harness: start over
            return -1;
        }
    }

    private static int await(CyclicBarrier b) throws InterruptedException {
        try {
            return b.await(STRAGGLER_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
        } catch (BrokenBarrierException | TimeoutException stragglerOrReset) {
            b.reset();
            return -1;
        }
    }
}
