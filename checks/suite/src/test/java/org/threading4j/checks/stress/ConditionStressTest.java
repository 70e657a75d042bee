package org.threading4j.checks.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;
import org.threading4j.Condition;
import org.threading4j.Lock;
import org.threading4j.RLock;
import org.threading4j.checks.subjects.ConditionActors;
import org.threading4j.checks.support.Depth;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Threads;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.checks.support.Workers;
import org.threading4j.internal.WaitQueue;

/**
 * Signals racing waiters that give up. Each round: a waiter with a short random timeout, a waiter that is
 * interrupted at about the moment of the signal, and {@code k} plain waiters all wait; once all are in, one
 * thread sends {@code k} signals while the timeout expires and the interrupt lands. Then, once every waiter
 * has either returned or is linked in the condition's queue (read from the queue itself, never guessed from
 * thread states), the invariant is checked:
 *
 * <pre>
 *   waiters that returned normally (true / void)  ==  k       (no signal lost, none delivered twice)
 * </pre>
 *
 * With {@code k} signals and at least {@code k} waiters that cannot leave, exactly {@code k} return
 * normally; a timed-out or interrupted waiter that swallowed a signal would leave a plain waiter parked
 * while a signal is owed (one fewer normal return). A waiter that returned false must have reached its
 * deadline. Everything runs under the Workers watchdog.
 */
public class ConditionStressTest {

    @Test
    @Verifies(primitive = "Condition", property = "no lost signal: signal races a timing-out and an interrupted waiter (delivered == returned true)", tool = Tool.STRESS)
    public void signalRacesTimeoutAndInterrupt() {
        long budget = Depth.pick(5_000_000_000L, 90_000_000_000L);
        long end = System.nanoTime() + budget;
        int rounds = 0;
        int[] tally = new int[4]; // timed waiter: got a signal / timed out; interrupted waiter: signal / threw
        // Past the budget, go on (for at most twice as long again) until every race outcome has been seen.
        while (rounds < 20 || System.nanoTime() - end < 0
                || (Arrays.stream(tally).anyMatch(x -> x == 0) && System.nanoTime() - end < 2 * budget)) {
            round(rounds, tally);
            rounds++;
        }
        System.out.printf("[Condition] %d rounds: timed waiter signalled %d, timed out %d; interrupted waiter"
                + " signalled %d, threw %d%n", rounds, tally[0], tally[1], tally[2], tally[3]);
        assertTrue(tally[0] > 0 && tally[1] > 0 && tally[2] > 0 && tally[3] > 0,
                "every race outcome should occur at least once in " + rounds + " rounds");
        Evidence.explored(rounds, String.format("rounds (timed waiter signalled %d / timed out %d, interrupted"
                + " waiter signalled %d / threw %d)", tally[0], tally[1], tally[2], tally[3]));
    }

    private static void round(int round, int[] tally) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        Condition c;
        switch (round % 3) {
            case 0:
                c = new Condition(new Lock());
                break;
            case 1:
                c = new Condition(new RLock());
                break;
            default:
                c = new Condition();
        }
        WaitQueue queue = ConditionActors.queueOf(c, "waiters");
        int k = 1 + rnd.nextInt(2);
        int n = 2 + k;
        long timeoutNanos = rnd.nextLong(200_000L);
        // Each waiter writes waited[id] first and then publishes its result with a volatile set; the
        // checker reads the result first, so a result it sees comes with its duration.
        AtomicReferenceArray<String> results = new AtomicReferenceArray<>(n);
        long[] waited = new long[n];
        int[] registered = new int[1]; // guarded by the condition's lock
        boolean reentrant = round % 3 != 0;
        Workers waiters = Workers.start("cond-waiter", n, id -> {
            c.acquire();
            if (reentrant && id == 1) {
                c.acquire(); // two hold levels, restored after the interrupt or signal
            }
            try {
                registered[0]++;
                long t0 = System.nanoTime();
                String result;
                if (id == 0) {
                    result = String.valueOf(c.await(Duration.ofNanos(timeoutNanos)));
                } else {
                    try {
                        c.await();
                        result = "void";
                    } catch (InterruptedException e) {
                        result = "IE";
                    }
                }
                waited[id] = System.nanoTime() - t0;
                results.set(id, result);
            } finally {
                if (reentrant && id == 1) {
                    c.release();
                }
                c.release();
            }
        });
        Thread interruptee = waiters.threads().get(1);
        volatileAllIn = false;
        long spin = rnd.nextLong(40);
        Workers interrupter = Workers.start("interrupter", 1, id -> {
            while (!volatileAllIn) {
                Thread.onSpinWait();
            }
            for (long i = 0; i < spin; i++) {
                Thread.onSpinWait();
            }
            interruptee.interrupt();
        });
        // the signaller: once every waiter is in (enqueued, or the timed one already gone), k signals
        boolean one = rnd.nextBoolean();
        for (;;) {
            c.acquire();
            try {
                if (registered[0] == n) {
                    volatileAllIn = true;
                    if (one) {
                        c.signal(k);
                    } else {
                        for (int i = 0; i < k; i++) {
                            c.signal();
                        }
                    }
                    break;
                }
            } finally {
                c.release();
            }
            Thread.yield();
        }
        interrupter.join(Threads.GENEROUS);
        List<Thread> threads = waiters.threads();
        Threads.awaitCondition("round " + round + ": every waiter returned or is queued", () -> {
            if (results.get(0) == null || results.get(1) == null) {
                return false; // both must finish: a deadline and an interrupt
            }
            for (int i = 2; i < n; i++) {
                if (results.get(i) == null && !ConditionActors.queued(queue, threads.get(i))) {
                    return false;
                }
            }
            return true;
        });
        int normal = 0;
        for (int i = 0; i < n; i++) {
            normal += normal(results.get(i));
        }
        String trace = "round " + round + " (" + c + ", k=" + k + ", timeout " + timeoutNanos + " ns): results "
                + results + ", still queued " + ConditionActors.threadsIn(queue).size();
        assertEquals(k, normal, "signals delivered != waiters that returned normally: " + trace);
        assertEquals(n - 2 - (k - normal(results.get(0)) - normal(results.get(1))), ConditionActors.threadsIn(queue).size(),
                "queue size: " + trace);
        if ("false".equals(results.get(0))) {
            assertTrue(waited[0] >= timeoutNanos, "false before the deadline: " + trace);
        }
        tally[normal(results.get(0)) == 1 ? 0 : 1]++;
        tally[normal(results.get(1)) == 1 ? 2 : 3]++;
        c.acquire();
        c.signalAll(); // the plain waiters left over
        c.release();
        waiters.join(Threads.GENEROUS);
    }

    /**
     * A signal whose wake-up is deferred to the lock's release, racing that release: with a plain Lock any
     * thread may signal while the lock is locked, so a signaller that is not the holder can push its waiter
     * for "the next release" just as the holder releases. Each round: a waiter parks in {@code await()}; this
     * thread takes the lock; then one thread releases it while another signals, both let go at once. If the
     * signal was accepted (the lock was still locked at its ownership check), nobody releases the lock
     * again, so the waiter must wake from that one release or from the signaller's own re-check: a waiter
     * still asleep after 10 s is a lost wake-up. If the release came first, the signal is rejected with
     * {@code IllegalMonitorStateException} and the round signals again, properly, to finish.
     */
    @Test
    @Verifies(primitive = "Condition", property = "no lost wake-up: a signal deferred to the lock's release races that release (plain Lock, signal from a non-holder)", tool = Tool.STRESS)
    public void deferredSignalRacesTheRelease() {
        long end = System.nanoTime() + Depth.pick(3_000_000_000L, 60_000_000_000L);
        int rounds = 0;
        int accepted = 0;
        while (rounds < 100 || System.nanoTime() - end < 0) {
            Lock lock = new Lock();
            Condition c = new Condition(lock);
            AtomicBoolean woke = new AtomicBoolean();
            Workers waiter = Workers.start("deferred-waiter", 1, id -> {
                lock.acquire();
                try {
                    c.await();
                } finally {
                    lock.release();
                }
                woke.set(true);
            });
            Thread w = waiter.threads().get(0);
            Threads.awaitParked(w, c); // parked in await: it has released the lock
            lock.acquire();
            AtomicInteger ready = new AtomicInteger();
            boolean[] signalled = new boolean[1];
            Workers.run("release-vs-signal", 2, Threads.GENEROUS, id -> {
                ready.incrementAndGet();
                while (ready.get() < 2) {
                    Thread.onSpinWait();
                }
                if (id == 0) {
                    lock.release();
                } else {
                    try {
                        c.signal();
                        signalled[0] = true;
                    } catch (IllegalMonitorStateException releasedFirst) {
                        // the release won the race: the signal was refused and changed nothing
                    }
                }
            });
            String round = "round " + rounds;
            if (signalled[0]) {
                accepted++;
                Threads.awaitCondition(round + ": the waiter whose signal was deferred to the racing release wakes"
                        + " (nobody releases the lock again)", Duration.ofSeconds(10), woke::get);
            } else {
                assertTrue(ConditionActors.queued(ConditionActors.queueOf(c, "waiters"), w),
                        round + ": a refused signal must leave the waiter queued");
                lock.acquire();
                c.signal();
                lock.release();
            }
            waiter.join(Threads.GENEROUS);
            rounds++;
        }
        System.out.printf("[Condition] deferred signal vs release: %d rounds, %d signals accepted, %d refused%n",
                rounds, accepted, rounds - accepted);
        Evidence.explored(rounds, "rounds (" + accepted + " signals accepted while the release raced, "
                + (rounds - accepted) + " refused)");
    }

    private static volatile boolean volatileAllIn;

    private static int normal(String r) {
        return "true".equals(r) || "void".equals(r) ? 1 : 0;
    }
}
