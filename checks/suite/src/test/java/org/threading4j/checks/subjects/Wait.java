package org.threading4j.checks.subjects;

import java.time.Duration;

/**
 * How long a timed call of a check waits, in the checks' terms: the specs take a {@link Duration} and never
 * time out by themselves, so whether a timeout may pass during a test is the driver's business.
 */
public enum Wait {
    /** No timeout ({@code await()}, {@code waitFor(p)}): returns void. */
    UNTIMED,
    /** {@code Duration.ZERO}: times out at once unless it can return at once. */
    ZERO,
    /** A short timeout ({@link #SHORT_DURATION}): may time out at any step, or be ended by another thread. */
    SHORT,
    /** A timeout too long to pass during a test ({@link #LONG_DURATION}): never times out. */
    LONG;

    /** How long a short timed wait lasts for real. */
    public static final Duration SHORT_DURATION = Duration.ofMillis(2);
    /** A timeout that never passes during a test. */
    public static final Duration LONG_DURATION = Duration.ofHours(1);

    /** The timeout a spec or a primitive gets: null for {@link #UNTIMED}. */
    public Duration duration() {
        return this == UNTIMED ? null : this == ZERO ? Duration.ZERO : this == SHORT ? SHORT_DURATION : LONG_DURATION;
    }
}
