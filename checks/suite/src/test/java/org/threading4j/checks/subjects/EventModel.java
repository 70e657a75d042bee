package org.threading4j.checks.subjects;

import java.util.Arrays;
import java.util.List;
import org.threading4j.specs.EventSpec;

/**
 * {@link EventSpec} driven the way the checks drive a real event: threads {@code 0 .. threads-1}, each
 * {@code await}'s answer as a string ({@code "void"}, {@code "true"}, {@code "false"},
 * {@code "InterruptedException"}; {@link #PENDING} while it waits; {@link #KEEPS_INTERRUPT} appended when it
 * returns with the interrupt status set, which is then cleared). Also Lincheck's sequential specification
 * ({@link #set()}, {@link #clear()}, {@link #isSet()}, {@link #awaitZero()}); equal states are equal objects.
 */
public final class EventModel {

    public static final String PENDING = ConditionModel.PENDING;
    public static final String KEEPS_INTERRUPT = ConditionModel.KEEPS_INTERRUPT;
    public static final String INTERRUPTED = ConditionModel.INTERRUPTED;

    private final EventSpec spec = new EventSpec();
    /** Per thread: its last answer, or null while it waits. */
    private final String[] results;
    /** Per thread: the wait of its current or last {@code await}. */
    private final Wait[] waits;

    /** One anonymous thread: for Lincheck. */
    public EventModel() {
        this(1);
    }

    public EventModel(int threads) {
        results = new String[threads];
        waits = new Wait[threads];
        Arrays.fill(results, "");
    }

    /** An independent copy, for explorers. */
    public EventModel copy() {
        EventModel c = new EventModel(results.length);
        System.arraycopy(results, 0, c.results, 0, results.length);
        System.arraycopy(waits, 0, c.waits, 0, waits.length);
        if (spec.isSet()) {
            c.spec.set();
        }
        try {
            for (int t : spec.waiters()) {
                c.spec.await(t, waits[t].duration());
            }
        } catch (InterruptedException e) {
            throw new AssertionError("a waiting thread has no pending interrupt", e);
        }
        for (int t = 0; t < results.length; t++) {
            if (spec.isInterrupted(t)) {
                c.spec.interrupt(t);
            }
        }
        return c;
    }

    public boolean isSet() {
        return spec.isSet();
    }

    /** Raises the flag; every waiting thread's {@code await} answers true. */
    public void set() {
        List<Integer> ended = spec.waiters();
        spec.set();
        for (int t : ended) {
            done(t, waits[t] == Wait.UNTIMED ? "void" : "true");
        }
    }

    public void clear() {
        spec.clear();
    }

    /** Lincheck's {@code await(Duration.ZERO)}: the flag at entry. */
    public boolean awaitZero() {
        return spec.isSet();
    }

    /** Thread {@code t} calls {@code await()} ({@code UNTIMED}) or {@code await(timeout)}: its answer, or PENDING. */
    public String await(int t, Wait wait) {
        if (results[t] == null) {
            throw new IllegalStateException("T" + t + " is still inside a call");
        }
        waits[t] = wait;
        results[t] = null;
        return call(t, () -> spec.await(t, wait.duration()));
    }

    private interface Await {
        boolean run() throws InterruptedException;
    }

    private String call(int t, Await await) {
        try {
            boolean r = await.run();
            if (!spec.waiting(t)) {
                done(t, waits[t] == Wait.UNTIMED ? "void" : String.valueOf(r));
            }
        } catch (InterruptedException e) {
            done(t, INTERRUPTED);
        }
        return result(t);
    }

    /** {@code t}'s deadline passes: if it waits with a short timeout, its wait ends false. */
    public boolean timeout(int t) {
        if (!mayTimeOut(t)) {
            return false;
        }
        spec.timeOut(t);
        done(t, "false");
        return true;
    }

    /**
     * {@code t}'s deadline passes and then, before its {@code await} has returned, {@code t} is interrupted:
     * the answer stays false and the interrupt is kept ({@code "false" + KEEPS_INTERRUPT}). False (nothing
     * happens) unless {@code t} waits with a short timeout.
     */
    public boolean timeoutThenInterrupt(int t) {
        if (!mayTimeOut(t)) {
            return false;
        }
        spec.timeOut(t);
        spec.interrupt(t);
        done(t, "false");
        return true;
    }

    /** {@code t} is interrupted: a waiting thread's {@code await} throws; else the status is set. */
    public void interrupt(int t) {
        if (spec.interrupt(t)) {
            done(t, INTERRUPTED);
        }
    }

    /** The answer of {@code t}'s last call, or PENDING while it waits. */
    public String result(int t) {
        return results[t] == null ? PENDING : results[t];
    }

    /** Threads waiting, oldest first. */
    public List<Integer> waiting() {
        return spec.waiters();
    }

    public boolean mayTimeOut(int t) {
        return spec.waiting(t) && waits[t] == Wait.SHORT;
    }

    private void done(int t, String answer) {
        results[t] = spec.clearInterrupt(t) ? answer + KEEPS_INTERRUPT : answer;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventModel && toString().equals(o.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Event[").append(spec).append(", results [");
        for (int t = 0; t < results.length; t++) {
            sb.append(t == 0 ? "" : ", ").append("T").append(t).append("=").append(result(t));
        }
        return sb.append("]]").toString();
    }
}
