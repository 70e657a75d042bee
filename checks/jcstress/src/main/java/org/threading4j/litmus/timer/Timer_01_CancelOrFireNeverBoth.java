package org.threading4j.litmus.timer;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.time.Duration;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.threading4j.Timer;

/**
 * A zero-interval timer is started by one actor while another cancels it; the arbiter joins the timer and
 * records (did cancel return true, how many times the action ran). Exactly one of the two happens: the
 * timer is cancelled (and never runs) or it fires (once, and the cancel answers false).
 *
 * <p>Run: {@code java -jar checks/jcstress/target/jcstress.jar -t 'litmus\.timer\.' -m quick -sc false -iters 1 -time 200 -c 2}
 */
@JCStressTest
@Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "cancelled: cancel() returned true and the action never ran")
@Outcome(id = "0, 1", expect = ACCEPTABLE, desc = "fired: the action ran once and cancel() returned false")
@Outcome(id = "1, 1", expect = FORBIDDEN, desc = "cancel() reported true although the action ran")
@Outcome(id = "0, 0", expect = FORBIDDEN, desc = "neither: the action was lost although no cancel() won")
@Outcome(expect = FORBIDDEN, desc = "the action ran more than once")
@State
public class Timer_01_CancelOrFireNeverBoth {

    /** The timer threads do almost nothing: a small stack makes the thousands of them per second cheaper. */
    static final long SMALL_STACK = 128 * 1024;

    /** Plain on purpose: the timer's join must publish the action's write. */
    int runs;

    final Timer timer = new Timer(Duration.ZERO, () -> runs++, r -> {
        Thread t = new Thread(null, r, "litmus-timer", SMALL_STACK);
        t.setDaemon(true);
        return t;
    });

    @Actor
    public void starter() {
        timer.start();
    }

    @Actor
    public void canceller(II_Result r) {
        r.r1 = timer.cancel() ? 1 : 0;
    }

    @Arbiter
    public void arbiter(II_Result r) {
        boolean interrupted = false;
        for (;;) {
            try {
                timer.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        r.r2 = runs;
    }
}
