package org.threading4j.litmus.semaphore;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;
import org.threading4j.Semaphore;

/**
 * A blocking {@code acquire()} on {@code Semaphore(0)} against one {@code release()}: whether the release
 * lands before the waiter looks, while it enqueues, or after it parked, the waiter must get through. A lost
 * wake-up leaves it parked with the permit free: STALE.
 *
 * <p>Run: {@code java -jar checks/jcstress/target/jcstress.jar -t 'litmus\.semaphore\.' -m quick -sc false -iters 1 -time 200 -c 2}
 */
@JCStressTest(Mode.Termination)
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the release woke (or pre-empted) the waiter, which took the permit")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "lost wake-up: the waiter stays parked while a permit is free")
@State
public class Semaphore_02_ReleaseWakesParkedWaiter {

    final Semaphore sem = new Semaphore(0);

    @Actor
    public void waiter() {
        sem.acquire(); // not interruptible: only the permit can end this actor
    }

    @Signal
    public void release() {
        sem.release();
    }
}
