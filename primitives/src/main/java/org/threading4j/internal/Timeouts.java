package org.threading4j.internal;

import java.time.Duration;
import java.util.Objects;

/** Turns the public {@code Duration} timeouts into nanoseconds, with the checks the package conventions fix. */
public final class Timeouts {

    /** Python's message for a negative timeout. */
    public static final String NEGATIVE = "timeout value must be a non-negative number";

    private Timeouts() {
    }

    /**
     * The timeout in nanoseconds, or {@link WaitQueue#FOREVER} or more when it is too large to be a
     * deadline ("wait forever").
     *
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public static long toNanos(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException(NEGATIVE);
        }
        try {
            return timeout.toNanos();
        } catch (ArithmeticException tooLarge) {
            return Long.MAX_VALUE;
        }
    }
}
