package org.threading4j.litmus.event;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.time.Duration;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;
import org.threading4j.Event;

/**
 * A plain write before {@code set()} is visible after an {@code await} that returns true: here the
 * non-blocking {@code await(Duration.ZERO)}, which answers true iff it found the flag up.
 *
 * <p>Run: {@code java -jar checks/jcstress/target/jcstress.jar -t 'litmus\.event\.' -m quick -sc false -iters 1 -time 200 -c 2}
 */
@JCStressTest
@Outcome(id = "-1", expect = ACCEPTABLE, desc = "await(0) ran before set(): false")
@Outcome(id = "42", expect = ACCEPTABLE, desc = "await(0) saw the flag and the write before set()")
@Outcome(id = "0", expect = FORBIDDEN, desc = "await returned true without the setter's earlier write visible")
@State
public class Event_03_SetHappensBeforeAwaitReturns {

    final Event event = new Event();
    int data;

    @Actor
    public void setter() {
        data = 42;
        event.set();
    }

    @Actor
    public void waiter(I_Result r) {
        try {
            r.r1 = event.await(Duration.ZERO) ? data : -1;
        } catch (InterruptedException e) {
            r.r1 = -2;
        }
    }
}
