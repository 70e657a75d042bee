package org.threading4j.litmus.condition;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;
import org.threading4j.Condition;

/**
 * The actor waits for {@code ready} under the condition; the signal sets it and calls {@code signal()},
 * whether the actor is still registering, parked, or not yet there. A lost wake-up leaves it stuck: STALE.
 *
 * <p>Run: {@code java -jar checks/jcstress/target/jcstress.jar -t 'litmus\.condition\.' -m quick -sc false -iters 1 -time 200 -c 2}
 */
@JCStressTest(Mode.Termination)
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "signal() woke the waiter (or it never had to wait)")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "lost wake-up: the waiter stayed parked after signal()")
@State
public class Condition_01_SignalWakesWaiter {

    final Condition condition = new Condition();
    /** Guarded by the condition's lock. */
    boolean ready;

    @Actor
    public void waiter() {
        condition.acquire();
        try {
            while (!ready) {
                try {
                    condition.await();
                } catch (InterruptedException e) {
                    // jcstress interrupts stale actors; only the signal may end this one
                }
            }
        } finally {
            condition.release();
        }
    }

    @Signal
    public void signal() {
        condition.acquire();
        try {
            ready = true;
            condition.signal();
        } finally {
            condition.release();
        }
    }
}
