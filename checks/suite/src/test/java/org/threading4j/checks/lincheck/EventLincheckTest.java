package org.threading4j.checks.lincheck;

import java.time.Duration;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;
import org.threading4j.Event;
import org.threading4j.checks.subjects.EventModel;
import org.threading4j.checks.support.Depth;
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
        int iterations = Depth.pick(10, 100);
        int invocations = Depth.pick(300, 5_000);
        new StressOptions().iterations(iterations).invocationsPerIteration(invocations).threads(3).actorsPerThread(2)
                .sequentialSpecification(EventModel.class).check(EventLincheckTest.class);
        Evidence.explored((long) iterations * invocations, "invocations");
    }

    @Test
    @Verifies(primitive = "Event", property = "set/clear/isSet/await(0) are linearizable (vs EventSpec)", tool = Tool.LINCHECK_MODEL)
    void modelChecking() {
        int iterations = Depth.pick(10, 100);
        int invocations = Depth.pick(200, 5_000);
        new ModelCheckingOptions().iterations(iterations).invocationsPerIteration(invocations).threads(3)
                .actorsPerThread(2).sequentialSpecification(EventModel.class).check(EventLincheckTest.class);
        Evidence.explored((long) iterations * invocations, "invocations");
    }
}
