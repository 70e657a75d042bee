package org.threading4j.checks.subjects;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import org.threading4j.checks.support.Threads;
import org.threading4j.checks.support.Workers;

/**
 * Numbered callers for contract tests of the real primitives, matching the specs' caller ids: caller 0 is
 * the test thread itself, callers 1, 2, ... are dedicated daemon threads (one each, kept for the test's
 * life, so thread identity such as an RLock's owner persists). {@link #as} runs one call as a caller and
 * waits for it, bounded by {@link Threads#GENEROUS}; the call's exception is rethrown unchanged.
 */
public final class Callers implements AutoCloseable {

    /** A call made by one caller. */
    @FunctionalInterface
    public interface Call<T> {
        T call() throws Exception;
    }

    private final ExecutorService[] helpers;

    public Callers(int helperCount) {
        helpers = new ExecutorService[helperCount + 1];
        for (int i = 1; i <= helperCount; i++) {
            int id = i;
            helpers[i] = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "caller-" + id);
                t.setDaemon(true);
                return t;
            });
        }
    }

    /** Runs {@code call} as {@code caller} and returns its result, or rethrows what it threw. */
    public <T> T as(int caller, Call<T> call) throws InterruptedException {
        if (caller == 0) {
            return unchecked(call);
        }
        Future<T> f = helpers[caller].submit(call::call);
        // The test thread's own pending interrupt (under test) must not abort this wait: set it aside.
        boolean interrupted = Thread.interrupted();
        try {
            return f.get(Threads.GENEROUS.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InterruptedException) {
                throw (InterruptedException) cause;
            }
            throw rethrow(cause);
        } catch (TimeoutException e) {
            throw new AssertionError("caller " + caller + " did not return within " + Threads.GENEROUS
                    + " (it is blocked)\n" + Workers.threadDump());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Runs a call that cannot throw InterruptedException as {@code caller}. */
    public <T> T run(int caller, Call<T> call) {
        try {
            return as(caller, call);
        } catch (InterruptedException e) {
            throw new AssertionError("unexpected InterruptedException as caller " + caller, e);
        }
    }

    private static <T> T unchecked(Call<T> call) throws InterruptedException {
        try {
            return call.call();
        } catch (InterruptedException | RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException) {
            throw (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        throw new AssertionError(t);
    }

    /** Stops the helper threads (waiting briefly) and clears the test thread's interrupt status. */
    @Override
    public void close() {
        Thread.interrupted();
        for (int i = 1; i < helpers.length; i++) {
            helpers[i].shutdownNow();
        }
        for (int i = 1; i < helpers.length; i++) {
            try {
                helpers[i].awaitTermination(Duration.ofSeconds(5).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
