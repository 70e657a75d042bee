package org.threading4j.checks.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Controls for {@link StrayUnparks}: its unparks really reach the check's threads (a thread parked with no
 * reason to wake returns from {@code park} again and again), both the registered and the discovered ones,
 * it leaves threads that were alive before its scope alone, and it keeps to its rate. These run whether or
 * not the switch is on: each opens its own scope.
 */
class StrayUnparksTest {

    /** What the parkers below park on; nothing ever unparks them except the injector. */
    private static final Object NOTHING = new Object();

    /** Parks in a loop until {@code stop}, counting the returns from park into {@code returns[slot]}. */
    private static void parkLoop(AtomicLongArray returns, int slot, AtomicLongArray stop) {
        while (stop.get(0) == 0) {
            LockSupport.park(NOTHING);
            returns.incrementAndGet(slot);
        }
    }

    @Test
    @Verifies(primitive = "harness", property = "stray unparks reach the check's threads: parked threads return from park without a reason", tool = Tool.STRESS)
    void unparksReachRegisteredAndDiscoveredThreads() throws InterruptedException {
        AtomicLongArray returns = new AtomicLongArray(3);
        AtomicLongArray stop = new AtomicLongArray(1);
        // slot 2: alive before the scope opened, so never a target
        Thread bystander = Threads.startDaemon("bystander", () -> parkLoop(returns, 2, stop));
        Threads.awaitParked(bystander, NOTHING);
        long bystanderBefore = returns.get(2);
        long made;
        try (StrayUnparks strays = StrayUnparks.start(20_000)) {
            Workers registered = Workers.start("registered-parker", 1, id -> parkLoop(returns, 0, stop));
            Thread discovered = Threads.startDaemon("discovered-parker", () -> parkLoop(returns, 1, stop));
            Threads.awaitCondition("both parkers return from park at least 100 times each",
                    () -> returns.get(0) >= 100 && returns.get(1) >= 100);
            Threads.awaitCondition("the injector's scan has found the discovered thread",
                    () -> strays.isTarget(discovered));
            assertTrue(strays.isTarget(registered.threads().get(0)), "a Workers thread is a target");
            assertTrue(strays.isTarget(Thread.currentThread()), "the thread that opened the scope is a target");
            assertFalse(strays.isTarget(bystander), "a thread alive before the scope opened is not a target");
            stop.set(0, 1);
            LockSupport.unpark(discovered);
            for (Thread t : registered.threads()) {
                LockSupport.unpark(t);
            }
            registered.join(Threads.GENEROUS);
            discovered.join(Threads.GENEROUS.toMillis());
            strays.close();
            made = strays.count();
            System.out.println("[stray-unparks] control: " + strays.summary() + "; park returns: registered "
                    + returns.get(0) + ", discovered " + returns.get(1));
        } finally {
            stop.set(0, 1);
            LockSupport.unpark(bystander);
        }
        assertTrue(made >= returns.get(0) + returns.get(1) - 2,
                "every return from park of a parker was caused by one of the " + made + " stray unparks");
        // the bystander parked throughout; a return would have to be a JVM-level spurious wake-up, which the
        // injector's scope must not add to: allow one, not hundreds
        bystander.join(Threads.GENEROUS.toMillis());
        assertTrue(returns.get(2) - bystanderBefore <= 2, "the bystander returned from park "
                + (returns.get(2) - bystanderBefore) + " times while the injector ran");
        Evidence.explored(made, "stray unparks");
        Evidence.explored(returns.get(0) + returns.get(1), "returns from park without a reason");
    }

    @Test
    @Verifies(primitive = "harness", property = "stray unparks keep to their rate (never more, and not far fewer)", tool = Tool.STRESS)
    void keepsToItsRate() throws InterruptedException {
        int rate = 10_000;
        AtomicLongArray returns = new AtomicLongArray(1);
        AtomicLongArray stop = new AtomicLongArray(1);
        long made;
        double seconds;
        try (StrayUnparks strays = StrayUnparks.start(rate)) {
            long t0 = System.nanoTime();
            Workers parker = Workers.start("rate-parker", 1, id -> parkLoop(returns, 0, stop));
            Threads.awaitCondition("the parker is a target", () -> strays.isTarget(parker.threads().get(0)));
            // a measuring interval, not synchronisation; this thread is a target too, so park returns early
            for (long end = System.nanoTime() + 500_000_000L, left; (left = end - System.nanoTime()) > 0; ) {
                LockSupport.parkNanos(left);
            }
            stop.set(0, 1);
            LockSupport.unpark(parker.threads().get(0));
            parker.join(Threads.GENEROUS);
            strays.close();
            seconds = (System.nanoTime() - t0) / 1e9;
            made = strays.count();
            System.out.println("[stray-unparks] rate control: " + strays.summary());
        }
        // by construction it never owes more than rate x elapsed; the lower bound is loose for a loaded box
        assertTrue(made <= rate * seconds + 1, made + " unparks in " + seconds + " s exceed the rate " + rate);
        assertTrue(made >= rate * seconds * 0.25, made + " unparks in " + seconds + " s: far below the rate " + rate);
        Evidence.explored(made, "stray unparks");
    }
}
