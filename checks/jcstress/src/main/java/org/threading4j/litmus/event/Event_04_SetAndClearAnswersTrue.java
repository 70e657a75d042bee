package org.threading4j.litmus.event;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZ_Result;
import org.threading4j.Event;

/**
 * Python's set-and-clear rule, for the answer: a timed waiter parked on the event when {@code set(); clear()}
 * runs answers {@code true}, although the flag is down by the time it wakes; the setter's write before
 * {@code set()} is visible to it. The setter waits until the waiter is parked on the event (so the waiter
 * is registered and the one-hour timeout never matters).
 *
 * <p>Run: {@code java -jar checks/jcstress/target/jcstress.jar -t 'litmus\.event\.' -m quick -sc false -iters 1 -time 200 -c 2}
 */
@JCStressTest
@Outcome(id = "true, true", expect = ACCEPTABLE, desc = "released by set(): true, and the earlier write is visible")
@Outcome(id = "false, .*", expect = FORBIDDEN, desc = "answered false: the flag was re-read after clear() instead of the wait's outcome")
@Outcome(id = "true, false", expect = FORBIDDEN, desc = "true without the setter's earlier write visible")
@State
public class Event_04_SetAndClearAnswersTrue {

    final Event event = new Event();
    volatile Thread waiterThread;
    boolean data;

    @Actor
    public void waiter(ZZ_Result r) {
        waiterThread = Thread.currentThread();
        try {
            r.r1 = event.await(Duration.ofHours(1));
            r.r2 = data;
        } catch (InterruptedException e) {
            r.r1 = false;
        }
    }

    @Actor
    public void setAndClear() {
        Thread w;
        while ((w = waiterThread) == null || LockSupport.getBlocker(w) != event) {
            Thread.onSpinWait();
        }
        data = true;
        event.set();
        event.clear();
    }
}
