package org.threading4j.checks.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.specs.BarrierSpec;
import org.threading4j.specs.BarrierSpec.Phase;
import org.threading4j.specs.BarrierSpec.Result;

/**
 * The model's drain and reset phases, stepped through with explicit departures (a real barrier cannot be
 * held in its drain from outside): Python's {@code _enter} / {@code _exit} rules.
 */
class BarrierSpecDrainTest {

    @Test
    @Verifies(primitive = "Barrier", property = "drain phase: next-cycle arrivals wait until the previous cycle has left (model)",
            tool = Tool.CONTRACT)
    void arrivalsWaitForTheDrain() {
        BarrierSpec b = new BarrierSpec(2).manualDepartures();
        b.await(0);
        assertEquals(Result.returned(1), b.await(1)); // the runner departs at once
        assertEquals(Phase.DRAINING, b.phase());
        assertEquals(List.of(0), b.released());
        assertEquals(0, b.waiting(), "n_waiting is 0 while draining");
        assertEquals(Result.PENDING, b.await(1)); // next cycle: must wait for party 0 to leave
        assertEquals(List.of(1), b.preWaiting());
        b.reset();
        assertEquals(Phase.DRAINING, b.phase(), "reset() during a drain does nothing");
        b.depart(0);
        assertEquals(Result.returned(0), b.result(0));
        assertEquals(Phase.FILLING, b.phase());
        assertTrue(b.preWaiting().isEmpty());
        assertEquals(1, b.waiting(), "the pre-waiter arrived as index 0 of the new cycle");
        assertEquals(Result.returned(1), b.await(0));
        b.depart(1);
        assertEquals(Result.returned(0), b.result(1));
        Evidence.explored(2, "cycles");
    }

    @Test
    @Verifies(primitive = "Barrier", property = "abort() during the drain: parties not yet departed get BrokenBarrierException (model, Python's race)",
            tool = Tool.CONTRACT)
    void abortDuringTheDrain() {
        BarrierSpec b = new BarrierSpec(3).manualDepartures();
        b.await(0);
        b.await(1);
        assertEquals(Result.returned(2), b.await(2));
        b.depart(0);
        b.abort();
        b.depart(1);
        assertEquals(Result.returned(0), b.result(0));
        assertEquals(Result.BROKEN, b.result(1));
        assertTrue(b.isBroken());
        assertEquals(0, b.inside());
        Evidence.explored(1, "scenarios");
    }

    @Test
    @Verifies(primitive = "Barrier", property = "reset with waiters: arrivals wait until the reset cycle has left (model)",
            tool = Tool.CONTRACT)
    void arrivalsWaitForAReset() {
        BarrierSpec b = new BarrierSpec(2).manualDepartures();
        b.await(0);
        b.reset();
        assertEquals(Phase.RESETTING, b.phase());
        assertFalse(b.isBroken());
        assertEquals(Result.PENDING, b.await(1));
        b.depart(0);
        assertEquals(Result.BROKEN, b.result(0));
        assertEquals(Phase.FILLING, b.phase());
        assertEquals(1, b.waiting());
        assertThrows(IllegalArgumentException.class, () -> b.await(1), "a blocked thread cannot call again");
        Evidence.explored(1, "scenarios");
    }
}
