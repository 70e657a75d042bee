package org.threading4j.specs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The sequential model of {@code org.threading4j.Semaphore}: Python's {@code threading.Semaphore}, "a
 * counter representing the number of release() calls minus the number of acquire() calls, plus an initial
 * value".
 *
 * <p>Blocking is explicit. A blocking acquire that finds no free permit does not block the caller: it
 * becomes a pending {@link Waiter} in {@link #waiting()}, oldest first, and stays there until a release
 * hands it a permit or its owner gives up ({@link #timeOut}, {@link #interrupt}). A caller drives those
 * steps; no thread ever waits in the model.
 *
 * <p>Python's {@code release(n)} adds {@code n} to the value and notifies up to {@code n} waiters, which
 * then re-check the value under the semaphore's lock. With nobody barging in between (the model is
 * sequential: a release and the wake-ups it causes are one step), that is the same as handing the new
 * permits to the oldest {@code min(n, waiting)} waiters at once, which is what {@link #release(int)} does.
 * So the model keeps, after every step, the invariant the concurrent checks test at quiescence:
 * <pre>
 *   progress:   waiting() is non-empty  implies  value() == 0      (no waiter parked while a permit is free)
 *   conserved:  value() + held() == initial + released()           (no permit lost or doubled)
 * </pre>
 * where {@link #held()} counts permits taken and not yet returned. Barging (a newcomer taking a permit
 * a woken waiter was about to take) is a concurrent effect; it does not change these answers at
 * quiescence and is left to the concurrent checks, which compare against this model by linearizability.
 *
 * <p>The non-blocking surface ({@link #tryAcquire()}, {@link #release(int)}, {@link #value()},
 * {@link #holdOnce()}, {@link #acquireRelease()}) has the signatures of the Lincheck operations.
 *
 * <p>Differences from Python:
 * <ul>
 * <li>A negative initial value and {@code release(n)} with {@code n < 1} throw {@code IllegalArgumentException} with
 * Python's {@code ValueError} message.</li>
 * <li>The value is an {@code int}: a release that would take it above {@code Integer.MAX_VALUE} throws {@code
 * IllegalStateException}.</li>
 * </ul>
 */
public class SemaphoreSpec {

    /** Python's message for a negative initial value (ValueError there, IllegalArgumentException here). */
    public static final String NEGATIVE_VALUE = "semaphore initial value must be >= 0";
    /** Python's message for {@code release(n)} with {@code n < 1}. */
    public static final String BAD_N = "n must be one or more";
    /** The package's message for a negative timeout. */
    public static final String NEGATIVE_TIMEOUT = "timeout value must be a non-negative number";
    /** threading4j's message when a plain semaphore's value would exceed {@code Integer.MAX_VALUE}. */
    public static final String OVERFLOW = "semaphore value would exceed Integer.MAX_VALUE";

    /** What became of a blocking acquire. */
    public enum Status {
        /** Pending: no permit yet. */
        WAITING,
        /** Took a permit (at once, or handed over by a release). */
        ACQUIRED,
        /** Gave up at its deadline owning nothing. */
        TIMED_OUT,
        /** Gave up on an interrupt owning nothing (InterruptedException). */
        INTERRUPTED
    }

    /** One blocking acquire: {@code acquire()}, {@code acquireInterruptibly()} or {@code tryAcquire(t)}. */
    public static final class Waiter {
        private final int id;
        private final boolean interruptible;
        private Status status = Status.WAITING;

        Waiter(int id, boolean interruptible) {
            this.id = id;
            this.interruptible = interruptible;
        }

        public int id() {
            return id;
        }

        public Status status() {
            return status;
        }

        @Override
        public String toString() {
            return "w" + id + ":" + status;
        }
    }

    /** The initial value. */
    protected final int initial;
    /** Free permits: Python's {@code _value}. */
    protected int value;
    /** Permits returned by successful releases so far. */
    private long released;
    /** Pending acquires, oldest first. */
    private final Deque<Waiter> waiting = new ArrayDeque<>();
    /** Every blocking acquire ever started, by id. */
    private final List<Waiter> all = new ArrayList<>();

    /** Python's {@code Semaphore()}: one permit. */
    public SemaphoreSpec() {
        this(1);
    }

    /** Python's {@code Semaphore(value)}. */
    public SemaphoreSpec(int value) {
        if (value < 0) {
            throw new IllegalArgumentException(NEGATIVE_VALUE);
        }
        this.initial = value;
        this.value = value;
    }

    // ---- Non-blocking surface ----

    /** {@code acquire(blocking=False)}: takes a permit if one is free. */
    public boolean tryAcquire() {
        if (value == 0) {
            return false;
        }
        value--;
        return true;
    }

    /** {@code release()}. */
    public void release() {
        release(1);
    }

    /**
     * {@code release(n)}: checks {@code n}, then the bound ({@link #checkRoom}), then adds {@code n} and
     * hands the new permits to the oldest {@code min(n, waiting)} waiters.
     */
    public void release(int n) {
        if (n < 1) {
            throw new IllegalArgumentException(BAD_N);
        }
        checkRoom(n);
        value += n;
        released += n;
        while (value > 0 && !waiting.isEmpty()) {
            value--;
            waiting.removeFirst().status = Status.ACQUIRED;
        }
    }

    /**
     * Refuses a release that would take the value too high, before anything changes. A plain semaphore is
     * unbounded in Python; here the value is an {@code int}.
     */
    protected void checkRoom(int n) {
        if ((long) value + n > Integer.MAX_VALUE) {
            throw new IllegalStateException(OVERFLOW);
        }
    }

    /** Python's {@code _value}. */
    public int value() {
        return value;
    }

    /**
     * Lincheck compound operation: {@code with sem:} around nothing, i.e. acquire then release. In a
     * scenario of net-zero operations on a semaphore with a permit it never blocks; it answers whether
     * the permits in use stayed within the initial value (always true sequentially).
     */
    public boolean holdOnce() {
        if (value == 0) {
            throw new IllegalStateException("would block for ever: no permit and nothing in flight");
        }
        return true;
    }

    /** Lincheck compound operation: {@code acquire()} then {@code release()} by hand; as {@link #holdOnce()}. */
    public boolean acquireRelease() {
        return holdOnce();
    }

    // ---- Explicit blocking ----

    /**
     * Starts a blocking acquire ({@code acquire()}; with {@code interruptible}, {@code acquireInterruptibly()}
     * or a timed {@code tryAcquire(t)}): takes a free permit at once, or becomes a pending waiter.
     */
    public Waiter acquire(boolean interruptible) {
        Waiter w = new Waiter(all.size(), interruptible);
        all.add(w);
        if (value > 0) {
            value--;
            w.status = Status.ACQUIRED;
        } else {
            waiting.addLast(w);
        }
        return w;
    }

    /** The waiter's deadline passes: a pending waiter leaves owning nothing; otherwise nothing happens. */
    public boolean timeOut(Waiter w) {
        return leave(w, Status.TIMED_OUT);
    }

    /**
     * The waiter's thread is interrupted: a pending interruptible waiter leaves owning nothing (and throws);
     * an uninterruptible one keeps waiting (the interrupt is re-asserted when it returns); a finished one
     * is unaffected.
     */
    public boolean interrupt(Waiter w) {
        return w.interruptible && leave(w, Status.INTERRUPTED);
    }

    private boolean leave(Waiter w, Status outcome) {
        if (w.status != Status.WAITING) {
            return false;
        }
        waiting.remove(w);
        w.status = outcome;
        return true;
    }

    /** Pending waiters, oldest first. */
    public List<Waiter> waiting() {
        return List.copyOf(waiting);
    }

    /** Every blocking acquire started, in order. */
    public List<Waiter> waiters() {
        return List.copyOf(all);
    }

    // ---- Accounting ----

    /** The initial value. */
    public int initial() {
        return initial;
    }

    /** Permits returned by successful releases. */
    public long released() {
        return released;
    }

    /** Permits taken and not yet returned: {@code initial + released - value}. */
    public long held() {
        return initial + released - value;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[value=" + value + ", waiting=" + waiting + "]";
    }
}
