package org.threading4j.checks.support;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;

/**
 * Runs a group of worker threads under a watchdog: every worker's exception is collected and rethrown, and
 * workers that have not finished by the deadline turn into an {@link AssertionError} carrying a full
 * thread dump (with each parked thread's blocker), so a hang is a failure within bounded time, never a
 * stuck build. Hung workers are interrupted and left as daemons. Workers are targets of
 * {@link StrayUnparks} while it runs.
 */
public final class Workers {

    /** A worker body; {@code id} is 0 .. n-1. */
    @FunctionalInterface
    public interface Body {
        void run(int id) throws Exception;
    }

    private final List<Thread> threads = new ArrayList<>();
    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private final String name;

    private Workers(String name) {
        this.name = name;
    }

    /** Starts {@code n} platform threads running {@code body} and returns the group, for {@link #join}. */
    public static Workers start(String name, int n, Body body) {
        return start(name, n, body, r -> new Thread(r));
    }

    /** Like {@link #start(String, int, Body)}, with threads from {@code factory} (e.g. virtual threads). */
    public static Workers start(String name, int n, Body body, ThreadFactory factory) {
        Workers w = new Workers(name);
        for (int i = 0; i < n; i++) {
            int id = i;
            Thread t = factory.newThread(() -> {
                try {
                    body.run(id);
                } catch (Throwable e) {
                    w.failures.add(e);
                }
            });
            t.setName(name + "-" + id);
            t.setDaemon(true);
            StrayUnparks.register(t); // a target of stray unparks, if that injector runs
            w.threads.add(t);
        }
        for (Thread t : w.threads) {
            t.start();
        }
        return w;
    }

    /** Runs {@code n} workers and waits for them: {@code start(name, n, body).join(limit)}. */
    public static void run(String name, int n, Duration limit, Body body) {
        start(name, n, body).join(limit);
    }

    /** The worker threads, in id order. */
    public List<Thread> threads() {
        return threads;
    }

    /**
     * Waits for every worker, at most {@code limit} in all; then rethrows the first worker failure (others
     * suppressed), or fails with a thread dump if some worker is still running.
     */
    public void join(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        for (Thread t : threads) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    t.join(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(name + ": interrupted while joining workers", e);
            }
        }
        List<Thread> alive = new ArrayList<>();
        for (Thread t : threads) {
            if (t.isAlive()) {
                alive.add(t);
            }
        }
        if (!alive.isEmpty()) {
            String dump = threadDump();
            for (Thread t : alive) {
                t.interrupt();
            }
            AssertionError hang = new AssertionError(name + ": " + alive.size() + " of " + threads.size()
                    + " workers still running after " + limit + " (hang or lost wake-up)\n" + dump);
            failures.forEach(hang::addSuppressed);
            throw hang;
        }
        rethrowFailures();
    }

    private void rethrowFailures() {
        Throwable first = failures.poll();
        if (first == null) {
            return;
        }
        failures.forEach(first::addSuppressed);
        if (first instanceof Error) {
            throw (Error) first;
        }
        if (first instanceof RuntimeException) {
            throw (RuntimeException) first;
        }
        throw new AssertionError(name + ": worker failed", first);
    }

    /** A dump of every platform thread with its state, lock/blocker and stack. */
    public static String threadDump() {
        StringBuilder sb = new StringBuilder("---- thread dump ----\n");
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
            sb.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState());
            if (info.getLockName() != null) {
                sb.append(" on ").append(info.getLockName());
            }
            sb.append('\n');
            for (StackTraceElement e : info.getStackTrace()) {
                sb.append("    at ").append(e).append('\n');
            }
        }
        return sb.toString();
    }
}
