package org.threading4j.checks.fray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A thread of one Fray schedule that keeps its outcome (what its body returned or threw) for the test to
 * assert after {@link #join()}.
 *
 * <p>No watchdog here, unlike the suite's {@code Workers}: under Fray every thread runs under the controlled
 * scheduler, and a schedule in which no thread can move (a lost wake-up) is reported at once as a
 * {@code DeadlockException} with every thread's stack. Timed joins would only add clock reads.
 */
final class Actor {

    /** A body: returns a value (or null) or throws. */
    interface Body {
        Object run() throws Exception;
    }

    /** How many yields {@link #awaitQueued} allows before it gives up (a schedule is a few hundred steps). */
    private static final int PARK_POLLS = 100_000;
    /** The engine's wait queue, whose {@code park} a queued waiter is in. */
    private static final String WAIT_QUEUE = "org.threading4j.internal.WaitQueue";

    private final Thread thread;
    private volatile Object result;
    private volatile Throwable thrown;
    private volatile boolean interruptedAtEnd;

    private Actor(String name, Body body) {
        this.thread = new Thread(() -> {
            try {
                result = body.run();
            } catch (Throwable t) {
                thrown = t;
            }
            interruptedAtEnd = Thread.currentThread().isInterrupted();
        }, name);
    }

    /** Starts a thread running {@code body}. */
    static Actor start(String name, Body body) {
        Actor a = new Actor(name, body);
        a.thread.start();
        return a;
    }

    Thread thread() {
        return thread;
    }

    /** Waits for the thread to end (a lost wake-up makes Fray report a deadlock here). */
    Actor join() throws InterruptedException {
        thread.join();
        return this;
    }

    /** What the body threw, or null. Call after {@link #join()}. */
    Throwable thrown() {
        return thrown;
    }

    /** The body's value; fails if it threw. Call after {@link #join()}. */
    Object result() {
        if (thrown != null) {
            throw new AssertionError(thread.getName() + " threw", thrown);
        }
        return result;
    }

    /** Asserts the body returned {@code expected}. */
    void assertReturned(Object expected) {
        assertEquals(expected, result(), thread.getName());
    }

    /** Asserts the body threw exactly {@code type}. */
    void assertThrew(Class<? extends Throwable> type) {
        if (thrown == null || thrown.getClass() != type) {
            throw new AssertionError(thread.getName() + ": expected " + type.getSimpleName() + ", got "
                    + (thrown == null ? "a return of " + result : thrown.toString()), thrown);
        }
    }

    /** Whether the thread's interrupt status was set when its body ended. */
    boolean interruptedAtEnd() {
        return interruptedAtEnd;
    }

    /** Asserts nothing was thrown. */
    void assertNoThrow() {
        assertNull(thrown, () -> thread.getName() + " threw " + thrown);
    }

    /**
     * Lets other threads run until {@code t} is inside the engine's park loop ({@code WaitQueue.park}),
     * which a thread enters only once it is queued. A scenario uses this to start a race only once its
     * waiters are queued; what happens from there (parking, waking, helping) is still explored.
     * ({@link java.util.concurrent.locks.LockSupport#getBlocker} cannot tell: under Fray a parked thread
     * waits in Fray's scheduler, not in the JDK's park.)
     *
     * <p>Returns false if {@code t} did not get there within the poll bound: Fray's scheduler may keep
     * running the polling thread and never schedule {@code t}. Such a schedule is not an instance of the
     * scenario; the caller releases its threads and ends it without asserting the scenario's claim.
     */
    static boolean awaitQueued(Thread t) {
        for (int i = 0; i < PARK_POLLS; i++) {
            for (StackTraceElement f : t.getStackTrace()) {
                if (f.getClassName().equals(WAIT_QUEUE) && f.getMethodName().equals("park")) {
                    return true;
                }
            }
            Thread.yield();
        }
        return false;
    }
}
