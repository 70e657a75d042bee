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
 * Claim: an interrupt wakes a thread blocked in {@code acquireInterruptibly()} on a lock that is never
 * released, and the call ends (with {@code InterruptedException}, or at once if the interrupt came first).
 * The lock is held from the start and never released; the signal interrupts the actor.
 *
 * <p>How to run: {@code java -jar checks/jcstress/target/jcstress.jar -t 'org\.threading4j\.litmus\.lock\.Lock_04'}
 *
 * <p>Observed (JDK 17, x86-64, 2 CPUs, CI settings {@code -m quick -sc false -iters 1 -time 200 -c 2}): 916 samples, all TERMINATED.
 */
@JCStressTest(Mode.Termination)
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the interrupt ended the wait")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "acquireInterruptibly() ignored the interrupt and stayed blocked")
@Outcome(id = "ERROR", expect = FORBIDDEN, desc = "acquireInterruptibly() returned normally on a lock that is never released")
@State
public class Lock_04_InterruptWakesAcquireInterruptibly {

    private final Lock lock = new Lock();
    private volatile Thread waiter;

    public Lock_04_InterruptWakesAcquireInterruptibly() {
        lock.acquire(); // never released
    }

    @Actor
    public void waiter() {
        waiter = Thread.currentThread();
        try {
            lock.acquireInterruptibly();
            throw new IllegalStateException("acquired a lock that is never released");
        } catch (InterruptedException expected) {
            // the claim
        }
    }

    @Signal
    public void interrupter() {
        Thread t;
        while ((t = waiter) == null) {
            Thread.onSpinWait(); // the actor has started (jcstress signals after that); it is about to publish itself
        }
        t.interrupt();
    }
}
