package org.threading4j.litmus.barrier;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;
import org.threading4j.Barrier;

/**
 * Claim: a party's writes before {@code await()} are visible to the action and, after the trip, to every
 * party; the action's writes are visible to every party after the trip. Plain fields only: the barrier is
 * the only synchronisation.
 *
 * <p>r1: what party 1 reads of party 2's write after the trip; r2: the reverse; r3: what the action saw of
 * both writes (x + y) as read back by party 1; r4: the two arrival indices as {@code 10 * i1 + i2}, which must
 * be 0 and 1 in either order.
 *
 * <p>Run: {@code java -jar checks/jcstress/target/jcstress.jar -t Barrier_01 -m quick}.
 */
@JCStressTest
@Outcome(id = "1, 1, 2, 1", expect = ACCEPTABLE, desc = "each party sees the other's write, the action saw both; party 1 arrived first")
@Outcome(id = "1, 1, 2, 10", expect = ACCEPTABLE, desc = "each party sees the other's write, the action saw both; party 2 arrived first")
@Outcome(expect = FORBIDDEN, desc = "a write before await() was not visible across the barrier, or an index was given twice")
@State
public class Barrier_01_WritesBeforeAwaitVisibleAfterTrip {

    int x;
    int y;
    int seenByAction;
    int index1;
    int index2;
    final Barrier barrier = new Barrier(2, () -> seenByAction = x + y);

    @Actor
    public void party1(IIII_Result r) {
        x = 1;
        index1 = await();
        r.r1 = y;
        r.r3 = seenByAction;
    }

    @Arbiter
    public void indices(IIII_Result r) {
        r.r4 = 10 * index1 + index2;
    }

    @Actor
    public void party2(IIII_Result r) {
        y = 1;
        index2 = await();
        r.r2 = x;
    }

    private int await() {
        try {
            return barrier.await();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
