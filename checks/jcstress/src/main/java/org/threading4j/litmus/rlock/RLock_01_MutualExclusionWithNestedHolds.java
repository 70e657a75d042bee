package org.threading4j.litmus.rlock;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;
import org.threading4j.RLock;

/**
 * Claim: an {@link RLock} held twice (nested) by one thread excludes other threads until the outer release:
 * the inner release does not free it. Each actor acquires twice, increments a plain field between the inner
 * and the outer release (where only the outer hold protects it), and releases; the arbiter reads the field.
 *
 * <p>How to run: {@code java -jar checks/jcstress/target/jcstress.jar -t 'org\.threading4j\.litmus\.rlock\.RLock_01'}
 *
 * <p>Observed (JDK 17, x86-64, 2 CPUs, CI settings {@code -m quick -sc false -iters 1 -time 200 -c 2}): 2,608,601 samples, all "2".
 */
@JCStressTest
@Outcome(id = "2", expect = ACCEPTABLE, desc = "the critical sections ran one after the other")
@Outcome(id = "1", expect = FORBIDDEN, desc = "the inner release let the other thread in: an increment was lost")
@State
public class RLock_01_MutualExclusionWithNestedHolds {

    private final RLock lock = new RLock();
    private int x;

    @Actor
    public void actor1() {
        lock.acquire();
        lock.acquire();
        lock.release(); // still held once
        int v = x;
        x = v + 1;
        lock.release();
    }

    @Actor
    public void actor2() {
        lock.acquire();
        lock.acquire();
        lock.release();
        int v = x;
        x = v + 1;
        lock.release();
    }

    @Arbiter
    public void arbiter(I_Result r) {
        r.r1 = x;
    }
}
