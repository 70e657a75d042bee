package org.threading4j.checks.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.checks.subjects.BarrierModel;
import org.threading4j.checks.subjects.BarrierModel.Result;
import org.threading4j.specs.BarrierSpec;
import org.threading4j.specs.BarrierSpec.Phase;

/**
 * The model's drain and reset phases, stepped through with explicit {@code proceed} steps (a real barrier
 * cannot be held in its drain from outside): Python's {@code _enter} / {@code _exit} rules.
 */
class BarrierSpecDrainTest {

    @Test
    @Verifies(primitive = "Barrier", property = "drain phase: next-cycle arrivals wait until the previous cycle has left (model)",
            tool = Tool.CONTRACT)
    void arrivalsWaitForTheDrain() {
        BarrierModel m = new BarrierModel(2).manualDepartures();
        BarrierSpec b = m.spec();
        m.await(0);
        assertEquals(Result.returned(1), m.await(1)); // the runner leaves at once
        assertEquals(Phase.DRAINING, b.phase());
        assertTrue(b.waiting(0), "party 0 is released but has not left");
        assertEquals(0, b.waiting(), "n_waiting is 0 while draining");
        assertEquals(Result.PENDING, m.await(1)); // next cycle: must wait for party 0 to leave
        assertEquals(Result.PENDING, m.proceed(1), "still draining: it waits on");
        b.reset();
        assertEquals(Phase.DRAINING, b.phase(), "reset() during a drain does nothing");
        assertEquals(Result.returned(0), m.proceed(0));
        assertEquals(Phase.FILLING, b.phase());
        assertEquals(0, b.waiting(), "the waiting arrival has not run yet");
        assertEquals(Result.PENDING, m.proceed(1));
        assertEquals(1, b.waiting(), "it arrived as index 0 of the new cycle");
        assertEquals(Result.returned(1), m.await(0));
        assertEquals(Result.returned(0), m.proceed(1));
        Evidence.explored(2, "cycles");
    }

    @Test
    @Verifies(primitive = "Barrier", property = "abort() during the drain: parties not yet departed get BrokenBarrierException (model, Python's race)",
            tool = Tool.CONTRACT)
    void abortDuringTheDrain() {
        BarrierModel m = new BarrierModel(3).manualDepartures();
        BarrierSpec b = m.spec();
        m.await(0);
        m.await(1);
        assertEquals(Result.returned(2), m.await(2));
        assertEquals(Result.returned(0), m.proceed(0));
        m.abort();
        assertEquals(Result.BROKEN, m.proceed(1));
        assertTrue(b.isBroken());
        assertFalse(b.waiting(0) || b.waiting(1) || b.waiting(2), "every party has left");
        Evidence.explored(1, "scenarios");
    }

    @Test
    @Verifies(primitive = "Barrier", property = "reset with waiters: arrivals wait until the reset cycle has left (model)",
            tool = Tool.CONTRACT)
    void arrivalsWaitForAReset() {
        BarrierModel m = new BarrierModel(2).manualDepartures();
        BarrierSpec b = m.spec();
        m.await(0);
        b.reset();
        assertEquals(Phase.RESETTING, b.phase());
        assertFalse(b.isBroken());
        assertEquals(Result.PENDING, m.await(1));
        assertEquals(Result.BROKEN, m.proceed(0));
        assertEquals(Phase.FILLING, b.phase());
        assertEquals(Result.PENDING, m.proceed(1));
        assertEquals(1, b.waiting());
        assertThrows(IllegalStateException.class, () -> m.await(1), "a blocked thread cannot call again");
        Evidence.explored(1, "scenarios");
    }
}
