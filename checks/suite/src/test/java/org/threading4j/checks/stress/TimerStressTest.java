package org.threading4j.checks.stress;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.threading4j.Timer;
import org.threading4j.checks.support.Depth;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Threads;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.checks.support.Workers;

/**
 * Thousands of short timers, each cancelled by two threads at random moments around its deadline, so
 * that cancel races fire for real. For every timer, once it has finished: it ran at most once, it ran iff
 * it is not cancelled, and exactly as many cancels won as timers are cancelled. Both outcomes must be
 * seen, or the race was not exercised. A timer that never finishes (a lost wake-up of its thread, or a
 * join that never returns) turns into a failure with a thread dump.
 */
public class TimerStressTest {

    private static final ThreadFactory DAEMON = r -> {
        Thread t = new Thread(r);
        t.setDaemon(true);
        return t;
    };

    @Test
    @Verifies(primitive = "Timer", property = "cancel racing fire: ran == !cancelled for every timer, at most once", tool = Tool.STRESS)
    @Verifies(primitive = "Timer", property = "every started timer finishes (cancel wakes its thread)", tool = Tool.STRESS)
    public void cancelRacingFire() {
        int rounds = Depth.pick(12, 200);
        int perRound = 250;
        int fired = 0;
        int cancelled = 0;
        for (int round = 0; round < rounds; round++) {
            Timer[] timers = new Timer[perRound];
            AtomicIntegerArray runs = new AtomicIntegerArray(perRound);
            AtomicIntegerArray wins = new AtomicIntegerArray(perRound);
            for (int i = 0; i < perRound; i++) {
                int id = i;
                // 0 .. 300 us: some fire before the cancellers get there, some after
                long nanos = ThreadLocalRandom.current().nextLong(300_000);
                timers[i] = new Timer(Duration.ofNanos(nanos), () -> runs.incrementAndGet(id), DAEMON);
            }
            AtomicInteger startedUpTo = new AtomicInteger(-1);
            Workers cancellers = Workers.start("timer-canceller", 2, w -> {
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                for (int i = 0; i < perRound; i++) {
                    int id = i;
                    while (startedUpTo.get() < id) {
                        Thread.onSpinWait();
                    }
                    if (rnd.nextInt(4) == 0) {
                        LockSupport.parkNanos(rnd.nextLong(200_000)); // jitter only; correctness does not depend on it
                    }
                    if (timers[id].cancel()) {
                        wins.incrementAndGet(id);
                    }
                }
            });
            for (int i = 0; i < perRound; i++) {
                timers[i].start();
                startedUpTo.set(i);
            }
            cancellers.join(Threads.GENEROUS);
            for (int i = 0; i < perRound; i++) {
                boolean done;
                try {
                    done = timers[i].join(Threads.GENEROUS);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                assertTrue(done, "timer " + i + " never finished: " + timers[i] + "\n" + Workers.threadDump());
                int r = runs.get(i);
                int w = wins.get(i);
                boolean c = timers[i].isCancelled();
                String where = "round " + round + ", timer " + i + " " + timers[i] + ": runs=" + r + " cancelWins=" + w;
                assertTrue(r <= 1, "action ran twice: " + where);
                assertTrue(w <= 1, "two cancels won: " + where);
                assertTrue((r == 1) == !c, "ran must equal !cancelled: " + where);
                assertTrue((w == 1) == c, "isCancelled iff a cancel returned true: " + where);
                assertTrue(!timers[i].isAlive(), "finished but alive: " + where);
                if (c) {
                    cancelled++;
                } else {
                    fired++;
                }
            }
        }
        assertTrue(fired > 0 && cancelled > 0, "race not exercised: fired=" + fired + " cancelled=" + cancelled);
        Evidence.explored((long) rounds * perRound, "timers (fired " + fired + ", cancelled " + cancelled + ")");
    }
}
