package org.threading4j;

import java.time.Duration;
import org.threading4j.internal.BarrierSync;
import org.threading4j.internal.Deadline;

/**
 * A cyclic barrier for a fixed number of threads: Python's {@code threading.Barrier}. Each of
 * {@link #parties()} threads calls {@link #await()}; all of them wait until the last one arrives, then all
 * are released together (the barrier <em>trips</em>) and the barrier is ready for the next cycle.
 *
 * <p>Python to Java:
 * <pre>{@code
 * b = threading.Barrier(3, action=report)     Barrier b = new Barrier(3, this::report);
 * b = threading.Barrier(3, timeout=5)         Barrier b = new Barrier(3, null, Duration.ofSeconds(5));
 * i = b.wait()                                int i = b.await();
 * i = b.wait(timeout=1.0)                     int i = b.await(Duration.ofSeconds(1));
 * if i == 0: print("first to arrive")         if (i == 0) System.out.println("first to arrive");
 * except threading.BrokenBarrierError:        catch (BrokenBarrierException e)
 * b.reset(); b.abort()                        b.reset(); b.abort();
 * b.parties; b.n_waiting; b.broken            b.parties(); b.waiting(); b.isBroken();
 * }</pre>
 *
 * <p><b>A cycle.</b> {@code await()} returns the caller's <em>arrival index</em> in Python's order: the
 * first thread to arrive gets 0 and the last gets {@code parties - 1} (the opposite of
 * {@link java.util.concurrent.CyclicBarrier}). The last thread to arrive runs the action, if there is one,
 * in its own thread, before any party is released. Once released, the parties leave the barrier; threads
 * arriving for the next cycle before every party of the previous one has left wait until it has (Python's
 * <em>draining</em> phase; this wait is not bounded by the timeout, as in Python).
 *
 * <p><b>Breaking.</b> The barrier becomes broken, and every waiting party gets
 * {@link BrokenBarrierException}, when: a waiting party's timeout expires (it gets
 * {@code BrokenBarrierException} too), {@link #abort()} is called, the action throws (the thread that ran
 * it gets the action's exception), or a party is interrupted (it gets {@code InterruptedException}, also
 * when the interrupt is pending on entry). A broken barrier stays broken: every {@code await()} throws
 * {@code BrokenBarrierException} at once, until {@link #reset()}. {@code reset()} makes the parties waiting
 * in the current cycle throw {@code BrokenBarrierException} without breaking the barrier, and the barrier is
 * usable again as soon as they have left.
 *
 * <p><b>The trip wins.</b> Once the last party has arrived, timeouts and interrupts of the waiting parties
 * no longer break the cycle: such a party waits on and returns its index normally when the barrier trips,
 * with its interrupt status set, so an interrupt that races with the trip never breaks the barrier. While
 * the action runs, only the action failing, {@code reset()} or {@code abort()} can still stop the trip. As
 * in Python, an {@code abort()} after the trip but before a released party has left turns that party's
 * return into {@code BrokenBarrierException}; the thread that ran the action returns its index regardless.
 *
 * <p><b>An action that uses its own barrier.</b> In Python that deadlocks; here each call is defined.
 * The action runs after the last arrival and before the trip, so: {@code await()} from the action throws
 * {@link IllegalStateException} and changes nothing; {@code reset()} from the action resets the cycle
 * that is about to trip, so every party, the action's runner included, gets
 * {@code BrokenBarrierException} and the barrier is usable again afterwards; {@code abort()} from the action
 * breaks the barrier, so every party, the runner included, gets {@code BrokenBarrierException}. A
 * {@code reset()} or {@code abort()} from another thread while the action runs has the same effect. The
 * action's own exception, if it throws after such a call, still goes to the runner.
 *
 * <p><b>waiting()</b> is Python's {@code n_waiting}: the number of parties waiting while a cycle fills,
 * and 0 during the drain, a reset, when broken and (a difference from Python, which counts the action's
 * runner too) while the action runs.
 *
 * <p><b>Memory consistency effects:</b> actions in each party before it calls {@code await()}
 * <i>happen-before</i> the action, and the action <i>happens-before</i> every party's successful return
 * from {@code await()} in that cycle. So every write made by any party before the barrier is visible to
 * every party after it. {@link #waiting()}, {@link #isBroken()} have the effects of a volatile read.
 *
 * <p><b>Differences from Python {@code threading}.</b> A negative timeout throws
 * {@code IllegalArgumentException} (Python treats it as 0); interrupts exist and break the barrier; an action
 * may call its own barrier (Python deadlocks); a {@code reset()} or {@code abort()} while the action runs
 * cancels the trip (in Python it waits for the action's lock and the cycle trips); {@code waiting()} is 0
 * while the action runs (Python counts the runner). The full list is in {@code docs/barrier.md}.
 *
 * <p>Timeouts and argument checks follow the <a href="package-summary.html#conventions">package
 * conventions</a>; interrupts do too, except that an interrupt breaks the barrier, as described above.
 */
public final class Barrier {

    /** Python's message for a party count below one. */
    static final String PARTIES_MESSAGE = "parties must be >= 1";

    /** The state machine (phase, count, generation) and its wait queue. */
    private final BarrierSync sync;
    /** The constructor's timeout, or null for none (Python's {@code timeout=None}). */
    private final Duration defaultTimeout;

    /**
     * Creates a barrier for {@code parties} threads, without an action or a default timeout. Python:
     * {@code threading.Barrier(parties)}.
     *
     * @param parties the number of threads that must call {@link #await()} to trip the barrier
     * @throws IllegalArgumentException if {@code parties < 1} ("parties must be >= 1")
     */
    public Barrier(int parties) {
        this(parties, null);
    }

    /**
     * Creates a barrier for {@code parties} threads whose last arrival runs {@code action} before the
     * others are released. Python: {@code threading.Barrier(parties, action)}.
     *
     * @param parties the number of threads that must call {@link #await()} to trip the barrier
     * @param action run by the last thread to arrive, once per cycle; {@code null} for none
     * @throws IllegalArgumentException if {@code parties < 1} ("parties must be >= 1")
     */
    public Barrier(int parties, Runnable action) {
        this.defaultTimeout = null;
        this.sync = new BarrierSync(this, checkParties(parties), action);
    }

    /**
     * Creates a barrier with an action and a default timeout, used by {@link #await()}. Python:
     * {@code threading.Barrier(parties, action, timeout)}.
     *
     * @param parties the number of threads that must call {@link #await()} to trip the barrier
     * @param action  run by the last thread to arrive, once per cycle; {@code null} for none
     * @param timeout the default timeout of {@link #await()}; for none use {@link #Barrier(int, Runnable)}
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code parties < 1} ("parties must be >= 1") or {@code timeout}
     *         is negative ("timeout value must be a non-negative number")
     */
    public Barrier(int parties, Runnable action, Duration timeout) {
        this.defaultTimeout = Deadline.check(timeout);
        this.sync = new BarrierSync(this, checkParties(parties), action);
    }

    private static int checkParties(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException(PARTIES_MESSAGE);
        }
        return parties;
    }

    /**
     * Waits until all parties have arrived, with the constructor's timeout if it was given one. Python:
     * {@code barrier.wait()}.
     *
     * @return the arrival index: 0 for the first thread to arrive, {@code parties() - 1} for the last
     * @throws BrokenBarrierException if the barrier is or becomes broken, or is reset, while waiting, or
     *         the default timeout expired (which breaks it)
     * @throws InterruptedException if interrupted before or while waiting (which breaks the barrier)
     * @throws IllegalStateException if called from this barrier's own action
     */
    public int await() throws InterruptedException {
        return sync.await(defaultTimeout);
    }

    /**
     * Waits until all parties have arrived, at most {@code timeout} after arriving. Python:
     * {@code barrier.wait(timeout=t)}. A zero timeout does not wait: unless the caller is the last to arrive, it
     * breaks the barrier (as in Python).
     *
     * @param timeout how long to wait for the trip, counted from arrival (not from the wait for a drain)
     * @return the arrival index: 0 for the first thread to arrive, {@code parties() - 1} for the last
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is negative
     *         ("timeout value must be a non-negative number")
     * @throws BrokenBarrierException if the barrier is or becomes broken, or is reset, while waiting, or
     *         the timeout expired (which breaks it)
     * @throws InterruptedException if interrupted before or while waiting (which breaks the barrier)
     * @throws IllegalStateException if called from this barrier's own action
     */
    public int await(Duration timeout) throws InterruptedException {
        return sync.await(Deadline.check(timeout));
    }

    /**
     * Resets the barrier: parties waiting in the current cycle get {@link BrokenBarrierException}, a broken
     * barrier is mended, and the barrier can be used again once those parties have left (threads arriving
     * meanwhile wait). During a drain it does nothing, as in Python. Python: {@code barrier.reset()}.
     */
    public void reset() {
        sync.reset();
    }

    /**
     * Breaks the barrier: every waiting party and every later {@code await()} gets
     * {@link BrokenBarrierException}, until {@link #reset()}. Python: {@code barrier.abort()}.
     */
    public void abort() {
        sync.abort();
    }

    /**
     * Returns the number of threads needed to trip the barrier. Python: {@code barrier.parties}.
     *
     * @return the parties given at construction
     */
    public int parties() {
        return sync.parties();
    }

    /**
     * Returns the number of parties waiting in the cycle being filled; 0 while a cycle drains or resets,
     * while the action runs, or when broken. A snapshot. Python: {@code barrier.n_waiting}.
     *
     * @return the number of parties waiting in the filling cycle
     */
    public int waiting() {
        return sync.waiting();
    }

    /**
     * Tells whether the barrier is broken. Python: {@code barrier.broken}.
     *
     * @return {@code true} if broken (by a timeout, an interrupt, a failing action or {@link #abort()})
     *         and not reset since
     */
    public boolean isBroken() {
        return sync.isBroken();
    }

    /**
     * A description of the barrier's state for logs and debuggers, from one read of its state: the phase
     * (filling, draining, resetting or broken, with the {@link BrokenBarrierException.Reason reason} it
     * broke), the parties, and how many are waiting in the filling cycle or still leaving the last one,
     * e.g. {@code org.threading4j.Barrier@1b6d3586[filling, waiters=2/3]} or
     * {@code ...[broken (TIMEOUT), parties=3]}. Never blocks.
     */
    @Override
    public String toString() {
        return super.toString() + "[" + sync + "]";
    }
}
