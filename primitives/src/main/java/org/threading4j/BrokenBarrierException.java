package org.threading4j;

/**
 * Thrown by {@link Barrier#await()} when the barrier is broken, is aborted, is reset while the caller
 * waits, or when the caller's own wait timed out (which breaks the barrier): Python's
 * {@code threading.BrokenBarrierError}. Unchecked, like the Python error (a {@code RuntimeError}); unlike
 * {@link java.util.concurrent.BrokenBarrierException}, which is checked.
 *
 * <p><b>Why it broke</b> (a Java addition). An exception thrown by a {@link Barrier} carries the
 * {@link Reason} its cycle ended, in {@link #reason()} and in its message, so that a log line tells a timeout
 * from an abort, a reset, an interrupted party or a failed action; for a failed action, the action's
 * exception is the {@linkplain #getCause() cause}. The reason is the first cause of the barrier's current
 * broken state: every party of the broken cycle, and every later {@code await()} on the still broken
 * barrier, gets the same one, until {@link Barrier#reset()}.
 */
public class BrokenBarrierException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a barrier broke, or why a waiting party's cycle ended without a trip. A Java addition. */
    public enum Reason {
        /**
         * A party's wait timed out (its own timeout, or the barrier's default), which broke the barrier;
         * that party gets this reason too. Python: a timed-out {@code wait()} breaks the barrier.
         */
        TIMEOUT("broken: a party's wait timed out"),
        /** A party was interrupted while it waited (it got {@code InterruptedException}), breaking the barrier. */
        INTERRUPTED("broken: a waiting party was interrupted"),
        /** {@link Barrier#abort()} was called. */
        ABORTED("broken: abort() was called"),
        /** The barrier's action threw; {@link #getCause()} is its exception (the action's runner gets it itself). */
        ACTION_FAILED("broken: the barrier's action threw"),
        /** {@link Barrier#reset()} was called while the party waited; the barrier is not broken by it. */
        RESET("reset while waiting");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        /** The message of an exception with this reason, without the cause. */
        String text() {
            return text;
        }
    }

    /** Why the barrier broke; null for an exception made with {@link #BrokenBarrierException()}. */
    private final Reason reason;

    /** Creates the exception without a message or a reason (Python raises {@code BrokenBarrierError()}). */
    public BrokenBarrierException() {
        super();
        this.reason = null;
    }

    /**
     * Creates the exception for {@code reason}: the message is the barrier's message for it (followed by the
     * cause, if there is one), e.g. {@code "barrier broken: a party's wait timed out"}.
     *
     * @param reason why the barrier broke
     * @param cause  the action's exception for {@link Reason#ACTION_FAILED}, otherwise usually null
     * @throws NullPointerException if {@code reason} is null
     */
    public BrokenBarrierException(Reason reason, Throwable cause) {
        super("barrier " + reason.text() + (cause != null ? ": " + cause : ""), cause);
        this.reason = reason;
    }

    /**
     * Why the barrier broke: the first cause of its current broken state (or {@link Reason#RESET} for a
     * party whose cycle was reset). A Java addition.
     *
     * @return the reason, or null if the exception was created without one
     */
    public Reason reason() {
        return reason;
    }
}
