package org.threading4j.internal;

import java.time.Duration;
import org.threading4j.BrokenBarrierException;
import org.threading4j.BrokenBarrierException.Reason;

/**
 * A cyclic barrier over {@link WaitQueue}: the engine behind {@code Barrier}. Python's
 * {@code threading.Barrier} state machine ({@code _state}, {@code _count}) packed into one state word,
 * with a generation added so that a party can tell "my cycle is still filling" from everything else with
 * one comparison.
 *
 * <pre>
 * State word
 * ==========
 *
 *   bits 0..1    phase    FILLING, DRAINING, RESETTING or BROKEN (Python's _state 0, 1, -1, -2)
 *   bit  2       QUEUED   the wait queue is non-empty (the engine's bit)
 *   bits 3..33   count    threads inside await() that arrived and have not yet departed (Python's _count)
 *   bits 34..35  why      BROKEN only: why it broke (TIMED_OUT, INTERRUPT, ABORT, ACTION_FAILED); set by
 *                         the transition into BROKEN, ignored in every other phase
 *   bits 36..63  gen      the cycle's number; wraps, compared only for equality
 *
 *   phase      count             meaning                              what an arrival does
 *   ---------  ----------------  -----------------------------------  -----------------------------------
 *   FILLING    0 .. parties-1    a cycle is filling                   takes index = count, count + 1
 *   FILLING    parties           the last party runs the action       waits (pre-wait) for the drain
 *   DRAINING   1 .. parties      tripped; parties that had not        waits (pre-wait) for the drain
 *                                parked yet are still to leave
 *   RESETTING  1 .. parties      reset; the reset cycle's parties     waits (pre-wait) for the drain
 *                                are leaving with BrokenBarrier...
 *   BROKEN     0 .. parties      broken until reset()                 throws BrokenBarrierException
 *
 * Transitions (each one CAS on the state word; a transition that finds QUEUED set goes through the
 * engine's wake, which makes the CAS and resolves the queue under the queue lock; the no-action trip is
 * the arrival CAS, and its wake-up follows)
 * ===========
 *
 *   arrive          FILLING c        -> FILLING c+1                  (c+1 &lt; parties, or an action will run)
 *   trip            FILLING c=p-1|p  -> DRAINING p, gen+1            no action: in the arrival CAS
 *   release         DRAINING c       -> DRAINING c-g-1               the last arrival, under the queue lock:
 *                                       (FILLING 0 if that is 0)     g parked parties GRANTED, pre-waiters
 *                                                                    SIGNALLED (skipped if none queued)
 *   depart          X c              -> X c-1                        a party not released by the trip
 *   drain end       DRAINING|RESETTING 1 -> FILLING 0                the last party out; wake the pre-waiters
 *   break           FILLING          -> BROKEN, gen+1                timeout, interrupt, failing action; wake all
 *   abort           FILLING          -> BROKEN, gen+1                wake all
 *                   (every transition into BROKEN writes its why; BROKEN is left only by reset)
 *                   DRAINING|RESETTING -> BROKEN                     (the cycle already ended: gen unchanged)
 *   reset           FILLING|BROKEN c&gt;0 -> RESETTING, gen+1         wake all
 *                   FILLING|BROKEN 0  -> FILLING 0, gen+1            wake all
 *                   DRAINING|RESETTING -> unchanged                  (Python: reset during a drain does nothing)
 * </pre>
 *
 * <p><b>Generation.</b> Every transition out of FILLING advances {@code gen} (trip, break, abort, reset),
 * and nothing returns to FILLING while a party of the old cycle is still inside (the drain end needs
 * {@code count == 0}). So for a party that arrived in generation {@code g}, "{@code gen == g}" means "my
 * cycle is still filling, keep waiting" and anything else means "my cycle is over": the phase then says how
 * (DRAINING: it tripped, return the index; RESETTING or BROKEN: throw). One cycle cannot leak into the next.
 *
 * <p><b>The trip departs the parked parties.</b> In Python every released thread must re-acquire the
 * barrier's lock to leave, and the next cycle waits for the last of them (the drain). Here the last arrival
 * decides for every party parked in the queue at the trip: it resolves each one {@code GRANTED} (tagged
 * with its generation, so pre-waiters are told apart) and takes them out of {@code count} in the same CAS
 * that takes itself out. A granted party returns its index without touching the state, and when every
 * party was parked the drain ends in that CAS: the next cycle can fill while the released threads are
 * still being scheduled, and a party re-arriving at once parks once per cycle, not twice. This is Python's
 * behaviour under the schedule where released threads leave before anyone else runs. With at most twice
 * as many parties as CPUs, the released parties help unpark each other
 * (a shared {@link WaitQueue#wake}): each wake-up is a system call, and several can be made at once.
 *
 * <p><b>Departure decides, for the rest.</b> A party that had not parked when its cycle ended (still on its
 * way in, or back from a timeout or interrupt that lost to the trip) departs on its own and, as in Python,
 * reads its verdict from the phase in the same CAS: an {@code abort()} after the trip but before such a
 * party has left turns its return into {@code BrokenBarrierException} (Python's race); the party that ran
 * the action returns its index regardless.
 *
 * <p><b>Waiting.</b> Parties and pre-waiters share one queue; a pre-waiter's wake-up is "re-check"
 * ({@code SIGNALLED}), and every transition that matters wakes the whole queue, Python's
 * {@code notify_all}. A party validates ({@code gen} still its own) and enqueues under the queue lock, so a
 * trip either precedes the validation (the party does not park) or finds it queued.
 *
 * <p><b>Timeout or interrupt of a party.</b> The engine removes the waiter from the queue; then, under the
 * queue lock, the party looks at the state: its cycle already over (the trip won the race): that verdict,
 * with the interrupt status kept; its cycle full (the action is running, so the trip is decided): wait for
 * the end uninterruptibly, the interrupt kept; otherwise it breaks the barrier and throws.
 *
 * <p><b>Why it broke.</b> The reason is part of the state word ({@code why}), written by the one CAS that
 * breaks the barrier, so it is the first cause of the current broken state and nothing can overwrite it
 * while the barrier stays broken: a party reads it from the same state it departs from (or, arriving, finds
 * broken), and gets a {@link BrokenBarrierException} with that reason; a party that departs from RESETTING
 * gets {@link Reason#RESET}. A failing action's exception does not fit in the word: it is kept in
 * {@link #actionFailure} with the generation of the broken state it caused, written under the queue lock
 * before that state's CAS, so a party finds the cause of its own broken state (a party so late that a
 * later failure replaced it gets the reason without the cause).
 */
public final class BarrierSync extends WaitQueue {

    // ---- Phases (bits 0..1) ----

    /** Arrivals join the current cycle (Python state 0). */
    public static final int FILLING = 0;
    /** The cycle tripped; its parties are leaving; arrivals wait (Python state 1). */
    public static final int DRAINING = 1;
    /** reset() with parties inside; they leave with BrokenBarrierException; arrivals wait (Python -1). */
    public static final int RESETTING = 2;
    /** Broken: await() throws until reset() (Python state -2). */
    public static final int BROKEN = 3;

    static final long PHASE_MASK = 3L;
    private static final int NCPU = Runtime.getRuntime().availableProcessors();
    /** Polls of the state word before parking, when spinning at all (see {@code spins}): a few microseconds. */
    static final int SPINS = 1 << 9;

    /** {@link Waiter#tag()} of a thread waiting to arrive (never a generation: those have bits 0..33 clear). */
    static final long PRE_WAITER = 1L;
    /** Bit 2: the wait queue is non-empty. */
    static final long QUEUED = 4L;
    static final int COUNT_SHIFT = 3;
    static final long COUNT_ONE = 1L << COUNT_SHIFT;
    static final long COUNT_MASK = 0x7FFF_FFFFL << COUNT_SHIFT;
    static final int WHY_SHIFT = 34;
    static final long WHY_MASK = 3L << WHY_SHIFT;
    static final int GEN_SHIFT = 36;
    static final long GEN_ONE = 1L << GEN_SHIFT;
    static final long GEN_MASK = -1L << GEN_SHIFT;


    // ---- Why a barrier broke (bits 34..35 of a BROKEN state) ----

    static final int TIMED_OUT = 0;
    static final int INTERRUPT = 1;
    static final int ABORT = 2;
    static final int ACTION_FAILED = 3;
    /** The public reason of each {@code why} code. */
    private static final Reason[] REASONS = {Reason.TIMEOUT, Reason.INTERRUPTED, Reason.ABORTED, Reason.ACTION_FAILED};

    /** A failing action's exception and the generation of the broken state it caused. */
    private record ActionFailure(long gen, Throwable cause) {
    }

    /** Message of the {@code IllegalStateException} for {@code await()} from the barrier's own action. */
    public static final String AWAIT_IN_ACTION = "await() called from the barrier's own action";

    /** Python's parties. */
    private final int parties;
    /** Run by the last arrival before the trip; null for none. */
    private final Runnable action;
    /**
     * How many times a party polls the state before it parks: {@link #SPINS} when every party can have a
     * CPU of its own (a 2-party barrier on 2 cores: the partner is running and arrives within microseconds,
     * sooner than a park and unpark round trip), 0 otherwise (parties outnumber the CPUs, so a spinning
     * party would take the CPU that the parties it waits for need).
     */
    private final int spins;
    /**
     * Whether parties released by a trip help wake the others (a shared {@link WaitQueue#wake}): when
     * there are at most twice as many parties as CPUs. A wake-up is a system call, and woken parties that
     * can run at once make several at a time; on 2 cores a 4-party cycle got faster with it and an 8-party
     * one slower (the A/B runs are in docs/performance.md): more threads woken at once than
     * the CPUs can run only crowd them.
     */
    private final boolean sharedWakeUp;
    /**
     * The exception of the action that broke the barrier last, or null; see "Why it broke" in the class
     * comment. Written under the queue lock, before the CAS into the broken state it belongs to.
     */
    private volatile ActionFailure actionFailure;
    /**
     * The thread running the action, or null. Plain: only ever compared with the reading thread itself,
     * which always sees its own last write (so a stale value can never equal it by mistake).
     */
    private Thread actionRunner;

    public BarrierSync(Object blocker, int parties, Runnable action) {
        super(blocker, QUEUED, FILLING);
        this.parties = parties;
        this.action = action;
        this.spins = parties <= NCPU ? SPINS : 0;
        this.sharedWakeUp = parties <= 2 * NCPU;
    }

    // ---- Reading the state word ----

    static int phase(long s) {
        return (int) (s & PHASE_MASK);
    }

    static int count(long s) {
        return (int) ((s & COUNT_MASK) >>> COUNT_SHIFT);
    }

    static long gen(long s) {
        return s & GEN_MASK;
    }

    static int why(long s) {
        return (int) ((s & WHY_MASK) >>> WHY_SHIFT);
    }

    /**
     * The exception for a party whose cycle ended without a trip, in state {@code s} (RESETTING or BROKEN):
     * RESET, or the reason {@code s} records, with a failed action's exception as the cause.
     */
    private BrokenBarrierException broken(long s) {
        if (phase(s) != BROKEN) {
            return new BrokenBarrierException(Reason.RESET, null);
        }
        int why = why(s);
        Throwable cause = null;
        if (why == ACTION_FAILED) {
            ActionFailure f = actionFailure;
            cause = f != null && f.gen() == gen(s) ? f.cause() : null;
        }
        return new BrokenBarrierException(REASONS[why], cause);
    }

    public int parties() {
        return parties;
    }

    /** Python's {@code n_waiting}: parties waiting while a cycle fills; 0 otherwise (also during the action). */
    public int waiting() {
        long s = state();
        int c = count(s);
        return phase(s) == FILLING && c < parties ? c : 0;
    }

    public boolean isBroken() {
        return phase(state()) == BROKEN;
    }

    // ---------------------------------------------------------------------------------------------
    // await
    // ---------------------------------------------------------------------------------------------

    /**
     * Python's {@code wait()}: arrive, and unless last wait for the trip, at most {@code timeout} (null: no
     * timeout), counted from arrival: the pre-wait for a drain is not timed, as in Python.
     */
    public int await(Duration timeout) throws InterruptedException {
        if (actionRunner == Thread.currentThread()) {
            throw new IllegalStateException(AWAIT_IN_ACTION);
        }
        if (Thread.interrupted()) {
            interrupted(); // always throws
        }
        // Fast path: one CAS joins a filling cycle.
        long s = state();
        int c = count(s);
        long arrived;
        if (phase(s) == FILLING && c < parties && casState(s, arrive(s, c))) {
            arrived = s;
        } else {
            arrived = arriveSlow();
        }
        int index = count(arrived);
        if (index == parties - 1) {
            return tripAsLast(index, gen(arrived));
        }
        return waitForTrip(index, gen(arrived), timeout == null ? Deadline.NONE : Deadline.of(timeout));
    }

    /**
     * The state after arriving as party {@code c} of a filling cycle: count + 1, and when it is the last
     * party and there is no action, the trip itself in the same CAS (no window for a reset or abort to
     * slip between the last arrival and the trip).
     */
    private long arrive(long s, int c) {
        if (c == parties - 1 && action == null) {
            return ((s & ~PHASE_MASK) | DRAINING) + COUNT_ONE + GEN_ONE;
        }
        return s + COUNT_ONE;
    }

    /**
     * Arrival when the fast path failed: retries the CAS, throws on a broken barrier, and otherwise waits
     * (untimed, as Python's {@code _enter}) while the previous cycle drains, resets or runs its action.
     * Returns the state it arrived in.
     */
    private long arriveSlow() throws InterruptedException {
        // Spins before the pre-wait parks only when every party can have a CPU (see spins): when parties
        // outnumber the CPUs, a spinning arrival steals the CPU the departing parties need (measured slower).
        for (;;) {
            long s = state();
            int phase = phase(s), c = count(s);
            if (phase == FILLING && c < parties) {
                if (casState(s, arrive(s, c))) {
                    return s;
                }
            } else if (phase == BROKEN) {
                throw broken(s);
            } else if (!spunFor(s)) {
                preWait();
            }
        }
    }

    /** Polls up to {@code spins} times for the state to change from {@code s}; true if it did. */
    private boolean spunFor(long s) {
        for (int i = spins; i > 0; i--) {
            Thread.onSpinWait();
            if (state() != s) {
                return true;
            }
        }
        return false;
    }

    /** Parks until the state changes from "cannot arrive" (the waker's notify_all); then the caller retries. */
    private void preWait() throws InterruptedException {
        if (await(Waiter.tagged(PRE_WAITER), false, true, Deadline.NONE) == Outcome.INTERRUPTED) {
            interrupted();
        }
    }

    /** Under the queue lock: a pre-waiter waits while it cannot arrive; a party while its cycle fills. */
    @Override
    protected boolean mustWait(long s, Waiter w) {
        if (w.tag() == PRE_WAITER) {
            int phase = phase(s);
            return phase != BROKEN && !(phase == FILLING && count(s) < parties);
        }
        return gen(s) == w.tag();
    }

    /**
     * An interrupt before the thread's cycle was decided: break the barrier (as abort()) and throw
     * InterruptedException; if the barrier was already broken, throw BrokenBarrierException with the
     * interrupt status set again (CyclicBarrier's order).
     */
    private void interrupted() throws InterruptedException {
        long found = breakUnlessBroken(INTERRUPT);
        if (found == 0L) {
            throw new InterruptedException();
        }
        Thread.currentThread().interrupt();
        throw broken(found);
    }

    /** Outcomes of a party's wait, decided from the state it departs from. */
    private int verdict(int index, long departedFrom) {
        if (phase(departedFrom) == DRAINING) {
            return index;
        }
        throw broken(departedFrom); // RESETTING or BROKEN: the cycle was reset or broken
    }

    /**
     * The wait of a party that is not the last: until its generation ends. See the class comment for what
     * a timeout or an interrupt does.
     */
    private int waitForTrip(int index, long myGen, Deadline deadline) throws InterruptedException {
        boolean mayGiveUp = true;  // false once the cycle was seen full: the trip is decided
        boolean interrupted = false;
        if (Races.WIDEN) {
            Races.pause(); // test seam: the trip may come before this party parks (it then departs on its own)
        }
        for (int i = spins; i > 0; i--) {
            if (gen(state()) != myGen) {
                return departParty(index, false); // over while spinning: depart on our own, as in Python
            }
            Thread.onSpinWait();
        }
        for (;;) {
            if (gen(state()) != myGen) {
                return departParty(index, interrupted); // over already: no need for the queue lock
            }
            // a party of cycle myGen: the trip hands it its index (GRANTED)
            Waiter w = Waiter.tagged(myGen);
            switch (await(w, false, mayGiveUp, mayGiveUp ? deadline : Deadline.NONE)) {
                case PASSED:
                    return departParty(index, interrupted); // the cycle ended while we registered
                case GRANTED:
                    // The trip released this party and departed it: the index is ours, the state is not touched.
                    if (sharedWakeUp) {
                        helpUnpark(w); // wake the parties after us in the trip's chain, beside the last arrival
                    }
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                    return index;
                case SIGNALLED:
                    continue; // re-check (a notify_all): validate again
                default:
                    break;
            }
            // TIMED_OUT or INTERRUPTED: we left the queue; decide with the state, under the queue lock.
            boolean wasInterrupt = w.status() == Outcome.INTERRUPTED;
            int why = wasInterrupt ? INTERRUPT : TIMED_OUT;
            long s = wake((t, queued) -> {
                if (gen(t) != myGen || count(t) == parties) {
                    return t; // the cycle ended first (its verdict), or the action runs (the trip is decided)
                }
                wakeAll();
                return brokenFrom(t, why);
            }, false);
            if (gen(s) != myGen) {
                return departParty(index, interrupted || wasInterrupt);
            }
            if (count(s) == parties) {
                mayGiveUp = false; // the action is running, so the trip is decided: wait for it
                interrupted |= wasInterrupt;
                continue;
            }
            depart(); // we broke it
            if (wasInterrupt) {
                throw new InterruptedException();
            }
            throw new BrokenBarrierException(Reason.TIMEOUT, null); // Python breaks the barrier and raises
        }
    }

    /** Departs a party whose cycle is over and returns or throws its verdict; re-asserts a kept interrupt. */
    private int departParty(int index, boolean interrupted) {
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return verdict(index, depart());
    }

    /** The last arrival: runs the action (if any), then trips, waking every party. */
    private int tripAsLast(int index, long myGen) {
        if (action == null) {
            // Tripped in the arrival CAS already: release the parked parties and leave.
            if ((state() & QUEUED) == 0) {
                depart(); // nobody parked: the parties still on their way in depart on their own
            } else {
                wake((s, queued) -> released(s, myGen), false);
            }
            return index;
        }
        Thread me = Thread.currentThread();
        actionRunner = me;
        try {
            action.run();
        } catch (Throwable failure) {
            actionRunner = null;
            wake((s, queued) -> {
                if (gen(s) != myGen) {
                    return s; // a reset() or abort() (in the action or elsewhere) ended the cycle already
                }
                long next = brokenFrom(s, ACTION_FAILED);
                actionFailure = new ActionFailure(gen(next), failure); // before the CAS that publishes it
                wakeAll();
                return next;
            }, false);
            depart();
            throw failure; // the action's own exception, to the thread that ran it
        }
        actionRunner = null;
        // FILLING, count == parties -> DRAINING, gen + 1, and the release (only arrivals and departures
        // change the state outside the queue lock, and neither can happen now)
        long from = wake((s, queued) -> gen(s) != myGen ? s : released(((s & ~PHASE_MASK) | DRAINING) + GEN_ONE, myGen),
                sharedWakeUp);
        if (gen(from) != myGen) {
            throw broken(depart()); // reset() or abort() during the action (from it or another thread)
        }
        return index;
    }

    /**
     * In a wake plan, once state {@code s} has left cycle {@code myGen}: every parked party of that cycle is
     * resolved GRANTED (it returns its index without touching the state) and departs here, together with the
     * last arrival itself; pre-waiters are resolved SIGNALLED and retry. If nobody else of the cycle is still
     * inside, the drain ends in the same CAS. Parties that had not parked yet depart on their own, reading the
     * phase as in Python.
     */
    private long released(long s, long myGen) {
        wakeAllGranting(myGen);
        long next = s - (countTaggedLocked(myGen) + 1L) * COUNT_ONE;
        int phase = phase(next);
        if (count(next) == 0 && (phase == DRAINING || phase == RESETTING)) {
            next = (next & GEN_MASK) | FILLING; // drain end
        }
        return next;
    }

    // ---------------------------------------------------------------------------------------------
    // Departure, break, abort, reset
    // ---------------------------------------------------------------------------------------------

    /**
     * Leaves the barrier: count - 1, and the last party out of a drain or a reset turns the barrier back to
     * FILLING and wakes the pre-waiters (Python's {@code _exit}). Returns the state departed from.
     */
    private long depart() {
        for (;;) {
            long s = state();
            int phase = phase(s);
            boolean drainEnd = count(s) == 1 && (phase == DRAINING || phase == RESETTING);
            if (drainEnd && (s & QUEUED) != 0) {
                return wake((t, queued) -> departed(t, true), false); // pre-waiters announced: none is missed
            }
            if (casState(s, departed(s, false))) {
                return s;
            }
        }
    }

    /** The state after one party departs from {@code s}; in a wake plan, the drain end wakes the pre-waiters. */
    private long departed(long s, boolean inPlan) {
        int phase = phase(s);
        if (count(s) == 1 && (phase == DRAINING || phase == RESETTING)) {
            if (inPlan) {
                wakeAll();
            }
            return (s & GEN_MASK) | FILLING;
        }
        return s - COUNT_ONE;
    }

    /**
     * The state after breaking from {@code s} for reason {@code why}: BROKEN with that reason, QUEUED cleared
     * (the breaker wakes everyone), and a new generation when a filling cycle ends (from DRAINING or
     * RESETTING the cycle had ended already).
     */
    private static long brokenFrom(long s, int why) {
        long bump = phase(s) == FILLING ? GEN_ONE : 0L;
        return (((s & ~(PHASE_MASK | WHY_MASK)) | BROKEN | (long) why << WHY_SHIFT) + bump) & ~QUEUED;
    }

    /**
     * Python's {@code abort()}, also used for an interrupt outside a decided cycle: breaks the barrier for
     * reason {@code why} unless it is already broken, and wakes everyone. Returns 0 if it broke the barrier,
     * otherwise the broken state it found (never 0: its phase bits are set).
     */
    private long breakUnlessBroken(int why) {
        long s = wake((t, queued) -> {
            if (phase(t) == BROKEN) {
                return t;
            }
            wakeAll();
            return brokenFrom(t, why);
        }, false);
        return phase(s) == BROKEN ? s : 0L;
    }

    /** Python's {@code abort()}: broken until {@link #reset()}. */
    public void abort() {
        breakUnlessBroken(ABORT);
    }

    /** Python's {@code reset()}; see the transition table. */
    public void reset() {
        wake((s, queued) -> {
            int phase = phase(s);
            if (phase == DRAINING || phase == RESETTING) {
                return s; // Python: a reset during a drain leaves it alone
            }
            wakeAll();
            return count(s) > 0 ? ((s & ~PHASE_MASK) | RESETTING) + GEN_ONE : ((s & GEN_MASK) + GEN_ONE) | FILLING;
        }, false);
    }

    /**
     * The state for {@code Barrier.toString()}, from one read of the state word: never blocks. E.g.
     * {@code "filling, waiters=2/3"}, {@code "filling, waiters=3/3, action running"},
     * {@code "draining, parties=3, leaving=1"}, {@code "resetting, parties=3, leaving=2"},
     * {@code "broken (TIMEOUT), parties=3"}.
     */
    @Override
    public String toString() {
        long s = state();
        int c = count(s);
        switch (phase(s)) {
            case FILLING:
                return "filling, waiters=" + c + "/" + parties + (c == parties ? ", action running" : "");
            case DRAINING:
                return "draining, parties=" + parties + ", leaving=" + c;
            case RESETTING:
                return "resetting, parties=" + parties + ", leaving=" + c;
            default:
                return "broken (" + REASONS[why(s)] + "), parties=" + parties
                        + (c > 0 ? ", leaving=" + c : "");
        }
    }
}
