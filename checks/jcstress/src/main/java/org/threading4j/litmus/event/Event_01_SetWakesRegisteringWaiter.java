package org.threading4j.litmus.event;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;
import org.threading4j.Event;

/**
 * {@code set()} wakes a waiter whatever it is doing: before it checked the flag, while it is registering in
 * the queue, or once it is parked. A set() that misses a registering waiter leaves it stuck: STALE.
 *
 * <p>Run: {@code java -jar checks/jcstress/target/jcstress.jar -t 'litmus\.event\.' -m quick -sc false -iters 1 -time 200 -c 2}
 */
@JCStressTest(Mode.Termination)
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "set() woke the waiter (or it found the flag up)")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "lost wake-up: set() missed a waiter")
@State
public class Event_01_SetWakesRegisteringWaiter {

    final Event event = new Event();

    @Actor
    public void waiter() {
        for (;;) {
            try {
                event.await();
                return;
            } catch (InterruptedException e) {
                // jcstress interrupts stale actors; only set() may end this one
            }
        }
    }

    @Signal
    public void set() {
        event.set();
    }
}
