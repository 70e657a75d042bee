package org.threading4j.checks.lincheck;

import java.time.Duration;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Test;
import org.threading4j.Event;
import org.threading4j.checks.subjects.EventModel;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/**
 * Event's non-blocking operations, linearizable against {@link EventModel} (over {@code EventSpec}): {@code set}, {@code clear},
 * {@code isSet} and {@code await(Duration.ZERO)} (the flag at entry, never parks). Blocking waits are in
 * {@link EventConcurrentLincheckTest}.
 */
public class EventLincheckTest {

    private final Event event = new Event();

    @Operation
    public void set() {
        event.set();
    }

    @Operation
    public void clear() {
        event.clear();
    }

    @Operation
    public boolean isSet() {
        return event.isSet();
    }

    @Operation
    public boolean awaitZero() throws InterruptedException {
        return event.await(Duration.ZERO);
    }

    @Test
    @Verifies(primitive = "Event", property = "set/clear/isSet/await(0) are linearizable (vs EventSpec)", tool = Tool.LINCHECK_STRESS)
    void stress() {
        LincheckBounds.Bounds b = LincheckBounds.EVENT_STRESS;
        b.stress().sequentialSpecification(EventModel.class).check(EventLincheckTest.class);
        Evidence.explored(b.explored(), "invocations");
    }

    @Test
    @Verifies(primitive = "Event", property = "set/clear/isSet/await(0) are linearizable (vs EventSpec)", tool = Tool.LINCHECK_MODEL)
    void modelChecking() {
        LincheckBounds.Bounds b = LincheckBounds.EVENT_MODEL;
        b.modelChecking().sequentialSpecification(EventModel.class).check(EventLincheckTest.class);
        Evidence.explored(b.explored(), "invocations");
    }
}
