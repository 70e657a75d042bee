package org.threading4j.bench;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

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
import org.threading4j.Barrier;

/**
 * Barrier cycle time: {@code parties - 1} helper threads loop on {@code await()}; the benchmark thread is
 * the last party, and one operation is its {@code await()}, so the time per operation is one full cycle
 * (every party arrives, the barrier trips, every party is released).
 *
 * <p>Peers: threading4j {@code Barrier}, {@code CyclicBarrier}, {@code Phaser}
 * ({@code arriveAndAwaitAdvance}). {@code floorParkUnpark} is a counter plus {@code LockSupport}: the last
 * arriver resets the count, bumps the generation and unparks everyone. {@code baseline} is the same
 * counter with waiters polling the generation with {@code Thread.yield()} (no blocking).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BarrierBench {

    @Param({"2", "4", "8"})
    public int parties;

    @Param({"t4jBarrier", "cyclicBarrier", "phaser", "floorParkUnpark", "baseline"})
    public String peer;

    /** One party's wait; {@link #stop} makes every waiting party return or throw. */
    interface Cycle {
        void await() throws Exception;

        void stop();
    }

    private Cycle cycle;
    private Thread[] helpers;
    private volatile boolean stopping;

    @Setup(Level.Trial)
    public void start() {
        cycle = create(peer, parties);
        helpers = new Thread[parties - 1];
        for (int i = 0; i < helpers.length; i++) {
            helpers[i] = new Thread(this::helperLoop, "barrier-party-" + i);
            helpers[i].setDaemon(true);
            if (cycle instanceof SpinCycle) {
                ((SpinCycle) cycle).threads[i + 1] = helpers[i];
            }
        }
        for (Thread t : helpers) {
            t.start();
        }
    }

    private void helperLoop() {
        try {
            while (!stopping) {
                cycle.await();
            }
        } catch (Exception expected) {
            // broken, reset, terminated or interrupted by stop()
        }
    }

    @Benchmark
    public void cycle() throws Exception {
        cycle.await();
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        stopping = true;
        cycle.stop();
        for (Thread t : helpers) {
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

    static Cycle create(String peer, int parties) {
        switch (peer) {
            case "t4jBarrier": {
                Barrier b = new Barrier(parties);
                return new Cycle() {
                    @Override
                    public void await() throws InterruptedException {
                        b.await();
                    }

                    @Override
                    public void stop() {
                        b.abort();
                    }
                };
            }
            case "cyclicBarrier": {
                CyclicBarrier b = new CyclicBarrier(parties);
                return new Cycle() {
                    @Override
                    public void await() throws Exception {
                        b.await();
                    }

                    @Override
                    public void stop() {
                        b.reset();
                    }
                };
            }
            case "phaser": {
                Phaser p = new Phaser(parties);
                return new Cycle() {
                    @Override
                    public void await() {
                        if (p.arriveAndAwaitAdvance() < 0) {
                            throw new IllegalStateException("terminated");
                        }
                    }

                    @Override
                    public void stop() {
                        p.forceTermination();
                    }
                };
            }
            case "floorParkUnpark":
                return new SpinCycle(parties, true);
            case "baseline":
                return new SpinCycle(parties, false);
            default:
                throw new IllegalArgumentException(peer);
        }
    }

    /** A counting barrier whose waiters park ({@code park == true}) or poll with {@code Thread.yield()}. */
    static final class SpinCycle implements Cycle {
        private final int parties;
        private final boolean park;
        private final AtomicInteger remaining;
        private volatile long generation;
        private volatile boolean stopped;
        /** Slot 0 is the benchmark thread (set on each await: JMH may change worker threads). */
        final Thread[] threads;

        SpinCycle(int parties, boolean park) {
            this.parties = parties;
            this.park = park;
            this.remaining = new AtomicInteger(parties);
            this.threads = new Thread[parties];
        }

        @Override
        public void await() {
            Thread me = Thread.currentThread();
            if (threads[0] != me && !isHelper(me)) {
                threads[0] = me;
            }
            long g = generation;
            if (remaining.decrementAndGet() == 0) {
                remaining.set(parties); // before the new generation: the next arrivals count from here
                generation = g + 1;
                if (park) {
                    for (Thread t : threads) {
                        if (t != me) {
                            LockSupport.unpark(t);
                        }
                    }
                }
                return;
            }
            while (generation == g) {
                if (stopped) {
                    throw new IllegalStateException("stopped");
                }
                if (park) {
                    LockSupport.parkNanos(this, 10_000_000L); // the timeout only matters for stop()
                } else {
                    Thread.yield();
                }
            }
        }

        private boolean isHelper(Thread t) {
            for (int i = 1; i < threads.length; i++) {
                if (threads[i] == t) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void stop() {
            stopped = true;
            for (Thread t : threads) {
                LockSupport.unpark(t);
            }
        }
    }
}
