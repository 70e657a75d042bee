package org.threading4j.specs;

/**
 * Reference model of {@code org.threading4j.BoundedSemaphore}, Python's {@code threading.BoundedSemaphore}:
 * a {@link SemaphoreSpec} that adds one check. Before anything changes,
 * {@code release(n)} refuses when {@code value + n > initial}: all or nothing, nothing released.
 * Python raises {@code ValueError("Semaphore released too many times")}; threading4j throws
 * {@code IllegalStateException} with the same message.
 *
 * <p>Differences from Python:
 * <ul>
 * <li>An over-release throws {@code IllegalStateException}, not {@code ValueError}: it is a state error, not a bad
 * argument.</li>
 * </ul>
 */
public class BoundedSemaphoreSpec extends SemaphoreSpec {

    /** Python's message for an over-release. */
    public static final String TOO_MANY = "Semaphore released too many times";

    /** {@code BoundedSemaphore()}: one permit, bound one. */
    public BoundedSemaphoreSpec() {
        this(1);
    }

    /** {@code BoundedSemaphore(value)}: the initial value is also the bound. */
    public BoundedSemaphoreSpec(int value) {
        super(value);
    }

    @Override
    protected void checkRoom(int n) {
        if ((long) value + n > initial) {
            throw new IllegalStateException(TOO_MANY);
        }
    }
}
