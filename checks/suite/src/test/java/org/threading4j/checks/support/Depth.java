package org.threading4j.checks.support;

/**
 * How hard the checks work. {@code ci} (the default, the README's test command) keeps the whole suite
 * within the CI budget on 2 cores; {@code deep} (the main job, {@code mvn verify -Pdeep}) explores more
 * scenarios, invocations and time. Every check takes its bounds from here, so the two runs differ only in
 * depth, never in what is checked.
 *
 * <p>A time budget ({@code -Dthreading4j.budget=PT30M}, see {@link Budget}) replaces the two fixed depths
 * with a factor {@code f}: every bound becomes {@code ci + (deep - ci) * f}, never less than CI depth.
 * Without a budget the bounds are exactly {@code ci} or {@code deep}.
 */
public enum Depth {
    CI,
    DEEP;

    /**
     * The depth of this run: from the system property {@code threading4j.depth} (ci or deep), or under a
     * budget {@code DEEP} when its factor reaches deep depth (checks that run in deep runs only then run).
     */
    public static Depth current() {
        Budget b = Budget.current();
        if (b.isSet()) {
            return b.factor() >= 1 ? DEEP : CI;
        }
        return "deep".equalsIgnoreCase(System.getProperty("threading4j.depth", "ci")) ? DEEP : CI;
    }

    /** {@code ci} in a CI run, {@code deep} in the main job, scaled between (or beyond) under a budget. */
    public static int pick(int ci, int deep) {
        long v = Budget.current().scale(ci, deep);
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }

    /** {@code ci} in a CI run, {@code deep} in the main job, scaled between (or beyond) under a budget. */
    public static long pick(long ci, long deep) {
        return Budget.current().scale(ci, deep);
    }
}
