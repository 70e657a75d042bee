package org.threading4j.specs;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reference model of {@code org.threading4j.Timer}, Python's {@code threading.Timer}: a thread that waits
 * for the interval and then runs the function, unless it was cancelled first.
 *
 * <p>Python's timer thread runs {@code finished.wait(interval); if not finished.is_set(): function();
 * finished.set()}, and {@code cancel()} is {@code finished.set()}. threading4j makes the check and the cancel
 * one atomic {@link Decision}: the timer fires (the function runs once) or one {@code cancel()} wins (it never
 * runs), and the first of the two is final.
 *
 * <p>The timer's thread is not a caller: the driver says when its interval has passed with {@link #fire()}.
 * A zero interval fires inside {@link #start()} ({@code Event.wait(0)} polls, so the function runs at once);
 * an interval too large for {@code long} nanoseconds (Python's {@code interval=None}) is never due, and the
 * driver does not fire it. The thread <em>finishes</em> once the decision lets it: after the function, or at
 * once when a {@code cancel()} wins (a timer cancelled before {@code start()} finishes at start). Its finish
 * ends every {@code join} (see the <a href="package-summary.html">package notes</a> on callers and waiting).
 *
 * <p>Differences from Python:
 * <ul>
 * <li>{@code cancel()} answers whether it stopped the function from ever running.</li>
 * <li>{@code start()} refuses a negative interval (Python fires at once).</li>
 * <li>{@code join(timeout)} answers whether the timer's thread has finished (Python returns {@code None}).</li>
 * <li>An interrupt ends a {@code join} with {@code InterruptedException}; Python threads cannot be
 * interrupted.</li>
 * </ul>
 */
public final class TimerSpec {

    /** The one decision: undecided until the timer fires or a {@code cancel()} wins; then final. */
    public enum Decision { UNDECIDED, FIRED, CANCELLED }

    /** Python's message for a second start (RuntimeError there, IllegalStateException here). */
    public static final String STARTED_TWICE = "threads can only be started once";
    /** Python's message for join before start. */
    public static final String JOIN_BEFORE_START = "cannot join thread before it is started";
    /** The package's message for a negative duration. */
    public static final String NEGATIVE = LockSpec.NEGATIVE_TIMEOUT;

    private final Duration interval;
    private final Runnable function;
    private boolean started;
    private Decision decision = Decision.UNDECIDED;
    /** The timer's thread has stopped. */
    private boolean finished;
    /** Callers blocked in {@code join}: whether the join is timed. */
    private final Map<Integer, Boolean> joining = new LinkedHashMap<>();
    /** Callers whose interrupt status is set. */
    private final Set<Integer> interrupted = new HashSet<>();

    /** {@code Timer(1, function)} with a function that does nothing: it fires when the driver says so. */
    public TimerSpec() {
        this(Duration.ofSeconds(1), () -> { });
    }

    /** {@code Timer(interval, function)}. */
    public TimerSpec(Duration interval, Runnable function) {
        this.interval = Objects.requireNonNull(interval, "interval");
        this.function = Objects.requireNonNull(function, "function");
    }

    /**
     * {@code timer.start()}; a second start raises {@code RuntimeError("threads can only be started once")}.
     * A negative interval is refused first, changing nothing. A zero interval fires at once.
     */
    public void start() {
        if (interval.isNegative()) {
            throw new IllegalArgumentException(NEGATIVE);
        }
        if (started) {
            throw new IllegalStateException(STARTED_TWICE);
        }
        started = true;
        if (decision == Decision.CANCELLED) {
            finish();
        } else if (interval.isZero()) {
            fire();
        }
    }

    /**
     * The timer's thread at its deadline: Python's {@code if not finished.is_set(): function()}, made
     * atomic. True iff this step decided to fire: the function runs now, once, and the thread finishes.
     */
    public boolean fire() {
        if (decision != Decision.UNDECIDED) {
            return false;
        }
        decision = Decision.FIRED;
        function.run();
        if (started) {
            finish(); // also if the function threw, unlike Python
        }
        return true;
    }

    /** {@code timer.cancel()}: true iff it won the decision; a started timer's thread then finishes. */
    public boolean cancel() {
        if (decision != Decision.UNDECIDED) {
            return false;
        }
        decision = Decision.CANCELLED;
        if (started) {
            finish();
        }
        return true;
    }

    /** Whether a {@link #cancel()} won the decision. */
    public boolean isCancelled() {
        return decision == Decision.CANCELLED;
    }

    /** {@code timer.is_alive()}: started and not finished. */
    public boolean isAlive() {
        return started && !finished;
    }

    /** {@code timer.join()}: returns if the thread has finished, else the caller waits for it to finish. */
    public void join(int caller) throws InterruptedException {
        join(caller, null);
    }

    /**
     * {@code timer.join(timeout)}: arguments and the start first, then a pending interrupt; true if the
     * thread has finished, false at once for a zero timeout, otherwise the caller waits (timed).
     */
    public boolean join(int caller, Duration timeout) throws InterruptedException {
        if (timeout != null) {
            LockSpec.checkTimeout(timeout);
        }
        if (!started) {
            throw new IllegalStateException(JOIN_BEFORE_START);
        }
        if (joining.containsKey(caller)) {
            throw new IllegalStateException("caller " + caller + " is blocked and cannot make a call");
        }
        if (interrupted.remove(caller)) {
            throw new InterruptedException();
        }
        if (!finished && (timeout == null || !timeout.isZero())) {
            joining.put(caller, timeout != null);
        }
        return finished;
    }

    /** A timed join's time runs out: it returns false. */
    public void timeOut(int caller) {
        if (joining.get(caller) != Boolean.TRUE) {
            throw new IllegalStateException("caller " + caller + " is not in a timed wait");
        }
        joining.remove(caller);
    }

    /**
     * {@code Thread.interrupt()} of {@code caller}: true if that ended its {@link #join(int) join} (which
     * throws {@code InterruptedException}); otherwise the interrupt stays pending.
     */
    public boolean interrupt(int caller) {
        if (joining.remove(caller) != null) {
            return true;
        }
        interrupted.add(caller);
        return false;
    }

    /** Whether {@code caller}'s interrupt status is set. */
    public boolean isInterrupted(int caller) {
        return interrupted.contains(caller);
    }

    /** Whether {@code caller} is blocked in {@link #join(int) join}. */
    public boolean waiting(int caller) {
        return joining.containsKey(caller);
    }

    /** The thread stops: every {@code join} returns (true). */
    private void finish() {
        finished = true;
        joining.clear();
    }

    @Override
    public String toString() {
        return "TimerSpec[" + interval + ", " + (started ? "started" : "new") + ", " + decision
                + (finished ? ", finished" : "") + (joining.isEmpty() ? "" : ", joining " + joining.keySet()) + "]";
    }
}
