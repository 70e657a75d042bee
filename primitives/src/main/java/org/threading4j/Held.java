package org.threading4j;

/**
 * A hold on a primitive, for Python's {@code with x:}. {@code try (Held h = lock.hold()) { ... }} acquires
 * on entry and {@link #close()} releases on exit.
 *
 * <p>{@code close()} releases once per call, exactly like calling {@code release()}: it is meant to be
 * called once, by try-with-resources. A primitive may hand out the same {@code Held} object to every
 * caller, so keep no reference to it beyond the {@code try} block.
 */
public interface Held extends AutoCloseable {
    /**
     * Releases what {@code hold()} acquired, exactly as the primitive's {@code release()} would. Python: the
     * end of the {@code with} block ({@code __exit__}). Throws no checked exception.
     *
     * @throws IllegalMonitorStateException as the primitive's {@code release()}, for example when an
     *         {@code RLock} is released by a thread that does not own it
     * @throws IllegalStateException as {@link Semaphore#release()}, for a {@code BoundedSemaphore} released
     *         too many times
     */
    @Override
    void close();
}
