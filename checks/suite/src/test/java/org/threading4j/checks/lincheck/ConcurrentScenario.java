package org.threading4j.checks.lincheck;

/**
 * Threads for a {@code Lincheck.runConcurrentTest} block. Lincheck does not fail a test when a thread it
 * controls dies with an exception, so each thread's throwable is caught and rethrown by
 * {@link #joinAll} after the join, where it fails the invocation.
 */
final class ConcurrentScenario {

    /** A thread body that may throw. */
    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    private final Thread[] threads;
    private final Throwable[] failures;

    private ConcurrentScenario(Body... bodies) {
        threads = new Thread[bodies.length];
        failures = new Throwable[bodies.length];
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
    }

    /** Starts one thread per body. */
    static ConcurrentScenario start(Body... bodies) {
        ConcurrentScenario s = new ConcurrentScenario(bodies);
        for (Thread t : s.threads) {
            t.start();
        }
        return s;
    }

    /** Joins every thread, then rethrows the first thread failure as an AssertionError. */
    void joinAll() {
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new AssertionError("interrupted while joining", e);
            }
        }
        for (int i = 0; i < failures.length; i++) {
            if (failures[i] != null) {
                throw new AssertionError("thread " + i + " failed: " + failures[i], failures[i]);
            }
        }
    }

    static void require(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }
}
