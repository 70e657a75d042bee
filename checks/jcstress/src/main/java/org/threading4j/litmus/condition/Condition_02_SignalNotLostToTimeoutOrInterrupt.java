package org.threading4j.litmus.condition;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.time.Duration;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;
import org.threading4j.Condition;
import org.threading4j.Lock;

/**
 * One signal, three waiters: a helper with a tiny timeout, a helper that is interrupted at the moment of the
 * signal, and the actor, which waits with no timeout. Once all three are in, the signal thread interrupts
 * the one helper and sends one {@code signal()} while the other helper's deadline passes; then it lets both
 * helpers finish. A helper that returned normally took the signal, and only then is the actor woken by a
 * second, clean-up signal. If neither helper took it, the first signal must have reached the actor: a
 * helper that timed out or threw while swallowing the signal leaves the actor parked (STALE). If both
 * helpers returned normally, one signal woke two: no clean-up is sent, so that is STALE too.
 *
 * <p>Run: {@code java -jar checks/jcstress/target/jcstress.jar -t 'litmus\.condition\.' -m quick -sc false -iters 1 -time 200 -c 2}
 */
@JCStressTest(Mode.Termination)
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the signal went to exactly one waiter that returned normally")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "lost (or doubled) signal: a waiter that gave up used it up, the actor stayed parked")
@State
public class Condition_02_SignalNotLostToTimeoutOrInterrupt {

    final Condition condition = new Condition(new Lock());
    /** Waiters inside the condition; guarded by the lock. */
    int arrived;
    /** Per helper: returned normally (took a signal). Written before the helper ends; read after join. */
    final boolean[] took = new boolean[2];
    final Thread[] helpers = new Thread[2];

    @Actor
    public void waiter() {
        helpers[0] = helper(0);
        helpers[1] = helper(1);
        condition.acquire();
        arrived++;
        for (;;) {
            try {
                condition.await();
                break;
            } catch (InterruptedException e) {
                // jcstress interrupts stale actors: staying stuck is the verdict
            }
        }
        condition.release();
    }

    private Thread helper(int id) {
        Thread t = new Thread(() -> {
            condition.acquire();
            arrived++;
            try {
                if (id == 0) {
                    took[0] = condition.await(Duration.ofNanos(20_000));
                } else {
                    condition.await();
                    took[1] = true;
                }
            } catch (InterruptedException e) {
                took[id] = false;
            } finally {
                condition.release();
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Signal
    public void signal() throws InterruptedException {
        for (;;) { // until the actor and both helpers are in
            condition.acquire();
            if (arrived == 3) {
                break;
            }
            condition.release();
            Thread.onSpinWait();
        }
        helpers[1].interrupt();
        condition.signal();
        condition.release();
        helpers[0].join();
        helpers[1].join();
        int taken = (took[0] ? 1 : 0) + (took[1] ? 1 : 0);
        if (taken == 1) {
            condition.acquire();
            condition.signal(); // the actor's own wake-up
            condition.release();
        }
    }
}
