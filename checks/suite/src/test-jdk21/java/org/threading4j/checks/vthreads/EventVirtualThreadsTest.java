package org.threading4j.checks.vthreads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.threading4j.Event;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Threads;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.checks.support.Workers;

/**
 * 10,000 virtual threads wait on one Event (half with a long timeout); once they are parked (or have found
 * the flag up), one {@code set(); clear()} releases them all, every timed one answering true (set-and-clear).
 * JFR must record no {@code jdk.VirtualThreadPinned} event for the workers; see
 * {@link PinDetector}.
 */
class EventVirtualThreadsTest {

    static final class PinsInClinitForEvent {
        static {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }

        static void touch() {
        }
    }

    @Test
    @Verifies(primitive = "Event", property = "10,000 virtual threads released by one set();clear(), all true, 0 pinned (JFR)", tool = Tool.VIRTUAL_THREADS)
    void setReleasesVirtualThreads() {
        int n = ConditionVirtualThreadsTest.THREADS;
        int[] parked = new int[1];
        PinDetector.assertNoPinning(() -> setAndClear(100, parked), () -> setAndClear(n, parked),
                PinsInClinitForEvent::touch);
        Evidence.explored(n, "virtual threads (" + parked[0] + " parked before set();clear()), 0 pinned");
    }

    /** {@code n} virtual threads wait, all park, one set();clear() releases them: all must answer true. */
    private static void setAndClear(int n, int[] parked) {
        Event e = new Event();
        AtomicInteger trues = new AtomicInteger();
        Workers w = Workers.start("event-vt", n, id -> {
            if (id % 2 == 0) {
                e.await();
                trues.incrementAndGet();
            } else if (e.await(Duration.ofHours(1))) {
                trues.incrementAndGet();
            }
        }, Thread.ofVirtual().factory());
        int[] next = {0};
        Threads.awaitCondition("all " + n + " virtual threads parked on the event", PinDetector.LIMIT, () -> {
            while (next[0] < n) {
                Thread t = w.threads().get(next[0]);
                Thread.State s = t.getState();
                if ((s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING) && LockSupport.getBlocker(t) == e) {
                    next[0]++;
                } else {
                    return false;
                }
            }
            return true;
        });
        e.set();
        e.clear();
        w.join(PinDetector.LIMIT);
        assertEquals(n, trues.get(), "every waiter released by set() answers true, though clear() followed");
        parked[0] = next[0];
    }
}
