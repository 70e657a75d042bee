package org.threading4j.checks.support;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.threading4j.internal.LockOwner;

/**
 * Waiting for real conditions instead of sleeping: "thread T is parked on primitive P", "counter reached
 * N". Each wait has a generous bound and fails with a thread dump when the bound is exceeded.
 */
public final class Threads {

    /** Bound for conditions that should hold within milliseconds; generous for a loaded 2-core CI box. */
    public static final Duration GENEROUS = Duration.ofSeconds(30);

    private Threads() {
    }

    /** Waits until {@code condition} holds, failing after {@link #GENEROUS}. */
    public static void awaitCondition(String what, BooleanSupplier condition) {
        awaitCondition(what, GENEROUS, condition);
    }

    /** Waits until {@code condition} holds, failing with a thread dump after {@code limit}. */
    public static void awaitCondition(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        int spins = 0;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + limit + " waiting until " + what + "\n"
                        + Workers.threadDump());
            }
            if (++spins < 100) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
                LockSupport.parkNanos(100_000L); // poll, not a sleep standing in for a condition
            }
        }
    }

    /**
     * Waits until {@code t} is parked with {@code blocker} as its {@link LockSupport#getBlocker blocker}
     * (state WAITING or TIMED_WAITING): the thread is really waiting inside that primitive. For a
     * {@code Lock} or {@code RLock} the blocker is the lock's owner record ({@link #isBlockerOf}).
     */
    public static void awaitParked(Thread t, Object blocker) {
        awaitCondition(t.getName() + " is parked on " + blocker, () -> isParkedOn(t, blocker));
    }

    /** Whether {@code t} is parked now: state WAITING or TIMED_WAITING. */
    public static boolean isParked(Thread t) {
        Thread.State s = t.getState();
        return s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING;
    }

    /** Whether {@code t} is parked now with a blocker that stands for {@code primitive} ({@link #isBlockerOf}). */
    public static boolean isParkedOn(Thread t, Object primitive) {
        return isParked(t) && isBlockerOf(LockSupport.getBlocker(t), primitive);
    }

    /**
     * Whether {@code seen}, a parked thread's blocker, stands for {@code primitive}: it is the primitive
     * itself, or (Lock, RLock, which park their waiters on an owner record for thread dumps and deadlock
     * detection) the primitive's owner record.
     */
    public static boolean isBlockerOf(Object seen, Object primitive) {
        return seen == primitive || seen instanceof LockOwner && ((LockOwner) seen).lock() == primitive;
    }

    /** Starts a daemon platform thread running {@code body}. */
    public static Thread startDaemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
