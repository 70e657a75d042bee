package org.threading4j.specs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sequential model of {@code org.threading4j.Event}: Python's {@code threading.Event}, a flag plus the
 * threads waiting for it.
 *
 * <p>Threads are numbered {@code 0 .. threads-1}. A call that would block leaves its thread WAITING (an entry
 * in the model's list) and returns {@link #PENDING}; its answer appears when {@link #set()} releases it, or
 * after the explicit steps {@link #timeout(int)} (its deadline passes) or {@link #interrupt(int)}.
 *
 * <p>The rule this model pins down is Python's <b>set-and-clear</b> (gh-57711): a waiter's answer is the
 * outcome of its wait, not a re-read of the flag. {@code set()} answers every WAITING thread {@code true} at
 * the moment it happens, so a {@code clear()} right after changes nothing for them; and a waiter whose
 * deadline passed before any {@code set()} answers {@code false}, whatever the flag is later. A
 * {@code set()} reaches every waiter, including one that started waiting just before it.
 *
 * <p>Results are strings ({@code "void"}, {@code "true"}, {@code "false"}, {@code "InterruptedException"});
 * a call that completes with the interrupt status set gets {@link #KEEPS_INTERRUPT} appended (and the
 * status is cleared). The no-argument methods ({@link #set()}, {@link #clear()}, {@link #isSet()},
 * {@link #awaitZero()}) are the Lincheck test's operations.
 */
public final class EventSpec {

    /** How long a waiter waits: see {@link ConditionSpec.Wait}. */
    public static final String PENDING = ConditionSpec.PENDING;
    public static final String KEEPS_INTERRUPT = ConditionSpec.KEEPS_INTERRUPT;
    public static final String INTERRUPTED = ConditionSpec.INTERRUPTED;

    /** Python's {@code _flag}. */
    private boolean flag;
    /** WAITING threads with the kind of their wait, in arrival order. */
    private final List<int[]> waiting = new ArrayList<>();
    private final String[] results;
    private final boolean[] interrupted;

    /** An event with its flag down, for Lincheck: one anonymous thread. */
    public EventSpec() {
        this(1);
    }

    public EventSpec(int threads) {
        results = new String[threads];
        interrupted = new boolean[threads];
        Arrays.fill(results, "");
    }

    /** An independent copy, for checkers that explore several continuations. */
    public EventSpec copy() {
        EventSpec c = new EventSpec(results.length);
        c.flag = flag;
        for (int[] w : waiting) {
            c.waiting.add(w.clone());
        }
        System.arraycopy(results, 0, c.results, 0, results.length);
        System.arraycopy(interrupted, 0, c.interrupted, 0, interrupted.length);
        return c;
    }

    public boolean isSet() {
        return flag;
    }

    /** Raises the flag; every WAITING thread's wait ends with {@code true}. */
    public void set() {
        flag = true;
        for (int[] w : waiting) {
            done(w[0], w[1] == ConditionSpec.Wait.UNTIMED.ordinal() ? "void" : "true");
        }
        waiting.clear();
    }

    /** Lowers the flag; no effect on waits that {@code set()} already ended. */
    public void clear() {
        flag = false;
    }

    /** Lincheck's {@code await(Duration.ZERO)}: the flag at entry. */
    public boolean awaitZero() {
        return flag;
    }

    /** {@code await()} ({@code UNTIMED}) or {@code await(timeout)}: an answer now, or PENDING. */
    public String await(int t, ConditionSpec.Wait wait) {
        if (results[t] == null) {
            throw new IllegalStateException("T" + t + " is still inside a call");
        }
        if (interrupted[t]) {
            interrupted[t] = false;
            return done(t, INTERRUPTED);
        }
        if (flag) {
            return done(t, wait == ConditionSpec.Wait.UNTIMED ? "void" : "true");
        }
        if (wait == ConditionSpec.Wait.ZERO) {
            return done(t, "false");
        }
        results[t] = null;
        waiting.add(new int[] {t, wait.ordinal()});
        return PENDING;
    }

    /** {@code t}'s deadline passes: if still WAITING with a short timeout, its wait ends {@code false}. */
    public boolean timeout(int t) {
        int[] w = find(t);
        if (w == null || w[1] != ConditionSpec.Wait.SHORT.ordinal()) {
            return false;
        }
        waiting.remove(w);
        done(t, "false");
        return true;
    }

    /**
     * {@code t}'s deadline passes and then, before its {@code await} has returned, {@code t} is interrupted:
     * the wait had already ended by itself, so its answer stays {@code false}, and the interrupt is kept and
     * reported with it ({@code "false" + KEEPS_INTERRUPT}). The two steps {@code timeout(t); interrupt(t)}
     * cannot say this, because {@link #timeout} completes the call at once; checkers need it when an
     * interrupt races a short deadline. Returns false (nothing happens) unless {@code t} is WAITING with a
     * short timeout.
     */
    public boolean timeoutThenInterrupt(int t) {
        if (!mayTimeOut(t)) {
            return false;
        }
        interrupted[t] = true;
        return timeout(t);
    }

    /** {@code t} is interrupted: a WAITING thread's wait ends with InterruptedException; else the status is set. */
    public void interrupt(int t) {
        int[] w = find(t);
        if (w != null) {
            waiting.remove(w);
            done(t, INTERRUPTED);
        } else {
            interrupted[t] = true;
        }
    }

    /** The answer of {@code t}'s last call, or PENDING while it waits. */
    public String result(int t) {
        return results[t] == null ? PENDING : results[t];
    }

    /** Threads WAITING, in arrival order. */
    public List<Integer> waiting() {
        List<Integer> ts = new ArrayList<>();
        for (int[] w : waiting) {
            ts.add(w[0]);
        }
        return ts;
    }

    public boolean mayTimeOut(int t) {
        int[] w = find(t);
        return w != null && w[1] == ConditionSpec.Wait.SHORT.ordinal();
    }

    private int[] find(int t) {
        for (int[] w : waiting) {
            if (w[0] == t) {
                return w;
            }
        }
        return null;
    }

    private String done(int t, String result) {
        if (interrupted[t]) {
            interrupted[t] = false;
            result += KEEPS_INTERRUPT;
        }
        results[t] = result;
        return result;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventSpec && toString().equals(o.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Event[").append(flag ? "set" : "unset").append(", waiting ")
                .append(waiting()).append(", results [");
        for (int t = 0; t < results.length; t++) {
            sb.append(t == 0 ? "" : ", ").append("T").append(t).append("=").append(result(t));
        }
        return sb.append("]]").toString();
    }
}
