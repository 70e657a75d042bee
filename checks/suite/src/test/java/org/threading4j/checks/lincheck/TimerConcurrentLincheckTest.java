package org.threading4j.checks.lincheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.jetbrains.lincheck.Lincheck;
import org.junit.jupiter.api.Test;
import org.threading4j.Timer;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/**
 * The whole Timer under Lincheck's general-purpose model checker: a zero-interval timer (no deadline, so
 * the frozen {@code nanoTime} does not matter) started in one thread while two others cancel it; its own
 * thread is created inside the scenario, so Lincheck controls it too. After a join: the action ran iff no
 * cancel returned true, at most one cancel returned true, and {@code isCancelled()} agrees.
 */
public class TimerConcurrentLincheckTest {

    /** The action's run count; plain: the join must publish it. */
    static final class Probe {
        int runs;
    }

    @Test
    @Verifies(primitive = "Timer", property = "action runs iff no cancel returned true; join publishes it", tool = Tool.LINCHECK_CONCURRENT)
    public void startRacingCancels() {
        int invocations = LincheckBounds.TIMER_CONCURRENT;
        Lincheck.runConcurrentTest(invocations, () -> {
            Probe probe = new Probe();
            Timer timer = new Timer(Duration.ZERO, () -> probe.runs++);
            boolean[] won = new boolean[2];
            Thread starter = new Thread(timer::start);
            Thread c1 = new Thread(() -> won[0] = timer.cancel());
            Thread c2 = new Thread(() -> won[1] = timer.cancel());
            starter.start();
            c1.start();
            c2.start();
            try {
                starter.join();
                c1.join();
                c2.join();
                timer.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            int wins = (won[0] ? 1 : 0) + (won[1] ? 1 : 0);
            assertTrue(wins <= 1, "two cancels both won");
            assertEquals(wins == 0 ? 1 : 0, probe.runs, "ran must equal !cancelled");
            assertEquals(wins == 1, timer.isCancelled());
        });
        Evidence.explored(invocations, "invocations");
    }
}
