package org.threading4j.checks.lincheck;

import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Test;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.internal.TimerSync;
import org.threading4j.specs.TimerSpec;

/**
 * The cancel-vs-fire decision of {@code Timer}, linearizable against {@link TimerSpec}: the operations are
 * the state-word transitions of {@link TimerSync} that {@code Timer} calls, with {@code fire()} standing
 * for the timer's thread reaching its deadline. Timing is left out on purpose: model checking freezes
 * {@code System.nanoTime()}, so the deadline wait ({@code awaitDue}) cannot be explored here; the decision
 * can, and it is the whole at-most-once argument. The full timer, thread and all, is model-checked in
 * {@link TimerConcurrentLincheckTest}.
 */
public class TimerLincheckTest {

    private final TimerSync sync = new TimerSync(this);

    /** Timer.start() without the thread: sets STARTED, a second one throws. */
    @Operation
    public void start() {
        if (!sync.markStarted()) {
            throw new IllegalStateException(TimerSpec.STARTED_TWICE);
        }
    }

    @Operation
    public boolean cancel() {
        return sync.cancel();
    }

    /** The timer's thread at its deadline: true iff it must run the action. */
    @Operation
    public boolean fire() {
        return sync.tryFire();
    }

    @Operation
    public boolean isCancelled() {
        return sync.isCancelled();
    }

    @Test
    @Verifies(primitive = "Timer", property = "cancel-vs-fire decided once (linearizable vs TimerSpec)", tool = Tool.LINCHECK_STRESS)
    public void stress() {
        LincheckBounds.Bounds b = LincheckBounds.TIMER_STRESS;
        b.stress().sequentialSpecification(TimerSpec.class)
                .check(TimerLincheckTest.class);
        Evidence.explored(b.explored(), "invocations");
    }

    @Test
    @Verifies(primitive = "Timer", property = "cancel-vs-fire decided once (linearizable vs TimerSpec)", tool = Tool.LINCHECK_MODEL)
    public void modelChecking() {
        LincheckBounds.Bounds b = LincheckBounds.TIMER_MODEL;
        b.modelChecking().sequentialSpecification(TimerSpec.class)
                .check(TimerLincheckTest.class);
        Evidence.explored(b.explored(), "invocations");
    }
}
