package org.threading4j.checks.support;

/**
 * How hard the checks work. {@code ci} (the default, the README's test command) keeps the whole suite
 * within the CI budget on 2 cores; {@code deep} (the main job, {@code mvn verify -Pdeep}) explores more
 * scenarios, invocations and time. Every check takes its bounds from here, so the two runs differ only in
 * depth, never in what is checked.
 */
public enum Depth {
    CI,
    DEEP;

    /** The depth of this run, from the system property {@code threading4j.depth} (ci or deep). */
    public static Depth current() {
        return "deep".equalsIgnoreCase(System.getProperty("threading4j.depth", "ci")) ? DEEP : CI;
    }

    /** {@code ci} in a CI run, {@code deep} in the main job. */
    public static int pick(int ci, int deep) {
        return current() == DEEP ? deep : ci;
    }

    /** {@code ci} in a CI run, {@code deep} in the main job. */
    public static long pick(long ci, long deep) {
        return current() == DEEP ? deep : ci;
    }
}
