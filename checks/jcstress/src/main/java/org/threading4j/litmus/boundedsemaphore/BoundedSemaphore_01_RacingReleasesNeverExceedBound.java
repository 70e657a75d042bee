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
 * {@code BoundedSemaphore(2)} at value 1; two threads {@code release()} at once. The bound check and the
 * increment are one atomic step, so exactly one release succeeds (1) and the other is refused with
 * {@code IllegalStateException} (0), and the value ends at the bound, never above it.
 *
 * <p>Run: {@code java -jar checks/jcstress/target/jcstress.jar -t 'litmus\.boundedsemaphore\.' -m quick -sc false -iters 1 -time 200 -c 2}
 */
@JCStressTest
@Outcome(id = {"1, 0, 2", "0, 1, 2"}, expect = ACCEPTABLE, desc = "exactly one release succeeded; value is the bound")
@Outcome(id = "1, 1, 3", expect = FORBIDDEN, desc = "both releases passed the bound check: value above the bound")
@Outcome(expect = FORBIDDEN, desc = "both refused, or the value is not the bound")
@State
public class BoundedSemaphore_01_RacingReleasesNeverExceedBound {

    final BoundedSemaphore sem = new BoundedSemaphore(2);

    public BoundedSemaphore_01_RacingReleasesNeverExceedBound() {
        sem.tryAcquire();
    }

    @Actor
    public void release1(III_Result r) {
        r.r1 = releaseOrRefuse();
    }

    @Actor
    public void release2(III_Result r) {
        r.r2 = releaseOrRefuse();
    }

    @Arbiter
    public void value(III_Result r) {
        r.r3 = sem.value();
    }

    private int releaseOrRefuse() {
        try {
            sem.release();
            return 1;
        } catch (IllegalStateException refused) {
            return 0;
        }
    }
}
