package org.threading4j.checks.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.threading4j.checks.subjects.EventModel;
import org.threading4j.checks.subjects.EventWorlds;
import org.threading4j.checks.subjects.Wait;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/** The Event contract, run against the model ({@link EventSpecContractTest}) and the real event. */
public abstract class EventContract {

    static final String PENDING = "pending";

    abstract EventWorlds.World create(int threads);

    @Test
    @Verifies(primitive = "Event", property = "is_set/set/clear; await returns at once when set; await(0) polls", tool = Tool.CONTRACT)
    void flagBasics() {
        try (EventWorlds.World w = create(1)) {
            assertFalse(w.isSet());
            assertEquals("false", w.await(0, Wait.ZERO));
            w.set();
            assertTrue(w.isSet());
            w.set();
            assertTrue(w.isSet(), "set is idempotent");
            assertEquals("void", w.await(0, Wait.UNTIMED));
            assertEquals("true", w.await(0, Wait.ZERO));
            assertEquals("true", w.await(0, Wait.LONG));
            w.clear();
            assertFalse(w.isSet());
            w.clear();
            assertEquals("false", w.await(0, Wait.ZERO));
            Evidence.explored(1, "scenario");
        }
    }

    @Test
    @Verifies(primitive = "Event", property = "set() wakes every waiter", tool = Tool.CONTRACT)
    void setWakesEveryWaiter() {
        try (EventWorlds.World w = create(3)) {
            assertEquals(PENDING, w.await(0, Wait.UNTIMED));
            assertEquals(PENDING, w.await(1, Wait.LONG));
            assertEquals(PENDING, w.await(2, Wait.UNTIMED));
            assertEquals(List.of(0, 1, 2), w.waiting());
            w.set();
            assertEquals("void", w.result(0));
            assertEquals("true", w.result(1));
            assertEquals("void", w.result(2));
            assertEquals(List.of(), w.waiting());
            Evidence.explored(1, "scenario");
        }
    }

    @Test
    @Verifies(primitive = "Event", property = "set-and-clear: a waiter released by set() returns true even if clear() followed", tool = Tool.CONTRACT)
    public void setAndClear() {
        int rounds = 20;
        try (EventWorlds.World w = create(2)) {
            for (int i = 0; i < rounds; i++) {
                assertEquals(PENDING, w.await(0, Wait.LONG));
                assertEquals(PENDING, w.await(1, Wait.UNTIMED));
                setThenClear(w);
                assertEquals("true", w.result(0), "round " + i);
                assertEquals("void", w.result(1), "round " + i);
                assertFalse(w.isSet());
                assertEquals("false", w.await(0, Wait.ZERO));
            }
            Evidence.explored(rounds, "set-and-clear rounds");
        }
    }

    /** {@code set(); clear();} back to back, without settling in between (real: waiters wake after clear). */
    void setThenClear(EventWorlds.World w) {
        w.set();
        w.clear();
    }

    @Test
    @Verifies(primitive = "Event", property = "an interrupted waiter throws and changes nothing; others still wait", tool = Tool.CONTRACT)
    void interruptedWaiter() {
        try (EventWorlds.World w = create(2)) {
            assertEquals(PENDING, w.await(0, Wait.LONG));
            assertEquals(PENDING, w.await(1, Wait.UNTIMED));
            w.interrupt(0);
            assertEquals(EventModel.INTERRUPTED, w.result(0));
            assertEquals(List.of(1), w.waiting());
            assertFalse(w.isSet());
            w.interrupt(0); // pending on entry: thrown even though the flag is set
            w.set();
            assertEquals("void", w.result(1));
            assertEquals(EventModel.INTERRUPTED, w.await(0, Wait.ZERO));
            assertEquals("true", w.await(0, Wait.ZERO));
            Evidence.explored(1, "scenario");
        }
    }
}
