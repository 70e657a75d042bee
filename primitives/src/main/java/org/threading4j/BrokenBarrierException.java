package org.threading4j;

/**
 * Thrown by {@link Barrier#await()} when the barrier is broken, is aborted, is reset while the caller
 * waits, or when the caller's own wait timed out (which breaks the barrier): Python's
 * {@code threading.BrokenBarrierError}. Unchecked, like the Python error (a {@code RuntimeError}); unlike
 * {@link java.util.concurrent.BrokenBarrierException}, which is checked. Like Python's, it carries no
 * message.
 */
public class BrokenBarrierException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception, without a message. Python: {@code threading.BrokenBarrierError()}. */
    public BrokenBarrierException() {
        super();
    }
}
