package org.threading4j.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * When a timed wait gives up: the one form every timeout takes inside the engine. A facade turns the
 * caller's {@link Duration} into a deadline once, when the clock starts, and the engine passes it down
 * unchanged: to the park, to a retry after a lost race, to each round of a {@code waitFor} loop. For most
 * waits the clock starts at the call; for a {@code Barrier} party it starts at arrival (a wait for the previous
 * cycle to drain does not count, as in Python) and for a {@code Timer} when its thread begins to wait.
 *
 * <p>Three kinds: {@link #NONE} (no deadline: untimed waits, and durations too long to be a
 * {@code System.nanoTime()} deadline, about 146 years or more), {@link #NOW} (a zero timeout: try once, never
 * park) and a {@code System.nanoTime()} instant. Immutable.
 */
public final class Deadline {

    /** Python's message for a negative timeout. */
    public static final String NEGATIVE = "timeout value must be a non-negative number";

    /**
     * Timeouts of at least this many nanoseconds (about 146 years) mean "no deadline": adding them to
     * {@code System.nanoTime()} could overflow.
     */
    static final long FOREVER = Long.MAX_VALUE >> 1;

    /** No deadline: wait as long as it takes. */
    public static final Deadline NONE = new Deadline(0L);
    /** A zero timeout: expired from the start. */
    public static final Deadline NOW = new Deadline(0L);

    /** The {@code System.nanoTime()} instant of a timed deadline; unused by {@link #NONE} and {@link #NOW}. */
    private final long at;

    private Deadline(long at) {
        this.at = at;
    }

    /**
     * The deadline {@code timeout} from now.
     *
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is negative (Python's message)
     */
    public static Deadline of(Duration timeout) {
        return afterNanos(checkedNanos(timeout));
    }

    /**
     * Checks a timeout that starts later ({@code Barrier}'s default, a {@code Timer}'s interval): the
     * exceptions of {@link #of(Duration)}, nothing else.
     */
    public static Duration check(Duration timeout) {
        checkedNanos(timeout);
        return timeout;
    }

    private static long checkedNanos(Duration timeout) {
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

    /**
     * The deadline {@code nanos} from now, for the {@code java.util.concurrent} views, whose timeouts come
     * as a count and a unit: 0 or less is {@link #NOW}, {@link #FOREVER} or more is {@link #NONE}.
     */
    public static Deadline afterNanos(long nanos) {
        if (nanos <= 0L) {
            return NOW;
        }
        if (nanos >= FOREVER) {
            return NONE;
        }
        return new Deadline(System.nanoTime() + nanos);
    }

    /** False only for {@link #NONE}. */
    public boolean timed() {
        return this != NONE;
    }

    /** Nanoseconds left: 0 or less once passed (always for {@link #NOW}), {@link Long#MAX_VALUE} for NONE. */
    public long remaining() {
        if (this == NONE) {
            return Long.MAX_VALUE;
        }
        return this == NOW ? 0L : at - System.nanoTime();
    }

    /** True once the deadline has passed; never for {@link #NONE}, always for {@link #NOW}. */
    public boolean expired() {
        return remaining() <= 0L;
    }

    @Override
    public String toString() {
        return this == NONE ? "Deadline[none]" : this == NOW ? "Deadline[now]" : "Deadline[in " + remaining() + " ns]";
    }
}
