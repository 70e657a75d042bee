package org.threading4j.checks.contract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.threading4j.Lock;
import org.threading4j.RLock;
import org.threading4j.Semaphore;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Threads;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.checks.support.Workers;

/**
 * Bounded unfairness, the deterministic half: a waiter that has waited over a millisecond is handed the lock
 * (or the permit) by the next release, so that a thread barging in right after that release finds it taken.
 * Without the hand-off the release frees the permit and the barging {@code tryAcquire}, which runs before the
 * woken waiter can even be scheduled, takes it.
 *
 * <p>The waiter is known to wait because it is parked on the primitive; "over a millisecond" is then a matter
 * of time passing, which is what it means (the hand-off age is {@code PermitSync.HANDOFF_NANOS}).
 */
public class HandOffContractTest {

    /** Comfortably past the 1 ms hand-off age, measured from when the waiter was seen parked. */
    private static final long WAITED_NANOS = 3_000_000L;

    /** A primitive with one permit, taken by the test thread, as the three calls the check needs. */
    private interface OnePermit {
        void acquire() throws InterruptedException;

        boolean tryAcquire();

        void release();
    }

    @Test
    @Verifies(primitive = "Lock", property = "bounded unfairness: a waiter parked over a millisecond is handed the lock by the next release; a thread barging in right after it finds the lock taken", tool = Tool.CONTRACT)
    public void lockHandsOffToALongWaiter() throws InterruptedException {
        Lock lock = new Lock();
        check(lock, new OnePermit() {
            @Override public void acquire() { lock.acquire(); }
            @Override public boolean tryAcquire() { return lock.tryAcquire(); }
            @Override public void release() { lock.release(); }
        });
    }

    @Test
    @Verifies(primitive = "RLock", property = "bounded unfairness: a waiter parked over a millisecond is handed the lock by the owner's last release; a thread barging in right after it finds the lock taken", tool = Tool.CONTRACT)
    public void rlockHandsOffToALongWaiter() throws InterruptedException {
        RLock lock = new RLock();
        check(lock, new OnePermit() {
            @Override public void acquire() { lock.acquire(); }
            @Override public boolean tryAcquire() { return lock.tryAcquire(); }
            @Override public void release() { lock.release(); }
        });
    }

    @Test
    @Verifies(primitive = "Semaphore", property = "bounded unfairness: a waiter parked over a millisecond is handed the released permit; a thread barging in right after finds none", tool = Tool.CONTRACT)
    public void semaphoreHandsOffToALongWaiter() throws InterruptedException {
        Semaphore sem = new Semaphore(1);
        check(sem, new OnePermit() {
            @Override public void acquire() { sem.acquire(); }
            @Override public boolean tryAcquire() { return sem.tryAcquire(); }
            @Override public void release() { sem.release(); }
        });
    }

    private static void check(Object primitive, OnePermit p) throws InterruptedException {
        p.acquire();
        AtomicBoolean waiterGotIt = new AtomicBoolean();
        CountDownLatch checked = new CountDownLatch(1);
        Workers w = Workers.start("hand-off-waiter", 1, id -> {
            p.acquire();
            waiterGotIt.set(true);
            checked.await(); // keep the permit until the barging attempt is over, or a quick release would free it
            p.release();
        });
        Threads.awaitParked(w.threads().get(0), primitive);
        long parkedAt = System.nanoTime();
        while (System.nanoTime() - parkedAt < WAITED_NANOS) {
            Thread.sleep(1); // the waiter must have waited over the hand-off age: time passing is the point
        }
        p.release();
        boolean barged = p.tryAcquire();
        if (barged) {
            p.release(); // let the waiter finish before failing
        }
        checked.countDown();
        w.join(Threads.GENEROUS);
        assertFalse(barged, "a thread barging in right after the release took it from a waiter parked for over 1 ms");
        assertTrue(waiterGotIt.get());
        Evidence.explored(1, "hand-off");
    }
}
