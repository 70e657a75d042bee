package org.threading4j.checks.subjects;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.threading4j.specs.BarrierSpec;
import org.threading4j.specs.BarrierSpec.BrokenBarrierError;

/**
 * {@link BarrierSpec} driven the way the checks drive a real barrier: each thread's last {@code await} kept
 * as a {@link Result}, and, after every outermost call, the barrier <em>settled</em>: every waiting thread
 * {@link BarrierSpec#proceed proceeds}, in the order it started waiting, until nothing moves. So, as with a
 * real barrier left alone for a moment, released parties have left and arrivals held by a drain have
 * arrived; only parties waiting in a filling cycle still wait. {@link #manualDepartures()} turns settling
 * off, so that a test can step through a drain with {@link #proceed}.
 */
public final class BarrierModel {

    /** How a thread's {@code await} ended, or that it has not ended yet. */
    public enum Kind {
        /** Still blocked in {@code await}. */
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

    /** A thread's answer: kind, index (RETURNED) and the action's exception (ACTION_FAILED). */
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

    /** A call into the spec that answers for {@code caller}. */
    private interface Call {
        int run() throws InterruptedException;
    }

    private final BarrierSpec spec;
    private Runnable action;
    /** The last answer per thread (PENDING while it waits). */
    private final Map<Integer, Result> results = new HashMap<>();
    /** Threads waiting in the spec, in the order they started waiting. */
    private final Set<Integer> blocked = new LinkedHashSet<>();
    /** The thread whose call is running (the action's runner, while the action runs). */
    private Integer running;
    /** The action's last exception: it goes to the runner as ACTION_FAILED. */
    private Throwable actionFailure;
    /** Calls in progress (the action may call back); settle only at the outermost. */
    private int depth;
    private boolean autoSettle = true;

    public BarrierModel(int parties) {
        this.spec = new BarrierSpec(parties, this::runAction);
    }

    /** Sets the action (an action may refer to this model, so it is set after construction). */
    public BarrierModel action(Runnable action) {
        this.action = action;
        return this;
    }

    /** Waiting threads proceed only through {@link #proceed}, so that a drain can be stepped through. */
    public BarrierModel manualDepartures() {
        this.autoSettle = false;
        return this;
    }

    /** The spec, for its queries ({@code waiting()}, {@code isBroken()}, {@code phase()}...). */
    public BarrierSpec spec() {
        return spec;
    }

    /** Thread {@code t} calls {@code await()}; its answer, or {@link Result#PENDING}. */
    public Result await(int t) {
        return call(t, () -> spec.await(t));
    }

    /** Thread {@code t} calls {@code await(timeout)}. */
    public Result await(int t, Duration timeout) {
        return call(t, () -> spec.await(t, timeout));
    }

    /** A waiting thread runs again ({@link BarrierSpec#proceed}); its answer, or PENDING if it waits on. */
    public Result proceed(int t) {
        return call(t, () -> spec.proceed(t));
    }

    /** A timed party's time runs out. */
    public void timeOut(int t) {
        call(t, () -> {
            spec.timeOut(t);
            return -1;
        });
    }

    /** Thread {@code t} is interrupted: a wait it ends answers INTERRUPTED. */
    public void interrupt(int t) {
        enter();
        try {
            if (spec.interrupt(t)) {
                blocked.remove(t);
                results.put(t, Result.INTERRUPTED);
            }
        } finally {
            exit();
        }
    }

    public void reset() {
        enter();
        try {
            spec.reset();
        } finally {
            exit();
        }
    }

    public void abort() {
        enter();
        try {
            spec.abort();
        } finally {
            exit();
        }
    }

    /** From inside the action: the runner calls {@code await()} (the spec throws IllegalStateException). */
    public void awaitFromAction() throws InterruptedException {
        spec.await(running);
    }

    /** The answer of {@code t}'s last {@code await} (PENDING while it waits), or null if it never called. */
    public Result result(int t) {
        return results.get(t);
    }

    /** Whether {@code t} is blocked in {@code await}. */
    public boolean isBlocked(int t) {
        return spec.waiting(t);
    }

    /** Every waiting thread proceeds, oldest wait first, until a round ends no wait. */
    public void settle() {
        boolean moved = true;
        while (moved) {
            moved = false;
            for (int t : new ArrayList<>(blocked)) {
                moved |= proceed(t).kind() != Kind.PENDING;
            }
        }
    }

    private Result call(int t, Call c) {
        enter();
        Integer outer = running;
        running = t;
        try {
            Result r;
            try {
                int index = c.run();
                r = spec.waiting(t) ? Result.PENDING : Result.returned(index);
            } catch (BrokenBarrierError e) {
                r = Result.BROKEN;
            } catch (InterruptedException e) {
                r = Result.INTERRUPTED;
            } catch (RuntimeException | Error e) {
                if (e != actionFailure) {
                    throw e;
                }
                r = new Result(Kind.ACTION_FAILED, -1, e);
            }
            if (r == Result.PENDING) {
                blocked.add(t);
            } else {
                blocked.remove(t);
            }
            results.put(t, r);
            return r;
        } finally {
            running = outer;
            exit();
        }
    }

    private void runAction() {
        if (action == null) {
            return;
        }
        try {
            action.run();
        } catch (RuntimeException | Error e) {
            actionFailure = e;
            throw e;
        }
    }

    private void enter() {
        depth++;
    }

    private void exit() {
        if (--depth == 0 && autoSettle) {
            depth++;
            try {
                settle();
            } finally {
                depth--;
            }
        }
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}
