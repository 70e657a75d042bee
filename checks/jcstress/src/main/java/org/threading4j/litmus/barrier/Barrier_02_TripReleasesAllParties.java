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

/**
 * Claim: when the last party arrives, a party already waiting is released (no lost wake-up), whether the
 * last arrival comes before, during or after the waiter parks.
 *
 * <p>Run: {@code java -jar checks/jcstress/target/jcstress.jar -t Barrier_02 -m quick}.
 */
@JCStressTest(Mode.Termination)
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the trip released the waiting party")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "the waiting party was never released")
@State
public class Barrier_02_TripReleasesAllParties {

    final Barrier barrier = new Barrier(2);

    @Actor
    public void waiter() throws InterruptedException {
        barrier.await();
    }

    @Signal
    public void lastArrival() throws InterruptedException {
        barrier.await();
    }
}
