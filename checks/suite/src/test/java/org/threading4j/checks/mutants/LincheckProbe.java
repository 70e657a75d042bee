package org.threading4j.checks.mutants;

import java.util.ArrayList;
import java.util.List;
import org.jetbrains.lincheck.Lincheck;
import org.threading4j.Lock;
import org.threading4j.checks.support.Depth;

/**
 * Lincheck checks for the mutant framework's own controls: they show that Lincheck runs, and instruments the
 * mutant's library, in the JVM {@link Catch} forks for a check. A check is a no-argument method, as {@link Catch} requires.
 */
public class LincheckProbe {

    /**
     * Model checking (all interleavings up to the bound) of two threads that each acquire the Lock, bump a
     * plain counter and release: mutual exclusion, and both finish.
     */
    void mutualExclusion() {
        Lincheck.runConcurrentTest(Depth.pick(300, 10_000), () -> {
            Lock lock = new Lock();
            int[] counter = new int[1];
            List<Throwable> failures = new ArrayList<>();
            Thread[] threads = new Thread[2];
            for (int i = 0; i < threads.length; i++) {
                threads[i] = new Thread(() -> {
                    try {
                        lock.acquire();
                        int seen = counter[0];
                        counter[0] = seen + 1;
                        lock.release();
                    } catch (Throwable t) {
                        synchronized (failures) {
                            failures.add(t);
                        }
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
            synchronized (failures) {
                if (!failures.isEmpty()) { // runConcurrentTest ignores exceptions of threads it did not start
                    throw new AssertionError("a worker failed: " + failures.get(0), failures.get(0));
                }
            }
            if (counter[0] != 2 || lock.locked()) {
                throw new AssertionError("mutual exclusion: counter " + counter[0] + ", locked " + lock.locked());
            }
        });
    }

    /** The library this check links against is the mutant's, not the one on the class path. */
    void libraryIsTheMutant() {
        String where = String.valueOf(Lock.class.getProtectionDomain().getCodeSource().getLocation());
        if (!where.contains("/mutants/")) {
            throw new AssertionError("Lock was loaded from " + where + ", not from the mutant's classes");
        }
    }
}
