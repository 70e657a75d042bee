package org.threading4j.litmus.semaphore;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.time.Duration;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.threading4j.Semaphore;

/**
 * A waiter with a very short timeout (20 us) against one {@code release()} on {@code Semaphore(0)}: the
 * release often lands just as the deadline passes. Either the waiter took the permit and says so, or it
 * timed out and the permit is still free: never both, never neither.
 *
 * <p>Run: {@code java -jar checks/jcstress/target/jcstress.jar -t 'litmus\.semaphore\.' -m quick -sc false -iters 1 -time 200 -c 2}
 */
@JCStressTest
@Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "the waiter took the permit and reported success")
@Outcome(id = "0, 1", expect = ACCEPTABLE, desc = "the waiter timed out owning nothing; the permit is free")
@Outcome(id = "1, 1", expect = FORBIDDEN, desc = "doubled permit: the waiter reported success and the permit is still free")
@Outcome(id = "0, 0", expect = FORBIDDEN, desc = "lost permit: the waiter timed out and the permit is gone")
@Outcome(expect = FORBIDDEN, desc = "interrupted or impossible")
@State
public class Semaphore_03_TimedWaiterNeitherLosesNorDoublesPermit {

    final Semaphore sem = new Semaphore(0);

    @Actor
    public void waiter(II_Result r) {
        try {
            r.r1 = sem.tryAcquire(Duration.ofNanos(20_000)) ? 1 : 0;
        } catch (InterruptedException e) {
            r.r1 = -1;
        }
    }

    @Actor
    public void releaser() {
        sem.release();
    }

    @Arbiter
    public void value(II_Result r) {
        r.r2 = sem.value();
    }
}
