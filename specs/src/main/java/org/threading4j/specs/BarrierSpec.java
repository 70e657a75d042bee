package org.threading4j.specs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reference model of {@code org.threading4j.Barrier}: Python's {@code threading.Barrier} as plain
 * sequential Java, with threads named by numbers and blocking made explicit.
 *
 * <p>Python keeps {@code _state} (0 filling, 1 draining, -1 resetting, -2 broken) and {@code _count}, the
 * threads inside {@code wait()}; so does this model, plus a generation that advances whenever a filling
 * cycle ends (trip, break, reset). A thread's {@code await} either completes at once (the last arrival, a
 * broken barrier) or is <em>pending</em>:
 * <ul>
 * <li>a pending <b>party</b> waits in the filling cycle with its arrival index ({@code _count} at arrival);
 *     when the cycle ends it becomes <b>released</b>, and its result is decided when it <b>departs</b>
 *     (Python's {@code _wait} re-checks {@code _state} once it re-acquires the lock): its index if the
 *     barrier is draining, {@code BrokenBarrierError} if it is resetting or broken;</li>
 * <li>a pending <b>pre-waiter</b> arrived while the barrier was draining or resetting (Python's
 *     {@code _enter}); it retries its arrival when the last party of that cycle has departed.</li>
 * </ul>
 * A real thread departs on its own as soon as it runs; the model does it in {@link #settle()}, which every
 * operation calls on return (released parties depart in release order, then woken pre-waiters retry in
 * arrival order) unless {@link #manualDepartures()} was asked for, to step through a drain explicitly.
 *
 * <p>Where threading4j chooses something Python leaves undefined or deadlocks on, the model says so:
 * timeouts ({@link #timeout}) and interrupts ({@link #interrupt}) of a pending party break the barrier;
 * the action runs inline in the last arrival (as in Python, before the trip), and a {@link #reset()} or
 * {@link #abort()} made while it runs cancels the trip (every party, the runner included, gets
 * {@code BrokenBarrierError}); {@link #await} from the action throws {@link IllegalStateException}.
 * {@link #waiting()} is {@code _count} while filling, 0 otherwise and while the action runs.
 *
 * <p>Differences from Python:
 * <ul>
 * <li>{@code wait} is {@code await}, and {@code BrokenBarrierError} is {@code BrokenBarrierException}.</li>
 * <li>The action may call the barrier: {@code reset()} or {@code abort()} while it runs cancels the trip, and {@code
 * await} from it throws {@code IllegalStateException}.</li>
 * <li>{@code waiting()} is 0 while the action runs (Python's {@code n_waiting} counts the runner).</li>
 * <li>An interrupt of a waiting party breaks the barrier; Python threads cannot be interrupted.</li>
 * </ul>
 */
public final class BarrierSpec {

    /** Python's {@code _state}. */
    public enum Phase { FILLING, DRAINING, RESETTING, BROKEN }

    /** How a thread's {@code await} ended, or that it has not ended yet. */
    public enum Kind {
        /** Still blocked (a waiting party, a released party that has not departed, or a pre-waiter). */
        PENDING,
        /** Returned its arrival index. */
        RETURNED,
        /** {@code BrokenBarrierException}. */
        BROKEN,
        /** {@code InterruptedException}. */
        INTERRUPTED,
        /** The action threw; this thread ran it and gets its exception. */
        ACTION_FAILED
    }

    /** A thread's result: kind, index (RETURNED) and the action's exception (ACTION_FAILED). */
    public record Result(Kind kind, int index, Throwable failure) {
        public static final Result PENDING = new Result(Kind.PENDING, -1, null);
        public static final Result BROKEN = new Result(Kind.BROKEN, -1, null);
        public static final Result INTERRUPTED = new Result(Kind.INTERRUPTED, -1, null);

        public static Result returned(int index) {
            return new Result(Kind.RETURNED, index, null);
        }

        @Override
        public String toString() {
            switch (kind) {
                case RETURNED:
                    return "-> " + index;
                case ACTION_FAILED:
                    return "throws " + failure;
                case BROKEN:
                    return "throws BrokenBarrierException";
                case INTERRUPTED:
                    return "throws InterruptedException";
                default:
                    return "pending";
            }
        }
    }

    private final int parties;
    private Runnable action;

    /** Python's _state. */
    private Phase phase = Phase.FILLING;
    /** Python's _count: threads inside await() that arrived and have not departed. */
    private int count;
    /** Advances when a filling cycle ends: trip, break, reset. */
    private long gen;
    /** Parties waiting in the filling cycle: thread -> arrival index, in arrival order. */
    private final LinkedHashMap<Integer, Integer> waiting = new LinkedHashMap<>();
    /** Parties whose cycle ended and that have not departed yet: thread -> index, in release order. */
    private final LinkedHashMap<Integer, Integer> released = new LinkedHashMap<>();
    /** Threads waiting to arrive while the barrier drains or resets, in arrival order. */
    private final ArrayDeque<Integer> preWaiting = new ArrayDeque<>();
    /** Final results of calls that ended: thread -> result. */
    private final Map<Integer, Result> results = new HashMap<>();
    /** Threads whose interrupt status is set. */
    private final Set<Integer> interruptStatus = new HashSet<>();
    /** The thread running the action, or null. */
    private Integer actionRunner;
    /** Calls in progress (the action may call back into the model); settle only at the outermost. */
    private int depth;
    private boolean autoSettle = true;

    /** Python: {@code Barrier(parties)}. */
    public BarrierSpec(int parties) {
        this(parties, null);
    }

    /** Python: {@code Barrier(parties, action)}. */
    public BarrierSpec(int parties, Runnable action) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be >= 1");
        }
        this.parties = parties;
        this.action = action;
    }

    /** Sets the action after construction (an action that refers to the model itself). */
    public BarrierSpec action(Runnable action) {
        this.action = action;
        return this;
    }

    /** Released parties depart only through {@link #depart}, so that a drain can be stepped through. */
    public BarrierSpec manualDepartures() {
        this.autoSettle = false;
        return this;
    }

    // ---- Queries ----

    public int parties() {
        return parties;
    }

    /** Python's {@code n_waiting}. */
    public int waiting() {
        return phase == Phase.FILLING && count < parties ? count : 0;
    }

    /** Python's {@code broken}. */
    public boolean isBroken() {
        return phase == Phase.BROKEN;
    }

    public Phase phase() {
        return phase;
    }

    /** Python's {@code _count}. */
    public int inside() {
        return count;
    }

    /** The result of thread {@code t}'s last {@code await}, or {@link Result#PENDING}. */
    public Result result(int t) {
        return results.getOrDefault(t, isBlocked(t) ? Result.PENDING : null);
    }

    /** Whether {@code t} is blocked inside {@code await} (waiting, released but not departed, pre-waiting). */
    public boolean isBlocked(int t) {
        return waiting.containsKey(t) || released.containsKey(t) || preWaiting.contains(t);
    }

    /** Whether {@code t} is a party waiting in the filling cycle (a timeout or interrupt would break it). */
    public boolean isWaitingParty(int t) {
        return waiting.containsKey(t);
    }

    /** Whether {@code t}'s interrupt status is set. */
    public boolean isInterrupted(int t) {
        return interruptStatus.contains(t);
    }

    /** The thread running the action now, or null. */
    public Integer actionRunner() {
        return actionRunner;
    }

    /** Threads released and not yet departed, in release order. */
    public List<Integer> released() {
        return new ArrayList<>(released.keySet());
    }

    /** Threads waiting to arrive, in order. */
    public List<Integer> preWaiting() {
        return new ArrayList<>(preWaiting);
    }

    // ---- Operations ----

    /**
     * Thread {@code t} calls {@code wait()}. Returns its result if the call ended at once, else PENDING.
     *
     * @throws IllegalStateException if {@code t} is running the action (threading4j's choice; Python
     *         deadlocks)
     * @throws IllegalArgumentException if {@code t} is already blocked in the barrier (not a real call)
     */
    public Result await(int t) {
        if (actionRunner != null && actionRunner == t) {
            throw new IllegalStateException("await() called from the barrier's own action");
        }
        if (isBlocked(t)) {
            throw new IllegalArgumentException("thread " + t + " is already inside await()");
        }
        depth++;
        try {
            results.remove(t);
            if (interruptStatus.remove(t)) {
                // An interrupt pending on entry breaks the barrier, unless it is broken already.
                if (phase == Phase.BROKEN) {
                    interruptStatus.add(t);
                    results.put(t, Result.BROKEN);
                } else {
                    breakBarrier();
                    results.put(t, Result.INTERRUPTED);
                }
            } else {
                arrive(t);
            }
        } finally {
            leave();
        }
        return result(t);
    }

    /** A pending party's timeout expires: it breaks the barrier and gets BrokenBarrierError (Python). */
    public void timeout(int t) {
        if (!waiting.containsKey(t)) {
            throw new IllegalArgumentException("thread " + t + " is not a party waiting in a filling cycle");
        }
        depth++;
        try {
            waiting.remove(t);
            breakBarrier();
            count--;
            results.put(t, Result.BROKEN);
        } finally {
            leave();
        }
    }

    /**
     * Thread {@code t} is interrupted. A waiting party or a pre-waiter breaks the barrier and gets
     * InterruptedException (BrokenBarrierError with the status kept if it was broken already); a released
     * party keeps the status and its result; a thread outside the barrier keeps the status for its next
     * call.
     */
    public void interrupt(int t) {
        depth++;
        try {
            if (waiting.containsKey(t)) {
                waiting.remove(t);
                breakBarrier();
                count--;
                results.put(t, Result.INTERRUPTED);
            } else if (preWaiting.contains(t)) {
                preWaiting.remove(t);
                if (phase == Phase.BROKEN) {
                    interruptStatus.add(t);
                    results.put(t, Result.BROKEN);
                } else {
                    breakBarrier();
                    results.put(t, Result.INTERRUPTED);
                }
            } else {
                interruptStatus.add(t);
            }
        } finally {
            leave();
        }
    }

    /** Python's {@code reset()}. */
    public void reset() {
        depth++;
        try {
            if (phase == Phase.DRAINING || phase == Phase.RESETTING) {
                return; // Python: nothing, during a drain
            }
            gen++;
            if (count > 0) {
                phase = Phase.RESETTING;
                releaseWaiting();
            } else {
                phase = Phase.FILLING;
            }
            wakePreWaiters();
        } finally {
            leave();
        }
    }

    /** Python's {@code abort()}. */
    public void abort() {
        depth++;
        try {
            if (phase != Phase.BROKEN) {
                breakBarrier();
            }
        } finally {
            leave();
        }
    }

    /** A released party departs, deciding its result from the phase (Python's {@code _wait} and {@code _exit}). */
    public void depart(int t) {
        Integer index = released.remove(t);
        if (index == null) {
            throw new IllegalArgumentException("thread " + t + " is not released");
        }
        depth++;
        try {
            results.put(t, phase == Phase.DRAINING ? Result.returned(index) : Result.BROKEN);
            exit();
        } finally {
            leave();
        }
    }

    /** Every released party departs and woken pre-waiters retry, until nothing moves. */
    public void settle() {
        while (!released.isEmpty()) {
            depart(released.keySet().iterator().next());
        }
    }

    // ---- Internals (Python's _enter, _release, _break, _exit) ----

    private void arrive(int t) {
        if (phase == Phase.BROKEN) {
            results.put(t, Result.BROKEN);
            return;
        }
        if (phase != Phase.FILLING || count == parties) {
            preWaiting.add(t); // draining, resetting or running the action: wait (untimed) to arrive
            return;
        }
        int index = count++;
        if (index < parties - 1) {
            waiting.put(t, index);
            return;
        }
        long myGen = gen;
        if (action != null) {
            actionRunner = t;
            try {
                action.run();
            } catch (RuntimeException | Error failure) {
                actionRunner = null;
                if (gen == myGen) {
                    breakBarrier();
                }
                count--;
                exitIfDrained();
                results.put(t, new Result(Kind.ACTION_FAILED, -1, failure));
                return;
            }
            actionRunner = null;
        }
        if (gen != myGen) {
            count--; // reset() or abort() while the action ran: the trip is cancelled
            exitIfDrained();
            results.put(t, Result.BROKEN);
            return;
        }
        phase = Phase.DRAINING;
        gen++;
        releaseWaiting();
        count--;
        exitIfDrained();
        results.put(t, Result.returned(index));
    }

    private void breakBarrier() {
        if (phase == Phase.FILLING) {
            gen++;
        }
        phase = Phase.BROKEN;
        releaseWaiting();
        wakePreWaiters();
    }

    private void releaseWaiting() {
        released.putAll(waiting);
        waiting.clear();
    }

    /** Woken pre-waiters re-check: broken means BrokenBarrierError; a filling barrier lets them arrive. */
    private void wakePreWaiters() {
        int n = preWaiting.size();
        for (int i = 0; i < n && !preWaiting.isEmpty(); i++) {
            if (phase != Phase.BROKEN && (phase != Phase.FILLING || count == parties)) {
                return;
            }
            arrive(preWaiting.poll());
        }
    }

    private void exit() {
        count--;
        exitIfDrained();
    }

    private void exitIfDrained() {
        if (count == 0 && (phase == Phase.DRAINING || phase == Phase.RESETTING)) {
            phase = Phase.FILLING;
            wakePreWaiters();
        }
    }

    private void leave() {
        if (--depth == 0 && autoSettle) {
            settle();
        }
    }

    @Override
    public String toString() {
        return phase + " count=" + count + "/" + parties + " waiting=" + waiting + " released=" + released
                + " preWaiting=" + preWaiting;
    }
}
