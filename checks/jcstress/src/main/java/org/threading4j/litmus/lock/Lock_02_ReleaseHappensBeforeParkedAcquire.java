package org.threading4j.litmus.lock;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.threading4j.Lock;

/**
 * Claim: writes before {@code release()} are visible after the next {@code acquire()} also when the lock
 * passes through a waiter: the acquirer found the lock taken ({@code tryAcquire()} failed) and waited in
 * {@code acquire()}, where it usually parks (or is handed the lock). The lock is held from the start; the releaser writes {@code a} and {@code b} (after a short spin,
 * so that the acquirer usually arrives first) and releases; the acquirer tries once, records whether it had
 * to wait, then acquires and reads {@code b}, then {@code a}. Any result without both writes is forbidden.
 *
 * <p>How to run: {@code java -jar checks/jcstress/target/jcstress.jar -t 'org\.threading4j\.litmus\.lock\.Lock_02'}
 *
 * <p>Observed (JDK 17, x86-64, 2 CPUs, CI settings {@code -m quick -sc false -iters 1 -time 200 -c 2}): "1, 1, 1" (waited) 666,418 and "1, 1, 0" 615,585 samples; nothing forbidden.
 */
@JCStressTest
@Outcome(id = "1, 1, 1", expect = ACCEPTABLE, desc = "the acquirer found the lock taken, waited for the release, and sees both writes")
@Outcome(id = "1, 1, 0", expect = ACCEPTABLE, desc = "the release came first; the acquirer sees both writes")
@Outcome(id = "0, .*", expect = FORBIDDEN, desc = "the acquirer missed a write made before the release")
@Outcome(id = "1, 0, .*", expect = FORBIDDEN, desc = "the acquirer missed a write made before the release")
@State
public class Lock_02_ReleaseHappensBeforeParkedAcquire {

    private final Lock lock = new Lock();
    private int a;
    private int b;

    public Lock_02_ReleaseHappensBeforeParkedAcquire() {
        lock.acquire(); // held at the start: the acquirer must wait for the releaser
    }

    @Actor
    public void releaser() {
        for (int i = 0; i < 200; i++) {
            Thread.onSpinWait(); // let the acquirer get to its wait first, most of the time
        }
        a = 1;
        b = 1;
        lock.release();
    }

    @Actor
    public void acquirer(III_Result r) {
        boolean waited = !lock.tryAcquire();
        if (waited) {
            lock.acquire();
        }
        r.r1 = b;
        r.r2 = a;
        r.r3 = waited ? 1 : 0;
        lock.release();
    }
}
