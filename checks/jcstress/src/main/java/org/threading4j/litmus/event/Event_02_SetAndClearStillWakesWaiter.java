package org.threading4j.litmus.event;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.util.concurrent.locks.LockSupport;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;
import org.threading4j.Event;

/**
 * Python's set-and-clear rule, for termination: {@code set(); clear();} back to back must still release a
 * waiter that was registered (or registering) when set() ran. The flag is down again by the time the waiter
 * runs, so a waiter that re-checked the flag instead of its outcome would park again: STALE. A waiter that
 * arrives only after the clear() is rightly not released, so the signal thread first waits until the actor
 * is parked on the event ({@code LockSupport.getBlocker}), which it only is once registered in the queue.
 *
 * <p>Run: {@code java -jar checks/jcstress/target/jcstress.jar -t 'litmus\.event\.' -m quick -sc false -iters 1 -time 200 -c 2}
 */
@JCStressTest(Mode.Termination)
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the waiter was released by set() despite the clear()")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "set(); clear() lost the waiter")
@State
public class Event_02_SetAndClearStillWakesWaiter {

    final Event event = new Event();
    /** The waiter's thread, published before it waits. */
    volatile Thread waiterThread;

    @Actor
    public void waiter() {
        waiterThread = Thread.currentThread();
        for (;;) {
            try {
                event.await();
                return;
            } catch (InterruptedException e) {
                // jcstress interrupts stale actors
            }
        }
    }

    @Signal
    public void setAndClear() {
        Thread w;
        while ((w = waiterThread) == null || LockSupport.getBlocker(w) != event) {
            Thread.onSpinWait();
        }
        event.set();
        event.clear();
    }
}
