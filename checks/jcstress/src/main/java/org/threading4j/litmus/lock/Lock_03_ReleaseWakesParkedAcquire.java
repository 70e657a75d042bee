package org.threading4j.litmus.lock;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;
import org.threading4j.Lock;

/**
 * Claim: {@code release()} from another thread wakes a thread blocked in {@code acquire()}: no lost
 * wake-up. The lock is held from the start; the actor calls {@code acquire()} (jcstress signals only once the
 * actor has started, and usually it is parked by then); the signal releases the lock.
 *
 * <p>How to run: {@code java -jar checks/jcstress/target/jcstress.jar -t 'org\.threading4j\.litmus\.lock\.Lock_03'}
 *
 * <p>Observed (JDK 17, x86-64, 2 CPUs, CI settings {@code -m quick -sc false -iters 1 -time 200 -c 2}): 969 samples, all TERMINATED.
 */
@JCStressTest(Mode.Termination)
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the release woke the waiting acquire()")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "acquire() stayed blocked on a free lock: lost wake-up")
@State
public class Lock_03_ReleaseWakesParkedAcquire {

    private final Lock lock = new Lock();

    public Lock_03_ReleaseWakesParkedAcquire() {
        lock.acquire();
    }

    @Actor
    public void acquirer() {
        lock.acquire();
    }

    @Signal
    public void releaser() {
        lock.release();
    }
}
