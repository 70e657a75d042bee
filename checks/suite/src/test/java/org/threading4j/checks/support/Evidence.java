package org.threading4j.checks.support;

/**
 * What the running test explored, for its report row: call {@link #explored} from a {@link Verifies} test
 * with the amount of work behind its verdict (scenarios, invocations, sequences, hand-overs...). Tests run
 * one at a time in the surefire JVM, so one slot suffices; the extension clears it before each test.
 */
public final class Evidence {

    private static volatile String explored = "";

    private Evidence() {
    }

    /** Records, for the current test's report row, e.g. {@code explored(30 * 1000, "invocations")}. */
    public static void explored(long count, String unit) {
        String entry = count + " " + unit;
        explored = explored.isEmpty() ? entry : explored + ", " + entry;
    }

    static void reset() {
        explored = "";
    }

    static String take() {
        String s = explored;
        explored = "";
        return s;
    }
}
