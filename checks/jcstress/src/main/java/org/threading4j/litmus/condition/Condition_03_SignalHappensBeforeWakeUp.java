package org.threading4j.litmus.condition;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;
import org.threading4j.Condition;
import org.threading4j.RLock;

/**
 * A plain field written before {@code signal()} (under the lock) is seen by the waiter after its
 * {@code await()} returns: the condition's memory effects are those of its lock, released and reacquired
 * by the wait. The field is written outside the guard flag's check on purpose ({@code data} is separate from
 * {@code ready}).
 *
 * <p>Run: {@code java -jar checks/jcstress/target/jcstress.jar -t 'litmus\.condition\.' -m quick -sc false -iters 1 -time 200 -c 2}
 */
@JCStressTest
@Outcome(id = "42", expect = ACCEPTABLE, desc = "the waiter sees the write made before signal()")
@Outcome(id = "0", expect = FORBIDDEN, desc = "await() returned without the signaller's writes visible")
@State
public class Condition_03_SignalHappensBeforeWakeUp {

    final Condition condition = new Condition(new RLock());
    int data;
    boolean ready;

    @Actor
    public void signaller() {
        condition.acquire();
        data = 42;
        ready = true;
        condition.signal();
        condition.release();
    }

    @Actor
    public void waiter(I_Result r) {
        condition.acquire();
        try {
            while (!ready) {
                condition.await();
            }
            r.r1 = data;
        } catch (InterruptedException e) {
            r.r1 = -1;
        } finally {
            condition.release();
        }
    }
}
