package org.threading4j.checks.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;
import org.threading4j.Event;
import org.threading4j.checks.subjects.ConditionActors;
import org.threading4j.checks.support.Depth;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Threads;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.checks.support.Workers;
import org.threading4j.internal.WaitQueue;

/**
 * {@code set(); clear();} racing waiters that are still registering or timing out. Each round, untimed and
 * short-timed waiters start while the setter, after a random spin, takes a snapshot of the event's queue and
 * does {@code set(); clear()} back to back. Every untimed waiter in the snapshot was linked before the
 * {@code set()}, so it must return normally (no lost wake-up, even though the flag is down again when it
 * runs); a timed waiter that answers false must have reached its deadline. Waiters that registered after
 * the {@code clear()} are released by a final {@code set()}; all under the Workers watchdog. (A timed waiter
 * in the snapshot may still time out between the snapshot and the {@code set()}: it answers false, after
 * its deadline.)
 */
public class EventStressTest {

    @Test
    @Verifies(primitive = "Event", property = "set() wakes every waiter, even one just registering and even if clear() follows", tool = Tool.STRESS)
    public void setAndClearRaceRegisteringWaiters() {
        long end = System.nanoTime() + Depth.pick(4_000_000_000L, 60_000_000_000L);
        int rounds = 0;
        long released = 0;
        long timedOut = 0;
        while (rounds < 20 || System.nanoTime() - end < 0) {
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            Event e = new Event();
            WaitQueue queue = ConditionActors.queueOf(e, "sync");
            int n = 2 + rnd.nextInt(4);
            AtomicReferenceArray<String> results = new AtomicReferenceArray<>(n); // polled by this thread
            long[] waited = new long[n];
            long timeout = rnd.nextLong(100_000L);
            Workers w = Workers.start("event-waiter", n, id -> {
                long t0 = System.nanoTime();
                String result;
                if (id % 2 == 0) {
                    e.await();
                    result = "void";
                } else {
                    result = String.valueOf(e.await(Duration.ofNanos(timeout)));
                }
                waited[id] = System.nanoTime() - t0;
                results.set(id, result);
            });
            long spin = rnd.nextLong(2_000);
            for (long i = 0; i < spin; i++) {
                Thread.onSpinWait();
            }
            List<Thread> snapshot = ConditionActors.threadsIn(queue);
            e.set();
            e.clear();
            List<Thread> threads = w.threads();
            for (Thread t : snapshot) {
                int id = threads.indexOf(t);
                Threads.awaitCondition("waiter " + id + ", queued before set(), returns", () -> results.get(id) != null);
                if (id % 2 == 0 || !"false".equals(results.get(id))) { // a timed one may have timed out before set()
                    assertEquals(id % 2 == 0 ? "void" : "true", results.get(id), "a waiter queued before set()");
                    released++;
                }
            }
            e.set();
            w.join(Threads.GENEROUS);
            for (int id = 1; id < n; id += 2) {
                if ("false".equals(results.get(id))) {
                    timedOut++;
                    assertTrue(waited[id] >= timeout, "false before the deadline");
                }
            }
            rounds++;
        }
        System.out.printf("[Event] %d rounds, %d waiters queued before set() released, %d timeouts%n",
                rounds, released, timedOut);
        Evidence.explored(rounds, "rounds (" + released + " queued waiters released by set();clear(), "
                + timedOut + " timeouts)");
    }
}
