package org.threading4j.litmus.boundedsemaphore;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.threading4j.BoundedSemaphore;

/**
 * {@code BoundedSemaphore(3)} with every permit taken (value 0); two threads {@code release(2)} at once.
 * Only one fits: it succeeds and the other is refused whole (all or nothing), so the value ends at 2,
 * never 3 (a partial release) nor 4 (above the bound).
 *
 * <p>Run: {@code java -jar checks/jcstress/target/jcstress.jar -t 'litmus\.boundedsemaphore\.' -m quick -sc false -iters 1 -time 200 -c 2}
 */
@JCStressTest
@Outcome(id = {"1, 0, 2", "0, 1, 2"}, expect = ACCEPTABLE, desc = "one release(2) succeeded, the other released nothing")
@Outcome(id = {"1, 1, 4", "1, 0, 3", "0, 1, 3"}, expect = FORBIDDEN, desc = "above the bound, or a refused release(2) released part")
@Outcome(expect = FORBIDDEN, desc = "both refused, or permits lost")
@State
public class BoundedSemaphore_02_ReleaseNAllOrNothing {

    final BoundedSemaphore sem = new BoundedSemaphore(3);

    public BoundedSemaphore_02_ReleaseNAllOrNothing() {
        sem.tryAcquire();
        sem.tryAcquire();
        sem.tryAcquire();
    }

    @Actor
    public void release1(III_Result r) {
        r.r1 = releaseTwo();
    }

    @Actor
    public void release2(III_Result r) {
        r.r2 = releaseTwo();
    }

    @Arbiter
    public void value(III_Result r) {
        r.r3 = sem.value();
    }

    private int releaseTwo() {
        try {
            sem.release(2);
            return 1;
        } catch (IllegalStateException refused) {
            return 0;
        }
    }
}
