package org.threading4j.specs;

import java.time.Duration;
import java.util.Objects;

/**
 * The sequential model of {@code org.threading4j.Timer}: Python's {@code threading.Timer}, with the one
 * decision threading4j adds: {@code cancel()} answers whether it stopped the action.
 *
 * <p>Python's timer is a thread whose {@code run()} is {@code finished.wait(interval); if not
 * finished.is_set(): function(); finished.set()}, and whose {@code cancel()} is {@code finished.set()}.
 * Here the "if not finished.is_set()" check and the cancel are one atomic decision, so the model has a
 * three-valued {@link Decision}: the timer fires (the action runs once) or one {@code cancel()} wins (the
 * action never runs), and the first of the two is final.
 *
 * <p>Time is explicit. The timer's thread does its work in steps that a caller drives:
 * <ul>
 * <li>{@link #fire()} is the moment the interval has passed: the thread tries to decide FIRED and, if it
 *     does, runs the action (counted by {@link #runs()}) and ends.</li>
 * <li>A zero interval fires inside {@link #start()} (Python: {@code Event.wait(0)} polls, so the function
 *     runs at once); an interval of "for ever" ({@link #TimerSpec(Duration)} with a duration too large for
 *     {@code long} nanoseconds, Python's {@code interval=None}) never reaches {@code fire()} by itself.</li>
 * <li>The thread ends as soon as the decision lets it: after the action, or at once when it finds the timer
 *     cancelled (a pending timer's thread is woken by the winning {@code cancel()}; a timer cancelled
 *     before {@code start()} ends at start).</li>
 * </ul>
 * A real {@code join()} waits for those steps; the model has the non-blocking probe {@link #joinNow()}
 * ({@code join(Duration.ZERO)}) instead.
 *
 * <p>Differences from Python:
 * <ul>
 * <li>{@code cancel()} answers whether it stopped the action from ever running.</li>
 * <li>{@code start()} refuses a negative interval (Python fires at once).</li>
 * <li>{@code join(timeout)} answers whether the timer's thread has finished (Python returns {@code None}).</li>
 * </ul>
 */
public final class TimerSpec {

    /** The one decision: UNDECIDED until the timer fires or a cancel() wins; then final. */
    public enum Decision { UNDECIDED, FIRED, CANCELLED }

    /** Python's message for a second start (RuntimeError there, IllegalStateException here). */
    public static final String STARTED_TWICE = "threads can only be started once";
    /** Python's message for join before start. */
    public static final String JOIN_BEFORE_START = "cannot join thread before it is started";
    /** The package's message for a negative duration. */
    public static final String NEGATIVE = "timeout value must be a non-negative number";

    /** How the interval behaves in the model. */
    public enum Interval {
        /** Fires inside start(). */
        ZERO,
        /** Pending after start() until a caller performs the {@link #fire()} step. */
        FINITE,
        /** Never fires; only cancel() ends it (Python's {@code interval=None}). */
        FOREVER,
        /** Negative: start() refuses it (Python would fire at once). */
        NEGATIVE
    }

    private final Interval interval;
    private boolean started;
    private Decision decision = Decision.UNDECIDED;
    /** The timer's thread has done its last piece of work (Python: the thread has stopped). */
    private boolean finished;
    /** How many times the action ran: 0 or 1. */
    private int runs;

    /** A timer with a positive finite interval: it fires when a caller performs {@link #fire()}. */
    public TimerSpec() {
        this.interval = Interval.FINITE;
    }

    /**
     * Python: {@code Timer(interval, function)}.
     *
     * @throws NullPointerException if {@code interval} is null
     */
    public TimerSpec(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        this.interval = interval.isNegative() ? Interval.NEGATIVE : interval.isZero() ? Interval.ZERO : fitsInNanos(interval) ? Interval.FINITE : Interval.FOREVER;
    }

    private static boolean fitsInNanos(Duration d) {
        try {
            d.toNanos();
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    /**
     * Python: {@code start()}; a second start raises {@code RuntimeError("threads can only be started once")}.
     * A negative interval is refused here, changing nothing (Python accepts it and fires at once).
     */
    public void start() {
        if (interval == Interval.NEGATIVE) {
            throw new IllegalArgumentException(NEGATIVE);
        }
        if (started) {
            throw new IllegalStateException(STARTED_TWICE);
        }
        started = true;
        if (decision == Decision.CANCELLED) {
            finished = true; // cancelled before start: the thread ends at once
        } else if (interval == Interval.ZERO) {
            fire();
        }
    }

    /**
     * The timer's thread at its deadline: Python's {@code if not finished.is_set(): function()}, made
     * atomic. Returns true iff this step decided FIRED (the action runs now, once).
     */
    public boolean fire() {
        if (decision != Decision.UNDECIDED) {
            return false;
        }
        decision = Decision.FIRED;
        runs++;
        if (started) {
            finished = true; // the action returned (or threw: the timer still finishes, unlike Python)
        }
        return true;
    }

    /**
     * Python: {@code cancel()} ({@code finished.set()}), which returns nothing; here it returns true iff it
     * made the decision CANCELLED.
     */
    public boolean cancel() {
        if (decision != Decision.UNDECIDED) {
            return false;
        }
        decision = Decision.CANCELLED;
        if (started) {
            finished = true; // the pending thread wakes and ends
        }
        return true;
    }

    /** True iff some cancel() returned true. */
    public boolean isCancelled() {
        return decision == Decision.CANCELLED;
    }

    /** Python: {@code is_alive()}: started and not finished. */
    public boolean isAlive() {
        return started && !finished;
    }

    /**
     * {@code join(Duration.ZERO)}: true iff finished. Python raises {@code RuntimeError("cannot join thread
     * before it is started")} before start.
     */
    public boolean joinNow() {
        if (!started) {
            throw new IllegalStateException(JOIN_BEFORE_START);
        }
        return finished;
    }

    public boolean isStarted() {
        return started;
    }

    public boolean isFinished() {
        return finished;
    }

    public Decision decision() {
        return decision;
    }

    public Interval interval() {
        return interval;
    }

    /** How many times the action ran. Invariant: {@code runs() == (decision() == FIRED ? 1 : 0)}. */
    public int runs() {
        return runs;
    }

    @Override
    public String toString() {
        return "TimerSpec[" + interval + ", " + (started ? "started" : "new") + ", " + decision
                + (finished ? ", finished" : "") + ", runs=" + runs + "]";
    }
}
