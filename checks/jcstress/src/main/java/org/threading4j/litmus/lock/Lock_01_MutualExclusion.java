package org.threading4j.litmus.lock;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;
import org.threading4j.Lock;

/**
 * Claim: two critical sections of one {@link Lock} never overlap. Each actor does a non-atomic increment
 * (read, then write) of a plain field under the lock; the arbiter reads the field when both are done. If the
 * sections overlapped, both could read 0 and one update would be lost.
 *
 * <p>How to run: {@code java -jar checks/jcstress/target/jcstress.jar -t 'org\.threading4j\.litmus\.lock\.Lock_01'}
 *
 * <p>Observed (JDK 17, x86-64, 2 CPUs, CI settings {@code -m quick -sc false -iters 1 -time 200 -c 2}): 4,495,332 samples, all "2".
 */
@JCStressTest
@Outcome(id = "2", expect = ACCEPTABLE, desc = "the critical sections ran one after the other")
@Outcome(id = "1", expect = FORBIDDEN, desc = "both critical sections ran at once: an increment was lost")
@State
public class Lock_01_MutualExclusion {

    private final Lock lock = new Lock();
    private int x;

    @Actor
    public void actor1() {
        lock.acquire();
        int v = x;
        x = v + 1;
        lock.release();
    }

    @Actor
    public void actor2() {
        lock.acquire();
        int v = x;
        x = v + 1;
        lock.release();
    }

    @Arbiter
    public void arbiter(I_Result r) {
        r.r1 = x;
    }
}
