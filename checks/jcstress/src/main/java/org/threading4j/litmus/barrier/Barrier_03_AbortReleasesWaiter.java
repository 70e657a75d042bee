package org.threading4j.litmus.barrier;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;
import org.threading4j.Barrier;
import org.threading4j.BrokenBarrierException;

/**
 * Claim: {@code abort()} releases a party waiting in a filling cycle, or makes its arrival fail at once if
 * it comes first; the party never waits for ever.
 *
 * <p>Run: {@code java -jar checks/jcstress/target/jcstress.jar -t Barrier_03 -m quick}.
 */
@JCStressTest(Mode.Termination)
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the party got BrokenBarrierException")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "abort() did not release the waiting party")
@State
public class Barrier_03_AbortReleasesWaiter {

    final Barrier barrier = new Barrier(2);

    @Actor
    public void waiter() throws InterruptedException {
        try {
            barrier.await();
        } catch (BrokenBarrierException expected) {
            return;
        }
        throw new AssertionError("returned from a barrier that cannot trip");
    }

    @Signal
    public void abort() {
        barrier.abort();
    }
}
