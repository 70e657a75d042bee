package org.threading4j.checks.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.threading4j.checks.subjects.TimerSubjects;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.specs.TimerSpec;

/**
 * The Timer contract, run against the model ({@link TimerSpecContractTest}) and the real timer
 * ({@link TimerPrimitiveContractTest}). Intervals are zero or "for ever" so that every answer is
 * deterministic: a zero-interval timer's {@code start()} is followed by letting its thread finish, and a
 * winning {@code cancel()} of a started timer by letting its thread end (the real subject joins, with a
 * bound; the model does both steps itself).
 */
public abstract class TimerContract {

    /** "For ever": too large for long nanoseconds (Python's interval=None). */
    static final Duration FOREVER = Duration.ofSeconds(Long.MAX_VALUE);

    abstract TimerSubjects.Subject create(Duration interval);

    @Test
    @Verifies(primitive = "Timer", property = "join before start throws; a new timer is not alive", tool = Tool.CONTRACT)
    void newTimer() {
        TimerSubjects.Subject t = create(FOREVER);
        assertFalse(t.isAlive());
        assertFalse(t.isCancelled());
        IllegalStateException e = assertThrows(IllegalStateException.class, t::joinNow);
        assertEquals(TimerSpec.JOIN_BEFORE_START, e.getMessage());
        assertEquals(0, t.runs());
        Evidence.explored(1, "scenario");
    }

    @Test
    @Verifies(primitive = "Timer", property = "a zero interval fires once, at start", tool = Tool.CONTRACT)
    public void zeroIntervalFiresOnce() {
        TimerSubjects.Subject t = create(Duration.ZERO);
        t.start();
        assertEquals(1, t.runs());
        assertFalse(t.isAlive());
        assertTrue(t.joinNow());
        assertFalse(t.cancel(), "cancel after the action ran must answer false");
        assertFalse(t.isCancelled());
        assertEquals(1, t.runs());
        Evidence.explored(1, "scenario");
    }

    @Test
    @Verifies(primitive = "Timer", property = "cancel before start: true once; start allowed, ends at once, never runs", tool = Tool.CONTRACT)
    void cancelBeforeStart() {
        TimerSubjects.Subject t = create(Duration.ZERO);
        assertTrue(t.cancel());
        assertFalse(t.cancel(), "only one cancel wins");
        assertTrue(t.isCancelled());
        t.start();
        assertTrue(t.joinNow());
        assertFalse(t.isAlive());
        assertEquals(0, t.runs());
        Evidence.explored(1, "scenario");
    }

    @Test
    @Verifies(primitive = "Timer", property = "a second start throws and changes nothing", tool = Tool.CONTRACT)
    void secondStart() {
        TimerSubjects.Subject t = create(FOREVER);
        t.start();
        IllegalStateException e = assertThrows(IllegalStateException.class, t::start);
        assertEquals(TimerSpec.STARTED_TWICE, e.getMessage());
        assertTrue(t.isAlive());
        assertTrue(t.cancel());
        assertEquals(0, t.runs());
        Evidence.explored(1, "scenario");
    }

    @Test
    @Verifies(primitive = "Timer", property = "cancel stops a pending timer; its thread ends", tool = Tool.CONTRACT)
    void cancelPending() {
        TimerSubjects.Subject t = create(FOREVER);
        t.start();
        assertTrue(t.isAlive());
        assertFalse(t.joinNow());
        assertFalse(t.isCancelled());
        assertTrue(t.cancel());
        assertTrue(t.isCancelled());
        assertFalse(t.isAlive());
        assertTrue(t.joinNow());
        assertFalse(t.cancel());
        assertEquals(0, t.runs());
        Evidence.explored(1, "scenario");
    }

    @Test
    @Verifies(primitive = "Timer", property = "start() with a negative interval throws IllegalArgumentException and starts nothing; null throws NPE", tool = Tool.CONTRACT)
    void badInterval() throws Exception {
        TimerSubjects.Subject t = create(Duration.ofNanos(-1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, t::start);
        assertEquals(TimerSpec.NEGATIVE, e.getMessage());
        assertFalse(t.isAlive());
        IllegalArgumentException again = assertThrows(IllegalArgumentException.class, t::start);
        assertEquals(TimerSpec.NEGATIVE, again.getMessage(), "still unstarted: the same answer, not 'started once'");
        assertTrue(t.cancel(), "the action can never run, and nothing had decided that yet");
        assertEquals(0, t.runs());
        assertThrows(NullPointerException.class, () -> create(null));
        Evidence.explored(2, "scenarios");
    }
}
