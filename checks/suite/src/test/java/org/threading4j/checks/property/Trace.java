package org.threading4j.checks.property;

import java.util.ArrayList;
import java.util.List;

/**
 * The readable trace of one action sequence run against a primitive and its spec: each line is an
 * action and what it returned ({@code c1.tryAcquire() -> true}); a failure message carries the whole trace
 * up to the step that broke, and names the violated invariant.
 */
final class Trace {

    /** What a call returned, or the exception it threw, as text ("true", "void", "IMSE: ..."). */
    @FunctionalInterface
    interface Call {
        Object call() throws Exception;
    }

    private final List<String> lines = new ArrayList<>();

    static String outcome(Call call) {
        try {
            Object r = call.call();
            return r == null ? "void" : r.toString();
        } catch (Exception e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
    }

    static boolean threw(String outcome) {
        return outcome.contains("Exception");
    }

    void step(String action, String outcome) {
        lines.add(action + " -> " + outcome);
    }

    /** Fails with the trace if {@code holds} is false. */
    void invariant(String name, boolean holds, String detail) {
        if (!holds) {
            throw new AssertionError("invariant '" + name + "' broken: " + detail + "\n" + this);
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("trace:");
        for (int i = 0; i < lines.size(); i++) {
            sb.append("\n  ").append(i + 1).append(". ").append(lines.get(i));
        }
        return sb.toString();
    }
}
