package org.threading4j.bench;

import java.time.Duration;
import java.util.TimerTask;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.threading4j.Timer;
import org.threading4j.bench.support.VirtualThreads;

/**
 * Timers, two ways.
 *
 * <p>{@code scheduleCancel_*}: schedule an action a minute away and cancel it at once; the time per
 * operation is the cost of arming and disarming a timer. A threading4j {@code Timer} is Python's: one
 * thread per timer, so this is mostly the cost of starting a thread (a platform thread, or a virtual one
 * with {@code Thread.ofVirtual().factory()}); the JDK peers put a task in a shared queue.
 *
 * <p>{@code lateness_*}: schedule an action {@value #DELAY_MICROS} µs away and wait (parked) until it has
 * run; the time per operation is the delay plus the lateness (plus waking the benchmark thread, which
 * every peer pays). Sampled, so the JSON has percentiles. {@code lateness_floorParkNanos} is the benchmark
 * thread parking for the delay itself.
 *
 * <p>Methods using virtual threads have "Virtual" in their name (JDK 21+).
 */
@State(Scope.Thread)
@Threads(1)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TimerBench {

    static final long DELAY_MICROS = 1000;
    static final Duration DELAY = Duration.ofNanos(DELAY_MICROS * 1000);
    static final Duration FAR = Duration.ofMinutes(1);
    static final Runnable NOTHING = () -> { };

    private ScheduledThreadPoolExecutor executor;
    private java.util.Timer utilTimer;
    private ThreadFactory platform;
    private long scheduled;

    /** Set by a fired action; reset before each lateness operation. */
    private volatile boolean fired;
    private volatile Thread waiter;
    private Runnable fire;

    @Setup(Level.Trial)
    public void start() {
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "bench-stpe");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true); // a cancelled task leaves the queue at once
        utilTimer = new java.util.Timer("bench-util-timer", true);
        platform = r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        };
        fire = () -> {
            fired = true;
            LockSupport.unpark(waiter);
        };
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        executor.shutdownNow();
        utilTimer.cancel();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("executor did not stop");
        }
    }

    // ---- schedule + cancel ----

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public boolean scheduleCancel_t4jTimer() {
        Timer t = new Timer(FAR, NOTHING, platform);
        t.start();
        return t.cancel();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public boolean scheduleCancel_t4jTimerVirtual() {
        Timer t = new Timer(FAR, NOTHING, VirtualThreads.factory());
        t.start();
        return t.cancel();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public boolean scheduleCancel_scheduledThreadPoolExecutor() {
        ScheduledFuture<?> f = executor.schedule(NOTHING, FAR.toNanos(), TimeUnit.NANOSECONDS);
        return f.cancel(false);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public boolean scheduleCancel_javaUtilTimer() {
        TimerTask task = new TimerTask() {
            @Override
            public void run() {
            }
        };
        utilTimer.schedule(task, FAR.toMillis());
        boolean cancelled = task.cancel();
        if ((++scheduled & 1023) == 0) {
            utilTimer.purge(); // java.util.Timer keeps cancelled tasks queued until purged or due
        }
        return cancelled;
    }

    // ---- lateness ----

    private void awaitFired() {
        while (!fired) {
            LockSupport.park(this);
        }
    }

    private void arm() {
        fired = false;
        waiter = Thread.currentThread();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void lateness_floorParkNanos() {
        long deadline = System.nanoTime() + DELAY.toNanos();
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(this, left);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void lateness_t4jTimer() {
        arm();
        new Timer(DELAY, fire, platform).start();
        awaitFired();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void lateness_t4jTimerVirtual() {
        arm();
        new Timer(DELAY, fire, VirtualThreads.factory()).start();
        awaitFired();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void lateness_scheduledThreadPoolExecutor() {
        arm();
        executor.schedule(fire, DELAY.toNanos(), TimeUnit.NANOSECONDS);
        awaitFired();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void lateness_javaUtilTimer() {
        arm();
        utilTimer.schedule(new TimerTask() {
            @Override
            public void run() {
                fire.run();
            }
        }, DELAY.toMillis());
        awaitFired();
    }
}
