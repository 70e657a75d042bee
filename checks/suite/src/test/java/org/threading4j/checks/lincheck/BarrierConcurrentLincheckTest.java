package org.threading4j.checks.lincheck;

import org.jetbrains.lincheck.Lincheck;
import org.junit.jupiter.api.Test;
import org.threading4j.Barrier;
import org.threading4j.BrokenBarrierException;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/**
 * Several-party cycles under Lincheck's general-purpose model checker: every interleaving it explores must
 * end (a hang is reported as a failure) with the results the barrier promises. Worker exceptions are
 * collected and rethrown from the test thread.
 */
public class BarrierConcurrentLincheckTest {

    private static final int INVOCATIONS = LincheckBounds.BARRIER_CONCURRENT;

    /** Runs the bodies in fresh threads and waits for them; rethrows the first failure. */
    static void parallel(Runnable... bodies) {
        Thread[] threads = new Thread[bodies.length];
        Throwable[] failures = new Throwable[bodies.length];
        for (int i = 0; i < bodies.length; i++) {
            int id = i;
            threads[i] = new Thread(() -> {
                try {
                    bodies[id].run();
                } catch (Throwable t) {
                    failures[id] = t;
                }
            });
        }
        for (Thread t : threads) {
            t.start();
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        for (Throwable f : failures) {
            if (f instanceof Error) {
                throw (Error) f;
            }
            if (f != null) {
                throw new AssertionError("worker failed", f);
            }
        }
    }

    interface Call {
        int await() throws InterruptedException;
    }

    /** An await that reports BrokenBarrierException as -1. */
    static int await(Call c) {
        try {
            return c.await();
        } catch (BrokenBarrierException e) {
            return -1;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @Verifies(primitive = "Barrier", property = "two cycles back to back: indices {0,1} per cycle, no cycle leaks into the next (drain)",
            tool = Tool.LINCHECK_CONCURRENT)
    void twoPartiesTwoCycles() {
        Lincheck.runConcurrentTest(INVOCATIONS, () -> {
            Barrier b = new Barrier(2);
            int[] a = new int[2];
            int[] c = new int[2];
            parallel(() -> {
                a[0] = await(b::await);
                a[1] = await(b::await);
            }, () -> {
                c[0] = await(b::await);
                c[1] = await(b::await);
            });
            for (int cycle = 0; cycle < 2; cycle++) {
                if (a[cycle] + c[cycle] != 1 || a[cycle] == c[cycle]) {
                    throw new AssertionError("cycle " + cycle + ": indices " + a[cycle] + " and " + c[cycle]);
                }
            }
        });
        Evidence.explored(INVOCATIONS, "invocations");
    }

    @Test
    @Verifies(primitive = "Barrier", property = "the action runs once, after every arrival and before every return",
            tool = Tool.LINCHECK_CONCURRENT)
    void threePartiesWithAction() {
        Lincheck.runConcurrentTest(INVOCATIONS, () -> {
            int[] data = new int[3];
            int[] runs = new int[1];
            int[] sum = new int[1];
            Barrier b = new Barrier(3, () -> {
                runs[0]++;
                sum[0] = data[0] + data[1] + data[2];
            });
            int[] index = new int[3];
            Runnable[] bodies = new Runnable[3];
            for (int i = 0; i < 3; i++) {
                int id = i;
                bodies[i] = () -> {
                    data[id] = 1;
                    index[id] = await(b::await);
                    if (runs[0] != 1 || sum[0] != 3) {
                        throw new AssertionError("party " + id + " saw runs=" + runs[0] + " sum=" + sum[0]);
                    }
                };
            }
            parallel(bodies);
            if (index[0] + index[1] + index[2] != 3 || index[0] == index[1] || index[1] == index[2]
                    || index[0] == index[2]) {
                throw new AssertionError("indices " + index[0] + ", " + index[1] + ", " + index[2]);
            }
        });
        Evidence.explored(INVOCATIONS, "invocations");
    }

    @Test
    @Verifies(primitive = "Barrier", property = "reset then abort racing a cycle: everyone returns or gets BrokenBarrierException, no hang",
            tool = Tool.LINCHECK_CONCURRENT)
    void resetAndAbortRaceACycle() {
        Lincheck.runConcurrentTest(INVOCATIONS, () -> {
            Barrier b = new Barrier(2);
            int[] r = new int[2];
            parallel(() -> r[0] = await(b::await), () -> r[1] = await(b::await), () -> {
                b.reset();
                b.abort();
            });
            if (r[0] >= 0 && r[1] >= 0 && r[0] + r[1] != 1) {
                throw new AssertionError("indices " + r[0] + " and " + r[1]);
            }
            if (r[0] == r[1] && r[0] >= 0) {
                throw new AssertionError("both returned index " + r[0]);
            }
            if (!b.isBroken()) {
                throw new AssertionError("abort() came last, yet the barrier is not broken");
            }
        });
        Evidence.explored(INVOCATIONS, "invocations");
    }
}
