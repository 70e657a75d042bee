package org.threading4j.checks.stress;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.threading4j.Barrier;
import org.threading4j.BrokenBarrierException;
import org.threading4j.checks.support.Depth;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.checks.support.Workers;

/**
 * Many barrier cycles on real threads under a watchdog. With exactly {@code parties} threads, each calling
 * {@code await} once per cycle, a cycle can only trip when every thread has arrived, so a party that reads
 * the action's trip number right after returning reads its own cycle's number: returns can be grouped by
 * cycle without any extra synchronisation, and each group must be a permutation of {@code 0..parties-1}.
 */
public class BarrierStressTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    @Test
    @Verifies(primitive = "Barrier", property = "every cycle's indices are a permutation of 0..parties-1", tool = Tool.STRESS)
    @Verifies(primitive = "Barrier", property = "writes before await are visible to the action and to every party after it",
            tool = Tool.STRESS)
    @Verifies(primitive = "Barrier", property = "no lost wake-up over many cycles", tool = Tool.STRESS)
    public void cleanCycles() {
        int parties = 4;
        int cycles = Depth.pick(3_000, 60_000);
        int[] written = new int[parties]; // plain: the barrier's happens-before is what makes this safe
        int[] trips = new int[1];
        int[][] indexOf = new int[cycles][parties];
        String[] failure = new String[1];
        Barrier b = new Barrier(parties, () -> {
            int cycle = trips[0];
            for (int p = 0; p < parties; p++) {
                if (written[p] != cycle && failure[0] == null) {
                    failure[0] = "action of cycle " + cycle + " saw party " + p + " at " + written[p];
                }
            }
            trips[0] = cycle + 1;
        });
        Workers.run("barrier-clean", parties, LIMIT, id -> {
            for (int c = 0; c < cycles; c++) {
                written[id] = c;
                indexOf[c][id] = b.await();
                if (trips[0] != c + 1) {
                    throw new AssertionError("party " + id + " returned from cycle " + c + " but the action count is "
                            + trips[0]);
                }
                for (int p = 0; p < parties; p++) {
                    if (written[p] < c) {
                        throw new AssertionError("party " + id + " after cycle " + c + " saw party " + p + " at "
                                + written[p]);
                    }
                }
            }
        });
        if (failure[0] != null) {
            throw new AssertionError(failure[0]);
        }
        for (int c = 0; c < cycles; c++) {
            assertPermutation(c, indexOf[c], parties);
        }
        Evidence.explored(cycles, "cycles of 4 parties");
    }

    @Test
    @Verifies(primitive = "Barrier", property = "timeouts and resets: every tripped cycle returns each index exactly once; breaks reach every party",
            tool = Tool.STRESS)
    public void timeoutsAndResets() {
        chaos(false);
    }

    @Test
    @Verifies(primitive = "Barrier", property = "aborts, timeouts and resets: no hang, no index returned twice in a cycle",
            tool = Tool.STRESS)
    void abortsTimeoutsAndResets() {
        chaos(true);
    }

    /**
     * Parties use short random timeouts; a controller resets the barrier whenever it is broken, and (with
     * {@code aborts}) also aborts it at random. Without aborts nothing can break a cycle after it tripped
     * (reset during the drain does nothing; the trip wins over timeouts), so each trip must be returned by
     * all parties; with aborts a trip may lose parties that had not left yet (Python's race), but no index
     * may appear twice.
     */
    private void chaos(boolean aborts) {
        int parties = 3;
        long budgetNanos = Depth.pick(3_000L, 30_000L) * 1_000_000L;
        AtomicLong trips = new AtomicLong();
        Barrier b = new Barrier(parties, trips::incrementAndGet);
        ConcurrentHashMap<Long, AtomicIntegerArray> returns = new ConcurrentHashMap<>();
        AtomicLong broken = new AtomicLong();
        boolean[] stop = new boolean[1];
        Workers w = Workers.start("barrier-chaos", parties, id -> {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            while (!stopped(stop)) {
                try {
                    int index = r.nextInt(4) == 0 ? b.await(Duration.ofNanos(r.nextLong(2_000_000L))) : b.await();
                    long trip = trips.get(); // the next trip needs this thread: this is our cycle's number
                    returns.computeIfAbsent(trip, k -> new AtomicIntegerArray(parties)).incrementAndGet(index);
                } catch (BrokenBarrierException e) {
                    broken.incrementAndGet();
                    if (b.isBroken() && r.nextBoolean()) {
                        b.reset();
                    }
                }
            }
        });
        long deadline = System.nanoTime() + budgetNanos;
        ThreadLocalRandom r = ThreadLocalRandom.current();
        while (System.nanoTime() - deadline < 0) {
            if (b.isBroken()) {
                b.reset();
            } else if (r.nextInt(8) == 0) {
                b.reset();
            } else if (aborts && r.nextInt(16) == 0) {
                b.abort();
            }
            java.util.concurrent.locks.LockSupport.parkNanos(r.nextLong(200_000L));
        }
        long complete = trips.get(); // trip t < complete was followed by trip t+1, so all of t has left
        synchronized (stop) {
            stop[0] = true;
        }
        for (int i = 0; i < 1000 && w.threads().stream().anyMatch(Thread::isAlive); i++) {
            b.abort(); // wake whoever waits; they see stop and leave
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L);
        }
        w.join(LIMIT);
        // The action counts a trip before it happens; a reset() (or abort()) while it runs cancels the trip,
        // and then no party returns that number. Otherwise every party returns it, each index once.
        long cancelled = 0;
        for (long t = 1; t <= trips.get(); t++) {
            AtomicIntegerArray seen = returns.get(t);
            int total = 0;
            for (int i = 0; seen != null && i < parties; i++) {
                int n = seen.get(i);
                total += n;
                if (n > 1) {
                    throw new AssertionError("trip " + t + ": index " + i + " returned " + n + " times " + seen);
                }
            }
            if (total == 0) {
                cancelled++;
            } else if (!aborts && t < complete && total != parties) {
                throw new AssertionError("trip " + t + " was returned by only " + total + " parties: " + seen);
            }
        }
        Evidence.explored(trips.get(), "trips");
        Evidence.explored(cancelled, "trips cancelled by a reset during the action");
        Evidence.explored(broken.get(), "BrokenBarrierExceptions");
    }

    @Test
    @Verifies(primitive = "Barrier", property = "interrupt racing the trip: either the trip wins (index, interrupt kept, not broken) or the interrupt (InterruptedException, others broken)",
            tool = Tool.STRESS)
    void interruptRacingTheTrip() {
        int rounds = Depth.pick(1_500, 20_000);
        int tripWon = 0, interruptWon = 0;
        for (int round = 0; round < rounds; round++) {
            Barrier b = new Barrier(2);
            String[] outcome = new String[2];
            boolean[] kept = new boolean[1];
            java.util.concurrent.atomic.AtomicBoolean sent = new java.util.concurrent.atomic.AtomicBoolean();
            Workers w = Workers.start("interrupt-vs-trip", 2, id -> {
                try {
                    outcome[id] = "index " + b.await();
                    if (id == 0) {
                        // the interrupt may land after the return; once it has been sent it must be visible
                        org.threading4j.checks.support.Threads.awaitCondition("interrupt sent", sent::get);
                        kept[0] = Thread.currentThread().isInterrupted();
                    }
                } catch (InterruptedException e) {
                    outcome[id] = "interrupted";
                } catch (BrokenBarrierException e) {
                    outcome[id] = "broken";
                }
            });
            Thread a = w.threads().get(0);
            a.interrupt();
            sent.set(true);
            w.join(LIMIT);
            boolean aReturned = outcome[0].startsWith("index");
            if (aReturned) {
                // the trip won: both passed, the barrier is whole, and party 0 still carries its interrupt
                if (!outcome[1].startsWith("index") || b.isBroken() || !kept[0]) {
                    throw new AssertionError("round " + round + ": " + outcome[0] + " / " + outcome[1]
                            + " broken=" + b.isBroken() + " interrupt kept=" + kept[0]);
                }
                tripWon++;
            } else {
                if (!outcome[0].equals("interrupted") || !outcome[1].equals("broken") || !b.isBroken()) {
                    throw new AssertionError("round " + round + ": " + outcome[0] + " / " + outcome[1]
                            + " broken=" + b.isBroken());
                }
                interruptWon++;
            }
        }
        Evidence.explored(rounds, "rounds");
        Evidence.explored(tripWon, "trip won");
        Evidence.explored(interruptWon, "interrupt won");
    }

    private static boolean stopped(boolean[] stop) {
        synchronized (stop) {
            return stop[0];
        }
    }

    private static void assertPermutation(int cycle, int[] indices, int parties) {
        int[] sorted = indices.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < parties; i++) {
            if (sorted[i] != i) {
                throw new AssertionError("cycle " + cycle + ": indices " + Arrays.toString(indices)
                        + " are not a permutation of 0.." + (parties - 1));
            }
        }
    }
}
