package org.threading4j.litmus.timer;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.time.Duration;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;
import org.threading4j.Timer;

/**
 * A timer that would wait for ever is started and joined by the actor; the signal cancels it. The cancel
 * must wake the timer's parked thread, which must then finish and wake the joiner, whether the cancel
 * lands before start, while the thread is registering its wait, or while it is parked. A lost wake-up
 * leaves the actor stuck: STALE.
 *
 * <p>Run: {@code java -jar checks/jcstress/target/jcstress.jar -t 'litmus\.timer\.' -m quick -sc false -iters 1 -time 200 -c 2}
 */
@JCStressTest(Mode.Termination)
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "cancel woke the pending timer, which finished and released join()")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "lost wake-up: the cancelled timer (or its joiner) never finished")
@State
public class Timer_02_CancelWakesPendingTimer {

    /** The timer threads do almost nothing: a small stack makes the thousands of them per second cheaper. */
    static final long SMALL_STACK = 128 * 1024;

    final Timer timer = new Timer(Duration.ofSeconds(Long.MAX_VALUE), () -> { }, r -> {
        Thread t = new Thread(null, r, "litmus-timer", SMALL_STACK);
        t.setDaemon(true);
        return t;
    });

    @Actor
    public void startAndJoin() {
        timer.start();
        for (;;) {
            try {
                timer.join();
                return;
            } catch (InterruptedException e) {
                // jcstress interrupts stale actors; only the timer finishing may end this actor
            }
        }
    }

    @Signal
    public void cancel() {
        timer.cancel();
    }
}
