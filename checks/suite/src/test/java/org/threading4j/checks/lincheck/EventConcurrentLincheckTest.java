package org.threading4j.checks.lincheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.jetbrains.lincheck.Lincheck;
import org.junit.jupiter.api.Test;
import org.threading4j.Event;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/**
 * Whole Event scenarios under Lincheck's model checker; worker failures are rethrown after the joins. A
 * one-hour timeout never passes here (frozen {@code nanoTime}), so a timed waiter ends only by a set().
 */
public class EventConcurrentLincheckTest {

    /**
     * Python's set-and-clear rule: two waiters (one timed, one not) and a thread doing {@code set(); clear()}.
     * A waiter that arrives after the clear() rightly keeps waiting, so once the setter is done the main
     * thread sets the event again. Either set() releases a waiter with the answer true, in every
     * interleaving, including those where a waiter released by the first set() runs only after the clear()
     * (and before the second set()).
     */
    @Test
    @Verifies(primitive = "Event", property = "set-and-clear: every waiter returns, true, even if clear() came first", tool = Tool.LINCHECK_CONCURRENT)
    public void setAndClearReleasesWaiters() {
        int invocations = LincheckBounds.EVENT_SET_AND_CLEAR;
        Lincheck.runConcurrentTest(invocations, () -> {
            Event e = new Event();
            boolean[] result = new boolean[1];
            boolean[] plainDone = new boolean[1];
            Throwable[] failure = new Throwable[1];
            Thread timed = new Thread(() -> {
                try {
                    result[0] = e.await(Duration.ofHours(1));
                } catch (Throwable t) {
                    failure[0] = t;
                }
            });
            Thread plain = new Thread(() -> {
                try {
                    e.await();
                    plainDone[0] = true;
                } catch (Throwable t) {
                    failure[0] = t;
                }
            });
            Thread setter = new Thread(() -> {
                e.set();
                e.clear();
            });
            timed.start();
            plain.start();
            setter.start();
            ConditionConcurrentLincheckTest.join(setter);
            e.set(); // for a waiter that arrived after the clear()
            ConditionConcurrentLincheckTest.join(timed, plain);
            ConditionConcurrentLincheckTest.rethrow(failure);
            assertTrue(result[0], "a waiter released by set() answers true");
            assertTrue(plainDone[0]);
        });
        Evidence.explored(invocations, "invocations");
    }

    /** One set() releases two waiters, whatever point of registering each has reached. */
    @Test
    @Verifies(primitive = "Event", property = "set() wakes every waiter, including one just registering", tool = Tool.LINCHECK_CONCURRENT)
    public void setWakesRegisteringWaiters() {
        int invocations = LincheckBounds.EVENT_CONCURRENT;
        Lincheck.runConcurrentTest(invocations, () -> {
            Event e = new Event();
            Throwable[] failure = new Throwable[1];
            Runnable wait = () -> {
                try {
                    e.await();
                } catch (Throwable t) {
                    failure[0] = t;
                }
            };
            Thread w1 = new Thread(wait);
            Thread w2 = new Thread(wait);
            Thread setter = new Thread(e::set);
            w1.start();
            w2.start();
            setter.start();
            ConditionConcurrentLincheckTest.join(w1, w2, setter);
            ConditionConcurrentLincheckTest.rethrow(failure);
        });
        Evidence.explored(invocations, "invocations");
    }

    /** Writes before set() are seen after await() returns. */
    @Test
    @Verifies(primitive = "Event", property = "actions before set() happen-before those after await() returns", tool = Tool.LINCHECK_CONCURRENT)
    void setPublishes() {
        int invocations = LincheckBounds.EVENT_CONCURRENT;
        Lincheck.runConcurrentTest(invocations, () -> {
            Event e = new Event();
            int[] data = new int[1];
            int[] seen = new int[1];
            Throwable[] failure = new Throwable[1];
            Thread reader = new Thread(() -> {
                try {
                    e.await();
                    seen[0] = data[0];
                } catch (Throwable t) {
                    failure[0] = t;
                }
            });
            Thread writer = new Thread(() -> {
                data[0] = 42;
                e.set();
            });
            reader.start();
            writer.start();
            ConditionConcurrentLincheckTest.join(reader, writer);
            ConditionConcurrentLincheckTest.rethrow(failure);
            assertEquals(42, seen[0]);
        });
        Evidence.explored(invocations, "invocations");
    }
}
