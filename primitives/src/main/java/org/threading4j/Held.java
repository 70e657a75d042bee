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
    /** Releases what {@code hold()} acquired. Throws no checked exception. */
    @Override
    void close();
}
