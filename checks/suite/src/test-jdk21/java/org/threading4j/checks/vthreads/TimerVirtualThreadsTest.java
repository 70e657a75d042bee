package org.threading4j.checks.vthreads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;
import org.threading4j.Timer;
import org.threading4j.checks.support.Depth;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Threads;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/**
 * Timers on virtual threads: 100,000 pending timers at once, their cost in heap and in platform threads,
 * then all cancelled (each cancel must win and wake its thread); then short timers whose cancel races fire.
 * The whole run is recorded with JFR: no {@code jdk.VirtualThreadPinned} event may occur.
 *
 * <p>Heap per pending timer is measured as (heap used after all timers are parked - heap used before they
 * were created) / n, each reading taken after {@code System.gc()} until it settles; the arrays that hold the
 * timers and their threads are allocated before the first reading, so they are not counted.
 */
class TimerVirtualThreadsTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Runnable NOTHING = () -> { };

    @Test
    @Verifies(primitive = "Timer", property = "100,000 pending timers on virtual threads: cost, all cancel, 0 pinned", tool = Tool.VIRTUAL_THREADS)
    void manyPendingTimersOnVirtualThreads() throws Exception {
        int n = Depth.pick(100_000, 100_000);
        int racing = Depth.pick(10_000, 100_000);
        AtomicInteger pinned = new AtomicInteger();
        StringBuilder pins = new StringBuilder();
        warmUp();
        try (RecordingStream jfr = new RecordingStream()) {
            jfr.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
            jfr.onEvent("jdk.VirtualThreadPinned", e -> {
                if (pinned.incrementAndGet() <= 3) {
                    synchronized (pins) {
                        pins.append(describe(e)).append('\n');
                    }
                }
            });
            jfr.startAsync();

            Timer[] timers = new Timer[n];
            Thread[] threads = new Thread[n];
            AtomicInteger made = new AtomicInteger();
            ThreadFactory virtual = Thread.ofVirtual().name("vtimer-", 0).factory();
            ThreadFactory recording = r -> threads[made.getAndIncrement()] = virtual.newThread(r);
            int platformBefore = ManagementFactory.getThreadMXBean().getThreadCount();
            long heapBefore = settledHeapUsed();
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                timers[i] = new Timer(HOUR, NOTHING, recording);
                timers[i].start();
            }
            int[] next = {0};
            Threads.awaitCondition("all " + n + " timer threads parked on their timer", Duration.ofSeconds(120), () -> {
                while (next[0] < n && parkedOn(threads[next[0]], timers[next[0]])) {
                    next[0]++;
                }
                return next[0] == n;
            });
            long startNanos = System.nanoTime() - t0;
            long heapAfter = settledHeapUsed();
            int platformAfter = ManagementFactory.getThreadMXBean().getThreadCount();
            long perTimer = (heapAfter - heapBefore) / n;
            for (int i = 0; i < n; i++) {
                assertTrue(timers[i].isAlive(), "pending timer not alive");
            }

            long t1 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                assertTrue(timers[i].cancel(), "cancel of a pending timer must win");
            }
            for (int i = 0; i < n; i++) {
                assertTrue(timers[i].join(Threads.GENEROUS), "cancelled timer never finished: " + timers[i]);
            }
            long cancelNanos = System.nanoTime() - t1;

            String summary = String.format("%d pending virtual-thread timers: %d bytes of heap each (%.1f MB in all),"
                    + " platform threads %d -> %d, start+park %.0f ms, cancel+join all %.0f ms",
                    n, perTimer, (heapAfter - heapBefore) / 1e6, platformBefore, platformAfter,
                    startNanos / 1e6, cancelNanos / 1e6);
            System.out.println("[Timer] " + summary);

            int[] outcome = raceOnVirtualThreads(racing);
            System.out.println("[Timer] " + racing + " racing virtual-thread timers: fired " + outcome[0]
                    + ", cancelled " + outcome[1]);

            jfr.stop(); // flushes: every event of the run has been delivered after this
            String pinReport;
            synchronized (pins) {
                pinReport = pins.toString();
            }
            assertEquals(0, pinned.get(), "virtual threads pinned:\n" + pinReport);
            assertTrue(platformAfter - platformBefore <= Runtime.getRuntime().availableProcessors() + 16,
                    "pending timers held platform threads: " + platformBefore + " -> " + platformAfter);
            Evidence.explored(n, "pending timers (" + summary + ")");
            Evidence.explored(racing, "racing timers (fired " + outcome[0] + ", cancelled " + outcome[1] + "), 0 pinned");
        }
    }

    /**
     * Runs every code path of a timer once on virtual threads before the recording starts: fire, cancel of a
     * parked timer, cancel racing fire, join. Why: the first call through each VarHandle call site is linked
     * by an up-call from the VM ({@code MethodHandleNatives.findMethodHandleType}); if that up-call meets a
     * contended JDK monitor ({@code ReferenceQueue.poll} was seen) the virtual thread is pinned once, with
     * reason "Freeze or preempt failed". That was observed (1 event in a 100,000-timer run, in
     * {@code FlagSync.set}) and is one-time linkage, not waiting: the check is about every wait after it.
     */
    private static void warmUp() throws InterruptedException {
        ThreadFactory virtual = Thread.ofVirtual().factory();
        for (int i = 0; i < 200; i++) {
            Timer fires = new Timer(Duration.ZERO, NOTHING, virtual);
            Timer pending = new Timer(HOUR, NOTHING, virtual);
            fires.start();
            pending.start();
            fires.cancel();
            pending.cancel();
            assertTrue(fires.join(Threads.GENEROUS) && pending.join(Threads.GENEROUS), "warm-up timer never finished");
        }
    }

    /** Zero-interval timers on virtual threads, each cancelled right after start: ran == !cancelled. */
    private static int[] raceOnVirtualThreads(int n) throws InterruptedException {
        ThreadFactory virtual = Thread.ofVirtual().factory();
        AtomicIntegerArray runs = new AtomicIntegerArray(n);
        Timer[] timers = new Timer[n];
        boolean[] won = new boolean[n];
        for (int i = 0; i < n; i++) {
            int id = i;
            timers[i] = new Timer(Duration.ZERO, () -> runs.incrementAndGet(id), virtual);
            timers[i].start();
            if ((i & 1) == 0) {
                Thread.yield(); // let some fire first
            }
            won[i] = timers[i].cancel();
        }
        int fired = 0;
        int cancelled = 0;
        for (int i = 0; i < n; i++) {
            assertTrue(timers[i].join(Threads.GENEROUS), "timer never finished: " + timers[i]);
            assertEquals(won[i] ? 0 : 1, runs.get(i), "ran must equal !cancelled for timer " + i);
            assertEquals(won[i], timers[i].isCancelled());
            if (won[i]) {
                cancelled++;
            } else {
                fired++;
            }
        }
        return new int[] {fired, cancelled};
    }

    /** A pinned event in words: thread, reason (JDK 24+) and the top of the stack. */
    private static String describe(jdk.jfr.consumer.RecordedEvent e) {
        StringBuilder sb = new StringBuilder();
        sb.append(e.getEventType().getName()).append(" thread=")
                .append(e.getThread() == null ? "?" : e.getThread().getJavaName());
        if (e.hasField("pinnedReason")) {
            sb.append(" reason=").append(e.getString("pinnedReason"));
        }
        if (e.getStackTrace() != null) {
            e.getStackTrace().getFrames().stream().limit(25).forEach(f -> sb.append("\n    at ")
                    .append(f.getMethod().getType().getName()).append('.').append(f.getMethod().getName())
                    .append(':').append(f.getLineNumber()));
        }
        return sb.toString();
    }

    private static boolean parkedOn(Thread t, Object blocker) {
        if (t == null) {
            return false;
        }
        Thread.State s = t.getState();
        return (s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING) && LockSupport.getBlocker(t) == blocker;
    }

    /** Heap in use after GC, read until two readings agree within 1%. */
    private static long settledHeapUsed() {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            long used = mem.getHeapMemoryUsage().getUsed();
            if (Math.abs(used - last) <= last / 100) {
                return used;
            }
            last = used;
        }
        return last;
    }
}
