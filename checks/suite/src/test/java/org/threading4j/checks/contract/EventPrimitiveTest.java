package org.threading4j.checks.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.threading4j.Event;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Threads;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.checks.support.Workers;

/** What only the real Event has: argument checks, the blocker, a real timeout. */
class EventPrimitiveTest {

    @Test
    @Verifies(primitive = "Event", property = "null/negative timeout: NPE/IAE with Python's message; a real timeout answers false", tool = Tool.CONTRACT)
    void argumentsAndTimeout() throws Exception {
        Event e = new Event();
        assertEquals("timeout value must be a non-negative number",
                assertThrows(IllegalArgumentException.class, () -> e.await(Duration.ofNanos(-1))).getMessage());
        assertThrows(NullPointerException.class, () -> e.await(null));
        e.set();
        assertThrows(IllegalArgumentException.class, () -> e.await(Duration.ofNanos(-1)), "arguments before the flag");
        e.clear();
        long t0 = System.nanoTime();
        assertFalse(e.await(Duration.ofMillis(20)));
        assertTrue(System.nanoTime() - t0 >= 20_000_000L, "false only when the time is up");
        assertFalse(e.isSet());
        Evidence.explored(1, "scenario");
    }

    @Test
    @Verifies(primitive = "Event", property = "a waiting thread's blocker is the event", tool = Tool.CONTRACT)
    void blockerIsTheEvent() {
        Event e = new Event();
        Workers w = Workers.start("event-blocker", 1, id -> assertTrue(e.await(Duration.ofSeconds(Long.MAX_VALUE))));
        Threads.awaitParked(w.threads().get(0), e);
        assertSame(e, LockSupport.getBlocker(w.threads().get(0)));
        e.set();
        w.join(Threads.GENEROUS);
        Evidence.explored(1, "scenario");
    }
}
