package org.threading4j;

/**
 * A semaphore that refuses to be released above its initial value: Python's
 * {@code threading.BoundedSemaphore}. Over-releasing usually means a bug, a release with no matching
 * acquire; this class reports it instead of silently growing the count.
 *
 * <p>The bound check and the increment are one atomic step: two racing releases can never take the value
 * above the bound, and a refused {@code release(n)} releases nothing (it is all or nothing, as in Python).
 *
 * <pre>{@code
 * sem = threading.BoundedSemaphore(2)     BoundedSemaphore sem = new BoundedSemaphore(2);
 * sem.release()  # ValueError             sem.release();   // IllegalStateException
 * }</pre>
 *
 * <p>Python raises {@code ValueError("Semaphore released too many times")}; threading4j throws
 * {@link IllegalStateException} with the same message. Everything else, including memory effects, is as
 * for {@link Semaphore}.
 */
public final class BoundedSemaphore extends Semaphore {

    /** Creates a bounded semaphore with one permit, bound one. Python: {@code threading.BoundedSemaphore()}. */
    public BoundedSemaphore() {
        this(1);
    }

    /**
     * Creates a bounded semaphore with {@code value} permits, which is also its bound. Python:
     * {@code threading.BoundedSemaphore(value)}.
     *
     * @param value the initial number of free permits, and the most there may ever be
     * @throws IllegalArgumentException if {@code value < 0} ("semaphore initial value must be >= 0")
     */
    public BoundedSemaphore(int value) {
        super(value, Math.max(value, 0));
    }

    @Override
    String overReleaseMessage() {
        return "Semaphore released too many times";
    }

    /**
     * A description for logs and debuggers: free permits over the bound, and the waiting threads, e.g.
     * {@code org.threading4j.BoundedSemaphore@1b6d3586[value=1/2, waiters=0]}. The waiter count is
     * approximate (read without synchronization). Never blocks.
     */
    @Override
    public String toString() {
        return getClass().getName() + "@" + Integer.toHexString(hashCode())
                + "[value=" + value() + "/" + sync.bound() + ", waiters=" + sync.queuedEstimate() + "]";
    }
}
