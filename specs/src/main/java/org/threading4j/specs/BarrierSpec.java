package org.threading4j.specs;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reference model of {@code org.threading4j.Barrier}, Python's {@code threading.Barrier}.
 *
 * <p>As in Python, the state is {@code _state} ({@link Phase}) and {@code _count}, the callers inside
 * {@code await} that have arrived and not yet left. A cycle <em>fills</em>: each arrival takes the next index
 * and waits, until the last arrival runs the action and <em>trips</em> the barrier, which starts the
 * <em>drain</em>. Every waiting party is then released; when it {@link #proceed}s it leaves with its index,
 * and the last to leave makes the barrier fill again. Callers that arrive during a drain or a reset wait
 * (untimed, Python's {@code _enter}) and arrive when they proceed after it. A released party reads the phase
 * only when it proceeds (Python's {@code _wait} re-checks {@code _state}): after an {@link #abort()} during
 * the drain it leaves with {@link BrokenBarrierError} instead of its index.
 *
 * <p>Blocking follows the <a href="package-summary.html">package notes</a>: an {@code await} that would
 * block returns at once with the caller {@link #waiting(int) waiting}, and {@link #proceed}, {@link #timeOut}
 * or {@link #interrupt} gives its answer later. Proceeding before the barrier has released the caller leaves
 * it waiting (a spurious wake-up).
 *
 * <p>Differences from Python:
 * <ul>
 * <li>{@code wait} is {@code await}, and {@code BrokenBarrierError} is {@code BrokenBarrierException}.</li>
 * <li>The action may call the barrier: {@code reset()} or {@code abort()} while it runs cancels the trip
 * (every party, the runner included, gets {@code BrokenBarrierException}), and {@code await} from it throws
 * {@code IllegalStateException}; arrivals while it runs wait as during a drain.</li>
 * <li>{@code waiting()} is 0 while the action runs (Python's {@code n_waiting} counts the runner).</li>
 * <li>An interrupt of a caller not yet released breaks the barrier, and so does an interrupt pending when
 * {@code await} is called; Python threads cannot be interrupted.</li>
 * <li>A negative timeout throws {@code IllegalArgumentException}; there is no default timeout.</li>
 * </ul>
 */
public final class BarrierSpec {

    /** Python's {@code _state}: 0 filling, 1 draining, -1 resetting, -2 broken. */
    public enum Phase { FILLING, DRAINING, RESETTING, BROKEN }

    /** Python's {@code BrokenBarrierError}: the primitive throws {@code BrokenBarrierException}. */
    public static final class BrokenBarrierError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BrokenBarrierError() {
            super(null, null, false, false);
        }
    }

    private final int parties;
    private final Runnable action;
    private Phase phase = Phase.FILLING;
    /** Python's {@code _count}. */
    private int count;
    /** Parties waiting for the cycle to trip, with their indices, in arrival order. */
    private final Map<Integer, Integer> filling = new LinkedHashMap<>();
    /** Parties whose cycle has ended and that have not left yet, with their indices. */
    private final Map<Integer, Integer> released = new HashMap<>();
    /** Callers waiting to arrive until a drain or a reset is over (Python's {@code _enter}). */
    private final Set<Integer> entering = new LinkedHashSet<>();
    /** Waiting callers whose {@code await} has a timeout. */
    private final Set<Integer> timed = new HashSet<>();
    /** Callers whose interrupt status is set. */
    private final Set<Integer> interrupted = new HashSet<>();
    /** The caller running the action, or null. */
    private Integer runner;

    /** {@code Barrier(parties)}. */
    public BarrierSpec(int parties) {
        this(parties, null);
    }

    /** {@code Barrier(parties, action)}: {@code action} runs in the last arrival, before the trip. */
    public BarrierSpec(int parties, Runnable action) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be >= 1");
        }
        this.parties = parties;
        this.action = action;
    }

    /** {@code barrier.parties}. */
    public int parties() {
        return parties;
    }

    /** {@code barrier.n_waiting}: the parties waiting while a cycle fills; 0 in any other phase. */
    public int waiting() {
        return phase == Phase.FILLING && count < parties ? count : 0;
    }

    /** {@code barrier.broken}. */
    public boolean isBroken() {
        return phase == Phase.BROKEN;
    }

    /** Python's {@code _state}. */
    public Phase phase() {
        return phase;
    }

    /**
     * {@code barrier.wait()}: a pending interrupt breaks the barrier and is thrown (a broken barrier keeps it
     * pending and throws {@link BrokenBarrierError}); then the caller arrives. The last arrival runs the action,
     * trips the barrier and returns its index ({@code parties - 1}); any other waits.
     */
    public int await(int caller) throws InterruptedException {
        if (runner != null && runner == caller) {
            throw new IllegalStateException("await() called from the barrier's own action");
        }
        if (waiting(caller)) {
            throw new IllegalStateException("caller " + caller + " is blocked and cannot make a call");
        }
        timed.remove(caller);
        if (interrupted.contains(caller) && phase != Phase.BROKEN) {
            interrupted.remove(caller);
            breakBarrier();
            throw new InterruptedException();
        }
        return arrive(caller);
    }

    /** {@code barrier.wait(timeout)}: like {@link #await(int)}, and a party's wait can {@link #timeOut}. */
    public int await(int caller, Duration timeout) throws InterruptedException {
        LockSpec.checkTimeout(timeout);
        int index = await(caller);
        if (waiting(caller)) {
            timed.add(caller);
        }
        return index;
    }

    /**
     * {@code barrier.reset()}: the parties waiting leave with {@link BrokenBarrierError} and the barrier fills
     * again once they have; a broken barrier is mended. Nothing happens during a drain or a reset.
     */
    public void reset() {
        if (phase == Phase.DRAINING || phase == Phase.RESETTING) {
            return;
        }
        phase = count > 0 ? Phase.RESETTING : Phase.FILLING;
        releaseAll();
    }

    /** {@code barrier.abort()}: breaks the barrier; every waiting caller gets {@link BrokenBarrierError}. */
    public void abort() {
        breakBarrier();
    }

    // ---- steps that end a wait ----

    /**
     * A waiting caller runs again. A released party leaves: with its index during the drain, else with
     * {@link BrokenBarrierError}. A caller waiting to arrive arrives if the drain or reset is over (and then
     * answers as {@link #await(int)} does). Otherwise it waits on.
     */
    public int proceed(int caller) {
        Integer index = released.remove(caller);
        if (index != null) {
            boolean tripped = phase == Phase.DRAINING;
            leave();
            if (!tripped) {
                throw new BrokenBarrierError();
            }
            return index;
        }
        if (entering.remove(caller)) {
            return arrive(caller);
        }
        requireWaiting(caller);
        return -1;
    }

    /** A timed party's time runs out before the trip: it breaks the barrier and gets {@link BrokenBarrierError}. */
    public void timeOut(int caller) {
        if (!timed.contains(caller) || !filling.containsKey(caller)) {
            throw new IllegalStateException("caller " + caller + " is not in a timed wait for the trip");
        }
        filling.remove(caller);
        breakBarrier();
        leave();
        throw new BrokenBarrierError();
    }

    /**
     * {@code Thread.interrupt()} of {@code caller}. True if that ended its wait: a caller not yet released
     * breaks the barrier and its {@code await} throws {@code InterruptedException}. Otherwise (a released
     * caller, one not waiting) the interrupt stays pending.
     */
    public boolean interrupt(int caller) {
        boolean party = filling.remove(caller) != null;
        if (party || entering.contains(caller) && phase != Phase.BROKEN) {
            entering.remove(caller);
            breakBarrier();
            if (party) {
                leave();
            }
            return true;
        }
        interrupted.add(caller);
        return false;
    }

    /** Whether {@code caller}'s interrupt status is set. */
    public boolean isInterrupted(int caller) {
        return interrupted.contains(caller);
    }

    /** Whether {@code caller} is blocked in {@code await}. */
    public boolean waiting(int caller) {
        return filling.containsKey(caller) || released.containsKey(caller) || entering.contains(caller);
    }

    // ---- Python's _enter, _release, _break, _exit ----

    private int arrive(int caller) {
        if (phase == Phase.BROKEN) {
            throw new BrokenBarrierError();
        }
        if (phase == Phase.DRAINING || phase == Phase.RESETTING || count == parties) {
            entering.add(caller); // a drain, a reset or the action is in progress
            return -1;
        }
        int index = count++;
        if (index < parties - 1) {
            filling.put(caller, index);
            return -1;
        }
        boolean tripped = false;
        runner = caller;
        try {
            if (action != null) {
                action.run();
            }
            tripped = phase == Phase.FILLING; // not if reset() or abort() was called while the action ran
            if (tripped) {
                phase = Phase.DRAINING;
                releaseAll();
            }
        } catch (RuntimeException | Error failure) {
            if (phase == Phase.FILLING) {
                breakBarrier();
            }
            throw failure;
        } finally {
            runner = null;
            leave();
        }
        if (!tripped) {
            throw new BrokenBarrierError();
        }
        return index;
    }

    private void breakBarrier() {
        phase = Phase.BROKEN;
        releaseAll();
    }

    private void releaseAll() {
        released.putAll(filling);
        filling.clear();
    }

    private void leave() {
        count--;
        if (count == 0 && (phase == Phase.DRAINING || phase == Phase.RESETTING)) {
            phase = Phase.FILLING;
        }
    }

    private void requireWaiting(int caller) {
        if (!waiting(caller)) {
            throw new IllegalStateException("caller " + caller + " is not waiting");
        }
    }

    @Override
    public String toString() {
        return phase + " count=" + count + "/" + parties + " filling=" + filling + " released=" + released
                + " entering=" + entering;
    }
}
