package org.threading4j.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A counting semaphore over {@link WaitQueue}: the engine behind {@code Lock} (one permit, bound one),
 * {@code RLock} (the same, plus an owner kept by the facade), {@code Semaphore} and
 * {@code BoundedSemaphore}.
 *
 * <pre>
 * State word
 * ==========
 *
 *   state = permits &lt;&lt; 32 | awake &lt;&lt; 1 | PARKED
 *
 *   bit 0        PARKED   the wait queue is non-empty (the engine's QUEUED bit)
 *   bits 1..31   awake    woken competitors: threads a release woke to take a free permit, which
 *                         have neither taken one nor given up yet
 *   bits 32..62  permits  free permits, 0 .. bound (bound &lt;= Integer.MAX_VALUE)
 *
 *   permits  PARKED  meaning
 *   -------  ------  ---------------------------------------------------------------
 *     0        0     all permits taken (a Lock: locked), nobody parked
 *     0        1     all permits taken, threads parked: a release must see that someone
 *                    is awake to take its permit, or wake someone
 *    &gt;0        0     permits free, nobody parked: an acquire is one CAS
 *    &gt;0        1     transient: permits were released and woken competitors have not yet
 *                    taken them; newcomers may barge in and take them first
 *
 *   Invariants (whenever the queue lock is free):
 *     PARKED == (wait queue non-empty)
 *     PARKED implies permits &lt;= awake: every free permit has a competitor awake to take it
 * </pre>
 *
 * <p><b>Acquire</b> is one CAS taking a permit. When none is free the thread waits through the engine's
 * {@link #await}: it must wait while no permit is free ({@link #mustWait}). A release either happens
 * before the engine's PARKED CAS (the waiter sees the permit and does not park) or after it (the releaser
 * sees PARKED and wakes someone through {@link #wake}): no wake-up can fall between the two.
 *
 * <p><b>Release</b> of {@code n} permits is one CAS when nobody is parked, and also when enough woken
 * competitors are awake already to take the permits ({@code awake >= permits + n}): then the release
 * neither takes the queue lock nor wakes anyone. Otherwise, under the queue lock, it adds the permits,
 * resolves waiters for the permits no competitor stands for (oldest first, at most {@code n}) and adds
 * them to {@code awake}, all in one CAS, which also clears PARKED if that empties the queue; it unparks
 * them after unlocking. Waking only as many as there are permits to take is what keeps a busy lock fast:
 * while one woken thread is on its way, the running threads' releases stay one CAS each, as
 * {@code ReentrantLock}'s do (see docs/performance.md).
 *
 * <p><b>Competing.</b> Woken competitors race with newcomers (barging keeps throughput up: the lock
 * never sits idle while a woken thread is being scheduled). A competitor polls for a free permit a short
 * while ({@link #SPINS_AFTER_WAKE}); taking one and leaving {@code awake} is one CAS. One that loses
 * leaves {@code awake} and queues again at the head. Whenever a competitor leaves {@code awake} without a
 * permit (lost, timed out, interrupted) and that leaves a free permit nobody stands for, it wakes a
 * queued waiter for it: the wake-up it stood for is passed on, never lost.
 *
 * <p><b>Bounded unfairness.</b> A head waiter that has waited longer than {@link #HANDOFF_NANOS} is handed
 * its permit directly ({@link Outcome#GRANTED}) by the next release that wakes: the permit never becomes
 * free, so nobody can barge past it. Hand-offs are spaced at least {@link #HANDOFF_INTERVAL_NANOS} apart,
 * timed from the previous hand-off (parking_lot's "eventual fairness"): a hand-off leaves the permit idle
 * until the chosen thread runs, and with many waiters every head has waited long, so hand-offs by the
 * waiter's age alone would turn every release into one (a convoy: thousands of virtual threads went at
 * the speed of a park and unpark per acquire). So a waiter at position {@code k} of the queue is served
 * within about {@code HANDOFF_NANOS + k * HANDOFF_INTERVAL_NANOS} while the permit keeps being released.
 *
 * <p><b>Giving up.</b> A waiter that times out or is interrupted before any waker picked it leaves the
 * queue owning nothing. One that was picked first honours the pick: {@code GRANTED} means it owns a permit
 * and returns success; {@code SIGNALLED} means it was woken to compete, and it makes one more attempt
 * before giving up, then leaves {@code awake} as above.
 *
 * <p><b>Wake-ups deferred to the next release</b> (for a lock's Condition). A thread signalled on a
 * Condition must reacquire the lock, which its signaller still holds; woken at once, it would find the lock
 * taken and park a second time. So a Condition hands the waiters it resolved to
 * {@link #unparkWhenReleased}, which pushes them on {@code deferred}; every release unparks them once the
 * permit is back, so no release path has to remember to. No wake-up is lost: the pusher pushes, then reads
 * {@code state}; the releaser writes {@code state}, then reads {@code deferred} (all volatile, so totally
 * ordered): either the releaser sees the push, or the pusher sees the permit free and unparks the list
 * itself; both may, and whoever empties the list unparks it. Their outcomes are already decided
 * ({@code SIGNALLED}), so a late unpark changes only when a waiter runs, never what it returns.
 *
 * <p>Memory effects: a permit passes from releaser to acquirer through a volatile CAS on {@code state} or,
 * for a hand-off, through the volatile write of the waiter's status, so everything before a release
 * happens-before everything after the acquire that takes the permit.
 */
public class PermitSync extends WaitQueue {

    /** Bit 0 of the state: the wait queue is non-empty. */
    static final long PARKED = 1L;
    /** One woken competitor in the state (the AWAKE count, bits 1..31). */
    static final long AWAKE = 2L;
    /** The AWAKE count's bits in the state. */
    static final long AWAKE_MASK = 0xFFFF_FFFEL;
    /** One permit in the state (the permit count, bits 32..62). */
    static final long PERMIT = 1L << 32;

    /** A head waiter that has waited this long is handed its permit instead of racing for it. */
    static final long HANDOFF_NANOS = 1_000_000L;
    /** The least time from one hand-off to the next (see "Bounded unfairness" in the class comment). */
    static final long HANDOFF_INTERVAL_NANOS = 500_000L;

    /**
     * How many times a woken competitor polls for a free permit before it queues again: long enough to
     * outlast a short critical section of the thread that holds the permit now, short next to a park and
     * unpark (tens of microseconds). No spinning on a single processor, where it cannot help.
     */
    static final int SPINS_AFTER_WAKE = Runtime.getRuntime().availableProcessors() > 1 ? 256 : 0;

    /** Most free permits there may be; a release that would exceed it is refused and changes nothing. */
    private final int bound;
    /**
     * Resolved waiters to unpark once a permit is released (see the class comment), a stack of chains
     * linked through {@code next}; null when empty. Pushed by CAS, emptied by getAndSet.
     */
    private volatile Waiter deferred;
    /** {@code System.nanoTime()} before which no release hands a permit off. Guarded by the queue lock. */
    private long nextHandOff;

    /**
     * @param blocker the public primitive, shown as the blocker of parked threads
     * @param initial free permits at the start, 0 .. bound
     * @param bound   the most free permits there may be
     */
    public PermitSync(Object blocker, int initial, int bound) {
        super(blocker, PARKED, checkedInitial(initial, bound) * PERMIT);
        this.bound = bound;
        this.nextHandOff = System.nanoTime(); // nanoTime may be negative: start "due now", not at 0
    }

    private static long checkedInitial(int initial, int bound) {
        if (initial < 0 || initial > bound) {
            throw new IllegalArgumentException("initial permits out of range: " + initial);
        }
        return initial;
    }

    /** Free permits now. */
    public final int permits() {
        return permitsOf(state());
    }

    private static int permitsOf(long s) {
        return (int) (s >>> 32);
    }

    private static int awakeOf(long s) {
        return (int) ((s & AWAKE_MASK) >>> 1);
    }

    /** In state {@code s}, free permits that no awake competitor stands for while waiters are queued. */
    private static boolean needsWake(long s) {
        return (s & PARKED) != 0L && permitsOf(s) > awakeOf(s);
    }

    /** The bound given at construction. */
    public final int bound() {
        return bound;
    }

    @Override
    protected final boolean mustWait(long s, Waiter w) {
        return s < PERMIT;
    }

    // ---------------------------------------------------------------------------------------------
    // Wake-ups deferred to the next release (a lock's Condition)
    // ---------------------------------------------------------------------------------------------

    /**
     * Unparks the waiters of {@code chain} (resolved already, e.g. by a Condition's signal) once a permit is
     * free: at once if one is free now, otherwise at the next release.
     */
    public final void unparkWhenReleased(Waiter chain) {
        if (chain == null) {
            return;
        }
        Waiter tail = chain;
        while (tail.next != null) {
            tail = tail.next;
        }
        for (;;) {
            Waiter top = deferred;
            tail.next = top; // the chain is still ours: nobody else reads its links until the CAS publishes it
            if (DEFERRED.compareAndSet(this, top, chain)) {
                break;
            }
        }
        if (Races.WIDEN) {
            Races.pause(); // test seam: the lock's release may come right here, after our push
        }
        if (state() >= PERMIT) {
            unparkDeferred(); // free already: the release may have looked before our push
        }
    }

    private void unparkDeferred() {
        unparkAll((Waiter) DEFERRED.getAndSet(this, (Waiter) null));
    }

    // ---------------------------------------------------------------------------------------------
    // Acquire
    // ---------------------------------------------------------------------------------------------

    /** Takes a permit if one is free. Never parks; no memory effects when it fails beyond a volatile read. */
    public final boolean tryAcquire() {
        for (;;) {
            long s = state();
            if (s < PERMIT) {
                return false;
            }
            if (casState(s, s - PERMIT)) {
                return true;
            }
        }
    }

    /** Takes a permit, waiting as long as it takes; an interrupt is kept and re-asserted on return. */
    public final void acquireUninterruptibly() {
        if (!tryAcquire()) {
            acquireSlow(false, Deadline.NONE);
        }
    }

    /** Takes a permit, waiting as long as it takes, unless interrupted (also before it starts). */
    public final void acquireInterruptibly() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (!tryAcquire() && acquireSlow(true, Deadline.NONE) == Outcome.INTERRUPTED) {
            throw new InterruptedException();
        }
    }

    /**
     * Takes a permit, waiting until {@code deadline} ({@link Deadline#NOW}: try once), unless interrupted
     * (also before it starts).
     */
    public final boolean tryAcquire(Deadline deadline) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (tryAcquire()) {
            return true;
        }
        if (deadline == Deadline.NOW) {
            return false;
        }
        Outcome outcome = acquireSlow(true, deadline);
        if (outcome == Outcome.INTERRUPTED) {
            throw new InterruptedException();
        }
        return outcome != Outcome.TIMED_OUT;
    }

    /**
     * The parking path. Returns GRANTED when a permit was taken (by CAS or hand-off), TIMED_OUT or
     * INTERRUPTED when the thread gave up owning nothing.
     *
     * <p>Repeatedly: try to take a permit; wait in the queue (or retry at once if the engine found a permit
     * free); on a hand-off return; on a plain wake-up compete for a permit as a counted competitor
     * ({@link #competeForPermit}), and if none came free leave the count ({@link #leaveCompetition}) and go
     * back to the queue's head.
     */
    private Outcome acquireSlow(boolean interruptible, Deadline deadline) {
        boolean woken = false; // woken at least once: requeue at the head
        boolean awake = false; // counted in AWAKE: a releaser woke us for a permit and relies on us to take it
        long since = 0L;
        for (;;) {
            if (awake ? competeForPermit(interruptible, deadline) : tryAcquire()) {
                return Outcome.GRANTED; // a competitor leaves the AWAKE count in the same CAS
            }
            if (woken && interruptible && Thread.interrupted()) {
                if (awake) {
                    leaveCompetition();
                }
                return Outcome.INTERRUPTED; // the attempt owed to the wake-up has been made
            }
            if (deadline.expired()) {
                if (awake) {
                    leaveCompetition();
                }
                return Outcome.TIMED_OUT;
            }
            if (awake) {
                leaveCompetition(); // lost the race: queue again, and let the next release wake someone
                awake = false;
            }
            Waiter w = new Waiter(Thread.currentThread());
            if (!woken) {
                since = System.nanoTime();
            }
            w.since(since);
            if (Races.WIDEN) {
                Races.pause(); // test seam: a release may free a permit right here; the re-check must see it
            }
            Outcome outcome = await(w, woken, interruptible, deadline);
            if (outcome == Outcome.PASSED) {
                continue; // a permit appeared: take it from the top
            }
            if (outcome != Outcome.SIGNALLED) {
                return outcome; // GRANTED: we own a permit; TIMED_OUT/INTERRUPTED: we left owning nothing
            }
            woken = true;
            awake = true; // the waker counted us in AWAKE
        }
    }

    /**
     * A woken competitor's attempt: polls for a free permit up to {@link #SPINS_AFTER_WAKE} times (never
     * past the deadline, and not once an interruptible wait is interrupted: the caller then gives up at once),
     * and takes one and leaves the AWAKE count in one CAS. Returns false, still counted in AWAKE, if no
     * permit came free.
     */
    private boolean competeForPermit(boolean interruptible, Deadline deadline) {
        for (int spins = SPINS_AFTER_WAKE; ; ) {
            long s = state();
            if (s >= PERMIT) {
                long next = s - PERMIT - AWAKE;
                if (casState(s, next)) {
                    if (needsWake(next)) {
                        wakeForFreePermits(); // more permits free than competitors (a Semaphore)
                    }
                    return true;
                }
                continue;
            }
            if (--spins < 0 || deadline.expired() || interruptible && Thread.currentThread().isInterrupted()) {
                return false;
            }
            Thread.onSpinWait();
        }
    }

    /**
     * A woken competitor gives up (it will queue again, or it timed out or was interrupted): it leaves the
     * AWAKE count, and if that leaves free permits that no competitor stands for, wakes queued waiters for
     * them, so that the wake-up it stood for is passed on, never lost.
     */
    private void leaveCompetition() {
        if (Races.WIDEN) {
            Races.pause(); // test seam: a release may come right here, still counting on us to take its permit
        }
        for (;;) {
            long s = state();
            long next = s - AWAKE;
            if (casState(s, next)) {
                if (needsWake(next)) {
                    wakeForFreePermits();
                }
                return;
            }
        }
    }

    /** Wakes queued waiters for free permits that no awake competitor stands for, if there still are any. */
    private void wakeForFreePermits() {
        if (Races.WIDEN) {
            Races.pause(); // test seam: acquirers and releasers may change the count right here
        }
        wake((s, queued) -> {
            int k = Math.min(queued, permitsOf(s) - awakeOf(s));
            if (k <= 0) {
                return s;
            }
            wakeOldest(k, 0);
            return s + k * AWAKE;
        }, false);
    }

    // ---------------------------------------------------------------------------------------------
    // Release
    // ---------------------------------------------------------------------------------------------

    /**
     * Returns {@code n} permits (n &gt;= 1), waking up to {@code n} waiters, and then unparks the waiters
     * deferred to this release. Returns false, changing nothing, if that would make more than
     * {@link #bound()} permits free. The bound check and the increment are one CAS.
     */
    public final boolean release(int n) {
        for (;;) {
            long s = state();
            if (permitsOf(s) + (long) n > bound) {
                return false;
            }
            if ((s & PARKED) != 0L && awakeOf(s) < permitsOf(s) + (long) n) {
                if (!releaseSlow(n)) {
                    return false;
                }
                break; // waiters are queued and these permits need a competitor woken
            }
            if (Races.WIDEN) {
                Races.pause(); // test seam: a waiter may set PARKED right here; the CAS below must notice
            }
            if (casState(s, s + n * PERMIT)) {
                break;
            }
        }
        if (deferred != null) {
            unparkDeferred(); // threads a Condition signalled while the lock was held
        }
        return true;
    }

    /**
     * Release with parked waiters, under the queue lock (the engine's {@link #wake}): adds the permits,
     * hands one directly to a head waiter that has waited too long, and wakes competitors only for the free
     * permits that no awake competitor stands for yet.
     */
    private boolean releaseSlow(int n) {
        long from = wake((s, queued) -> {
            if (permitsOf(s) + (long) n > bound) {
                return s; // refused: change nothing
            }
            int wake = Math.min(n, queued);
            int handOff = wake > 0 && handOffDue(peekLocked()) ? 1 : 0;
            long next = s + (long) (n - handOff) * PERMIT;
            int compete = Math.max(0, Math.min(wake - handOff, permitsOf(next) - awakeOf(next)));
            wakeOldest(handOff + compete, handOff);
            return next + compete * AWAKE;
        }, false);
        return permitsOf(from) + (long) n <= bound;
    }

    /**
     * In the release plan: whether head waiter {@code w} is handed the permit. Deciding yes also moves the
     * next hand-off {@link #HANDOFF_INTERVAL_NANOS} ahead; if the plan's CAS then fails and the plan runs
     * again, that hand-off is not made and the next one is at most one interval late.
     */
    private boolean handOffDue(Waiter w) {
        long now = System.nanoTime();
        if (now - w.since() < HANDOFF_NANOS || now - nextHandOff < 0L) {
            return false;
        }
        nextHandOff = now + HANDOFF_INTERVAL_NANOS;
        return true;
    }

    // ---- VarHandles ----
    private static final VarHandle DEFERRED;

    static {
        try {
            DEFERRED = MethodHandles.lookup().findVarHandle(PermitSync.class, "deferred", Waiter.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
