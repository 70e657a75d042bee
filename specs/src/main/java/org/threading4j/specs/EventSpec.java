package org.threading4j.specs;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reference model of {@code org.threading4j.Event}, Python's {@code threading.Event}: a flag, plus the
 * callers waiting for it to be set.
 *
 * <p>The rule this model pins down is Python's <b>set-and-clear</b> (gh-57711): a waiter's answer is the
 * outcome of its wait, not a re-read of the flag. {@link #set()} ends every wait with true at the moment it
 * happens, so a {@link #clear()} right after changes nothing for those waiters; a waiter whose time ran out
 * before any {@code set()} answers false, whatever the flag is later; and {@code set()} reaches every
 * waiter, including one that started waiting just before it.
 *
 * <p>Differences from Python:
 * <ul>
 * <li>{@code wait} is {@code await}: {@code Object.wait} is final in Java.</li>
 * <li>An interrupt ends a wait with {@code InterruptedException}; Python threads cannot be interrupted.</li>
 * </ul>
 */
public final class EventSpec {

    /** Python's {@code _flag}. */
    private boolean flag;
    /** Callers blocked in {@code await}, oldest first. */
    private final Set<Integer> waiting = new LinkedHashSet<>();
    /** Callers whose interrupt status is set. */
    private final Set<Integer> interrupted = new HashSet<>();

    /** {@code event.is_set()}. */
    public boolean isSet() {
        return flag;
    }

    /** {@code event.set()}: raises the flag; every wait ends, and each {@code await} returns true. */
    public void set() {
        flag = true;
        waiting.clear();
    }

    /** {@code event.clear()}: lowers the flag; waits that {@code set()} already ended stay ended. */
    public void clear() {
        flag = false;
    }

    /**
     * {@code event.wait(timeout=None)}: a pending interrupt is thrown (and cleared) first; then true if the
     * flag is set; false at once for a zero timeout; otherwise the caller waits.
     */
    public boolean await(int caller, Duration timeout) throws InterruptedException {
        requireRunning(caller);
        if (interrupted.remove(caller)) {
            throw new InterruptedException();
        }
        if (flag || timeout != null && timeout.isZero()) {
            return flag;
        }
        waiting.add(caller);
        return false;
    }

    /** A timed waiter's time runs out: its {@code await} returns false. False if it was not waiting. */
    public boolean timeOut(int caller) {
        return waiting.remove(caller);
    }

    /**
     * {@code Thread.interrupt()} of {@code caller}: true if that ended a wait (its {@code await} throws
     * {@code InterruptedException}); otherwise the interrupt stays pending.
     */
    public boolean interrupt(int caller) {
        if (waiting.remove(caller)) {
            return true;
        }
        interrupted.add(caller);
        return false;
    }

    /** {@code Thread.interrupted()} run by {@code caller}: reads and clears its interrupt status. */
    public boolean clearInterrupt(int caller) {
        return interrupted.remove(caller);
    }

    /** Whether {@code caller}'s interrupt status is set. */
    public boolean isInterrupted(int caller) {
        return interrupted.contains(caller);
    }

    /** Whether {@code caller} is blocked in {@code await}. */
    public boolean waiting(int caller) {
        return waiting.contains(caller);
    }

    /** The callers blocked in {@code await}, oldest first. */
    public List<Integer> waiters() {
        return List.copyOf(waiting);
    }

    private void requireRunning(int caller) {
        if (waiting.contains(caller)) {
            throw new IllegalStateException("caller " + caller + " is blocked and cannot make a call");
        }
    }

    @Override
    public String toString() {
        return (flag ? "set" : "unset") + (waiting.isEmpty() ? "" : ", waiting " + waiting)
                + (interrupted.isEmpty() ? "" : ", interrupted " + interrupted);
    }
}
