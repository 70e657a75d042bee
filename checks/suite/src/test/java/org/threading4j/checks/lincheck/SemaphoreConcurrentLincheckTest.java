package org.threading4j.checks.lincheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.jetbrains.lincheck.Lincheck;
import org.junit.jupiter.api.Test;
import org.threading4j.BoundedSemaphore;
import org.threading4j.Semaphore;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/**
 * Whole scenarios with real blocking under Lincheck's general-purpose model checker; the threads are
 * created inside the scenario, so Lincheck controls every interleaving of them. Lincheck treats a park as
 * possibly spurious, so a missing unpark cannot hang here (that is the stress test's and jcstress's job);
 * what these scenarios check is the final state once everybody is through, for every interleaving
 * explored: a waiter that re-checks wrongly, a permit counted twice or dropped, or a bound check racing
 * an increment shows up as a wrong value, a worker exception (rethrown here) or a hang with no way out.
 */
public class SemaphoreConcurrentLincheckTest {

    /** Four-thread scenarios cost about twice as much per invocation as three-thread ones. */
    private static int invocations(int threads) {
        return threads >= 4 ? LincheckBounds.SEMAPHORE_FOUR_THREADS : LincheckBounds.SEMAPHORE_THREE_THREADS;
    }

    @Test
    @Verifies(primitive = "Semaphore", property = "racing releases: two release() with two waiters let both through (JDK-6801020 shape)", tool = Tool.LINCHECK_CONCURRENT)
    void twoReleasesTwoWaiters() {
        int n = invocations(4);
        Lincheck.runConcurrentTest(n, () -> {
            Semaphore sem = new Semaphore(0);
            runAll(sem::acquire, sem::acquire, sem::release, sem::release);
            assertEquals(0, sem.value(), "permits left over or missing");
        });
        Evidence.explored(n, "invocations");
    }

    @Test
    @Verifies(primitive = "Semaphore", property = "release(2) with two waiters lets both through", tool = Tool.LINCHECK_CONCURRENT)
    void releaseTwoTwoWaiters() {
        int n = invocations(3);
        Lincheck.runConcurrentTest(n, () -> {
            Semaphore sem = new Semaphore(0);
            runAll(sem::acquire, sem::acquire, () -> sem.release(2));
            assertEquals(0, sem.value(), "permits left over or missing");
        });
        Evidence.explored(n, "invocations");
    }

    @Test
    @Verifies(primitive = "Semaphore", property = "barging: a tryAcquire racing a release and a waiter; permits conserved", tool = Tool.LINCHECK_CONCURRENT)
    void bargerWaiterRelease() {
        int n = invocations(3);
        Lincheck.runConcurrentTest(n, () -> {
            Semaphore sem = new Semaphore(0);
            boolean[] barged = new boolean[1];
            runAll(sem::acquire, () -> barged[0] = sem.tryAcquire(), () -> sem.release(2));
            assertEquals(barged[0] ? 0 : 1, sem.value(), "value + held must equal released");
        });
        Evidence.explored(n, "invocations");
    }

    @Test
    @Verifies(primitive = "BoundedSemaphore", property = "BoundedSemaphore(2) at value 1: two racing release() -> exactly one ISE", tool = Tool.LINCHECK_CONCURRENT)
    void boundedRacingReleases() {
        int n = invocations(2);
        Lincheck.runConcurrentTest(n, () -> {
            BoundedSemaphore sem = new BoundedSemaphore(2);
            sem.tryAcquire();
            int[] refused = new int[2];
            runAll(() -> refused[0] = releaseOrRefuse(sem), () -> refused[1] = releaseOrRefuse(sem));
            assertEquals(1, refused[0] + refused[1], "exactly one release must be refused");
            assertEquals(2, sem.value(), "value must be the bound");
        });
        Evidence.explored(n, "invocations");
    }

    private static int releaseOrRefuse(BoundedSemaphore sem) {
        try {
            sem.release();
            return 0;
        } catch (IllegalStateException e) {
            return 1;
        }
    }

    /** Runs each body in its own thread, joins them all, and rethrows the first worker failure. */
    static void runAll(Runnable... bodies) {
        List<Thread> threads = new ArrayList<>();
        Throwable[] failure = new Throwable[1];
        for (Runnable body : bodies) {
            threads.add(new Thread(() -> {
                try {
                    body.run();
                } catch (Throwable t) {
                    synchronized (failure) {
                        if (failure[0] == null) {
                            failure[0] = t;
                        }
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        synchronized (failure) {
            if (failure[0] != null) {
                throw new AssertionError("worker failed: " + failure[0], failure[0]);
            }
        }
    }
}
