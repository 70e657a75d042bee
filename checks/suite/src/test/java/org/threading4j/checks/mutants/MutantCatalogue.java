package org.threading4j.checks.mutants;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Every mutant of the library, in one place: the meta-tests ({@code *MutantsTest}, {@code FrayMutantTest})
 * refer to these constants, and {@code MutantCatalogueTest} checks in milliseconds that each still applies
 * to the current sources. A mutant names the method it edits and a code fragment in it ({@link Mutant}), so
 * when an engine change moves or rewrites a target, that test names the mutant to update.
 */
public final class MutantCatalogue {

    private static final String WAIT_QUEUE = "org/threading4j/internal/WaitQueue.java";
    private static final String PERMIT_SYNC = "org/threading4j/internal/PermitSync.java";
    private static final String FLAG_SYNC = "org/threading4j/internal/FlagSync.java";
    private static final String BARRIER_SYNC = "org/threading4j/internal/BarrierSync.java";
    private static final String TIMER_SYNC = "org/threading4j/internal/TimerSync.java";
    private static final String RLOCK_SYNC = "org/threading4j/internal/RLockSync.java";
    private static final String CONDITION_SYNC = "org/threading4j/internal/ConditionSync.java";
    private static final String BARRIER = "org/threading4j/Barrier.java";
    private static final String CONDITION = "org/threading4j/Condition.java";
    private static final String EVENT = "org/threading4j/Event.java";
    private static final String RLOCK = "org/threading4j/RLock.java";
    private static final String TIMER = "org/threading4j/Timer.java";

    private MutantCatalogue() {
    }

    /** Every mutant constant of this class, in declaration order. */
    public static List<Mutant> all() {
        List<Mutant> all = new ArrayList<>();
        for (Field f : MutantCatalogue.class.getDeclaredFields()) {
            if (f.getType() == Mutant.class && Modifier.isStatic(f.getModifiers())) {
                try {
                    all.add((Mutant) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return all;
    }

    // ---------------------------------------------------------------------------------------------
    // Controls (MutantFrameworkTest, FrayMutantTest): edits that change nothing, and a bug only an
    // instrumented run sees.
    // ---------------------------------------------------------------------------------------------

    /** A no-op edit: a comment added to the engine's queue-lock spin. Must survive every check. */
    public static final Mutant IDENTITY = Mutant.in(WAIT_QUEUE, "lockQueueSlow").mutant("identity",
            "a comment added, nothing else",
            "Thread.yield();",
            "Thread.yield(); /* identity mutant: this comment was added and nothing else */");

    /** A no-op edit in {@code Event.set()}: the Fray checks' control. */
    public static final Mutant FRAY_NO_OP = Mutant.in(EVENT, "set").mutant("fray-control-no-op",
            "an edit that changes nothing",
            "sync.set();",
            "/* no-op */ sync.set();");

    /**
     * A try-acquire that reads the state and then writes it back minus a permit, instead of one CAS: two
     * threads can both take the only permit. Lincheck's model checker finds this at once, but only if it
     * instruments the library classes (it switches threads at their field accesses); run uninstrumented, the
     * two lines are practically atomic and the bug is not seen.
     */
    public static final Mutant NON_ATOMIC_TRY_ACQUIRE = Mutant.in(PERMIT_SYNC, "tryAcquire").mutant(
            "non-atomic-try-acquire",
            "tryAcquire writes the state it read minus a permit whatever the state is by then (a blind write: a lost"
                    + " update)",
            "if (casState(s, s - PERMIT)) { return true;",
            "if (s >= PERMIT) { for (long t = state(); !casState(t, s - PERMIT); t = state()) { } return true;");

    // ---------------------------------------------------------------------------------------------
    // WaitQueue: the queue and the wake-ups every primitive uses
    // ---------------------------------------------------------------------------------------------

    /** A lost wake-up: the resolved waiters of a chain are never unparked. */
    public static final Mutant NO_UNPARK = Mutant.in(WAIT_QUEUE, "unparkAll").mutant("no-unpark",
            "unparkAll resolves waiters but never unparks them",
            "LockSupport.unpark(chain.thread);",
            "/* LockSupport.unpark(chain.thread); removed */");

    /** The queue lock released with a plain store: nothing orders the queue writes before it. */
    public static final Mutant PLAIN_QUEUE_UNLOCK = Mutant.in(WAIT_QUEUE, "unlockQueue").mutant(
            "plain-queue-unlock",
            "unlockQueue releases the queue lock with a plain store instead of a release store",
            "QUEUE_LOCK.setRelease(this, 0);",
            "QUEUE_LOCK.set(this, 0);");

    /** A waiter that gives up marks itself decided but stays linked in the queue. */
    public static final Mutant LEAVE_WITHOUT_UNLINK = Mutant.in(WAIT_QUEUE, "leave").mutant(
            "leave-without-unlink",
            "a waiter giving up (timeout, interrupt) marks itself but stays linked in the queue",
            "unlinkLocked(w); w.status = outcome;",
            "w.status = outcome;");

    /**
     * A woken thread helping with a shared wake-up ({@code WaitQueue.helpUnpark}) claims the next waiter and
     * never unparks it; the waker skips claimed waiters, so that one sleeps for ever. Used by Barrier (trip)
     * and Event ({@code set()}).
     */
    public static final Mutant HELPER_DROPS_UNPARK = Mutant.in(WAIT_QUEUE, "helpUnpark").mutant(
            "helper-drops-unpark",
            "a woken thread helping with a shared wake-up claims the next waiter but does not unpark it",
            "LockSupport.unpark(w.thread);",
            "/* LockSupport.unpark(w.thread); removed */");

    /*
     * Broken shared wake-ups (WaitQueue.unparkAllShared and helpUnpark, used by Event.set() and the Barrier
     * trip): the waker claims and unparks every node of its chain that no helper claimed, and a woken waiter
     * helps by claiming and unparking the nodes after its own, stopping at a node that is not decided yet.
     * The controlled-scheduling checks in checks/fray must catch them; Lincheck's model checker cannot,
     * because it lets every park return spuriously, which hides a missing unpark.
     */

    /**
     * The lost wake-up that shipped: a helper claims a node whose outcome the waker has not written yet
     * (the chain links it before its status), unparks a thread that reads WAITING and parks again, and the
     * waker then skips the claimed node.
     */
    public static final Mutant HELPER_CLAIMS_UNDECIDED = Mutant.in(WAIT_QUEUE, "helpUnpark").mutant(
            "helper-claims-undecided-waiter",
            "a helper claims and unparks a waiter whose outcome is not written yet; the waker skips it",
            "if (w.status == Outcome.WAITING) { return; }",
            "");

    /**
     * A helper unparks the nodes after its own without claiming them. The waker then unparks them too: an
     * extra unpark per node, which a park loop treats as a spurious wake-up. Expected to be harmless (an
     * equivalent mutant for liveness); kept so that the checks show it.
     */
    public static final Mutant HELPER_UNPARKS_WITHOUT_CLAIM = Mutant.in(WAIT_QUEUE, "helpUnpark").mutant(
            "helper-unparks-without-claim",
            "a helper unparks the waiters after its own without claiming them",
            "if (w.unparkClaimed != 0 || !UNPARK_CLAIMED.compareAndSet(w, 0, 1)) {",
            "if (w.unparkClaimed != 0) {");

    /**
     * The waker stops at the first node a helper claimed, trusting that helper to carry on along the chain
     * without checking that it did: a helper stops at an undecided node, so the nodes after it are left to
     * nobody.
     */
    public static final Mutant WAKER_SKIPS_CLAIMED = Mutant.in(WAIT_QUEUE, "unparkAllShared").mutant(
            "waker-stops-at-claimed",
            "the waker stops at the first node a helper claimed, trusting the helper to wake the rest",
            "if (w.unparkClaimed == 0 && UNPARK_CLAIMED.compareAndSet(w, 0, 1)) { LockSupport.unpark(w.thread); }",
            "if (w.unparkClaimed != 0 || !UNPARK_CLAIMED.compareAndSet(w, 0, 1)) { return; }"
                    + " LockSupport.unpark(w.thread);");

    /*
     * A return from park taken for a wake-up, one mutant per primitive (StrayUnparkMutantsTest): in
     * WaitQueue.park, a waiter of that primitive that returns from park still undecided leaves the queue as if
     * a waker had decided its wait.
     */

    public static final Mutant LOCK_PARK_RETURN_IS_WAKE_UP = parkReturnIsWakeUp("Lock", "GRANTED");
    public static final Mutant RLOCK_PARK_RETURN_IS_WAKE_UP = parkReturnIsWakeUp("RLock", "GRANTED");
    public static final Mutant CONDITION_PARK_RETURN_IS_WAKE_UP = parkReturnIsWakeUp("Condition", "SIGNALLED");
    public static final Mutant SEMAPHORE_PARK_RETURN_IS_WAKE_UP = parkReturnIsWakeUp("Semaphore", "GRANTED");
    public static final Mutant BOUNDED_SEMAPHORE_PARK_RETURN_IS_WAKE_UP =
            parkReturnIsWakeUp("BoundedSemaphore", "GRANTED");
    public static final Mutant EVENT_PARK_RETURN_IS_WAKE_UP = parkReturnIsWakeUp("Event", "SIGNALLED");
    public static final Mutant BARRIER_PARK_RETURN_IS_WAKE_UP = parkReturnIsWakeUp("Barrier", "GRANTED");
    public static final Mutant TIMER_PARK_RETURN_IS_WAKE_UP = parkReturnIsWakeUp("Timer", "SIGNALLED");

    /**
     * Waiters of {@code org.threading4j.<primitive>} (the queue's blocker is exactly that public class, or,
     * for Lock and RLock, the owner record of one) that return from {@code park} still undecided (or ignore an
     * interrupt, which also ends a park) leave the queue with {@code outcome}, as if a waker had decided it:
     * {@code GRANTED} (handed a permit, or the trip's index) for the lock-like primitives and the barrier,
     * {@code SIGNALLED} (notified, set, cancelled) for the rest.
     */
    private static Mutant parkReturnIsWakeUp(String primitive, String outcome) {
        String type = "org.threading4j." + primitive;
        return Mutant.in(WAIT_QUEUE, "park").mutant(
                primitive.toLowerCase() + "-park-return-taken-as-" + outcome.toLowerCase(),
                "a " + primitive + " waiter that returns from park undecided leaves as " + outcome
                        + " (a stray unpark taken for a wake-up)",
                "Outcome outcome; for (;;) { outcome = w.status; if (outcome != Outcome.WAITING) {",
                "Outcome outcome;\n"
                        + "        for (boolean parked = false;; parked = true) {\n"
                        + "            outcome = w.status;\n"
                        + "            if (outcome == Outcome.WAITING && parked && (blocker.getClass() == " + type
                        + ".class || blocker instanceof LockOwner && ((LockOwner) blocker).lock().getClass() == "
                        + type + ".class)) {\n"
                        + "                outcome = leave(w, Outcome." + outcome + ");\n"
                        + "            }\n"
                        + "            if (outcome != Outcome.WAITING) {");
    }

    // ---------------------------------------------------------------------------------------------
    // PermitSync: Lock, RLock, Semaphore, BoundedSemaphore, and the deferred signals of Condition
    // ---------------------------------------------------------------------------------------------

    /** A waiter that announces PARKED and parks without re-checking for a permit freed meanwhile. */
    public static final Mutant PARK_WITHOUT_RECHECK = Mutant.in(PERMIT_SYNC, "mustWait").mutant(
            "park-without-recheck",
            "a waiter announces PARKED and parks without re-checking, under the queue lock, for a free permit",
            "return s < PERMIT;",
            "return true;");

    /** Bounded unfairness gone: a release never hands the permit to a long waiter. */
    public static final Mutant NEVER_HANDS_OFF = Mutant.in(PERMIT_SYNC, "handOffDue").mutant(
            "never-hands-off",
            "a release never hands the permit directly to a waiter that has waited over a millisecond",
            "if (now - w.since() < HANDOFF_NANOS || now - nextHandOff < 0L) { return false; }",
            "if (true) { return false; }");

    /** A release that decides from a stale "nobody parked" read. */
    public static final Mutant STALE_PARKED_RELEASE = Mutant.in(PERMIT_SYNC, "release").mutant(
            "stale-parked-release",
            "release reads PARKED clear, then adds its permits with a CAS that expects a fresh read, not the one it"
                    + " decided from (so PARKED set meanwhile is overwritten)",
            "if (casState(s, s + n * PERMIT)) {",
            "if (casState(state(), s + n * PERMIT)) {");

    /** An interrupted waiter handed the permit throws, keeping the permit (the lock stays held). */
    public static final Mutant INTERRUPTED_KEEPS_PERMIT = Mutant.in(PERMIT_SYNC, "acquireSlow").mutant(
            "interrupted-keeps-permit",
            "a waiter handed the permit throws InterruptedException if interrupted meanwhile, keeping the permit",
            "Outcome outcome = await(w, woken, interruptible, deadline);",
            "Outcome outcome = await(w, woken, interruptible, deadline);\n"
                    + "            if (outcome == Outcome.GRANTED && interruptible && Thread.interrupted()) {\n"
                    + "                outcome = Outcome.INTERRUPTED;\n"
                    + "            }");

    /** A woken competitor that takes its permit but stays counted awake. */
    public static final Mutant COMPETITOR_STAYS_AWAKE = Mutant.in(PERMIT_SYNC, "competeForPermit").mutant(
            "competitor-stays-awake",
            "a woken competitor takes its permit without leaving the AWAKE count, so later releases wake nobody",
            "long next = s - PERMIT - AWAKE;",
            "long next = s - PERMIT;");

    /** A woken competitor that gives up without passing its wake-up on. */
    public static final Mutant COMPETITOR_DROPS_WAKE_UP = Mutant.in(PERMIT_SYNC, "leaveCompetition").mutant(
            "competitor-drops-wake-up",
            "a woken competitor that times out or is interrupted leaves the AWAKE count but never wakes a queued"
                    + " waiter for the permit it stood for",
            "if (casState(s, next)) { if (needsWake(next)) { wakeForFreePermits(); } return;",
            "if (casState(s, next)) { return;");

    /** Racing releases that wake one waiter: release(n) wakes one waiter whatever n is. */
    public static final Mutant SEMAPHORE_WAKE_ONE = Mutant.in(PERMIT_SYNC, "releaseSlow").mutant(
            "semaphore-release-wakes-one",
            "release(n) wakes one waiter instead of min(n, waiters)",
            "int wake = Math.min(n, queued);",
            "int wake = Math.min(1, queued);");

    /** The bound check is one read, the increment an unconditional add: two racing releases both pass. */
    public static final Mutant SPLIT_BOUND_CHECK = Mutant.in(PERMIT_SYNC, "release").mutant(
            "boundedsemaphore-split-bound-check",
            "bound checked on one read, then an unconditional getAndAdd",
            "if (casState(s, s + n * PERMIT)) { break; }",
            "for (long t = state(); !casState(t, t + (long) n * PERMIT); t = state()) { } break;");

    /** release(n) with nobody parked adds one permit whatever n is: visible to a purely sequential check. */
    public static final Mutant RELEASE_N_ADDS_ONE = Mutant.in(PERMIT_SYNC, "release").mutant(
            "semaphore-release-n-adds-one",
            "release(n) with nobody parked adds one permit instead of n",
            "if (casState(s, s + n * PERMIT)) {",
            "if (casState(s, s + PERMIT)) {");

    /** A timed waiter handed a permit just as its deadline passes reports a timeout and drops the permit. */
    public static final Mutant TIMED_OUT_DROPS_GRANT = Mutant.in(PERMIT_SYNC, "acquireSlow").mutant(
            "semaphore-timeout-drops-handed-permit",
            "a timed waiter handed a permit at its deadline returns false and drops it",
            "Outcome outcome = await(w, woken, interruptible, deadline);",
            "Outcome outcome = await(w, woken, interruptible, deadline);\n"
                    + "            if (outcome == Outcome.GRANTED && deadline.expired()) {\n"
                    + "                return Outcome.TIMED_OUT;\n"
                    + "            }");

    /** An interrupted waiter handed a permit throws InterruptedException and drops the permit. */
    public static final Mutant INTERRUPTED_DROPS_GRANT = Mutant.in(PERMIT_SYNC, "acquireSlow").mutant(
            "semaphore-interrupt-drops-handed-permit",
            "an interrupted waiter handed a permit throws and drops it",
            "Outcome outcome = await(w, woken, interruptible, deadline);",
            "Outcome outcome = await(w, woken, interruptible, deadline);\n"
                    + "            if (outcome == Outcome.GRANTED && interruptible && Thread.interrupted()) {\n"
                    + "                return Outcome.INTERRUPTED;\n"
                    + "            }");

    /** A signal deferred to the lock's release that never re-checks whether the lock was released meanwhile. */
    public static final Mutant DEFERRED_NO_RECHECK = Mutant.in(PERMIT_SYNC, "unparkWhenReleased").mutant(
            "condition-deferred-signal-no-recheck",
            "a signal deferred to the lock's release does not re-check that the lock is still held after pushing",
            "if (state() >= PERMIT) { unparkDeferred();",
            "if (false) { unparkDeferred();");

    // ---------------------------------------------------------------------------------------------
    // RLock
    // ---------------------------------------------------------------------------------------------

    /** release() by a thread that does not own the lock is accepted. */
    public static final Mutant RLOCK_NON_OWNER_RELEASE = Mutant.in(RLOCK_SYNC, "unlock").mutant(
            "rlock-nonowner-release",
            "release() checks only that someone owns the lock",
            "if (owner != Thread.currentThread()) { throw new IllegalMonitorStateException(RELEASE_UNOWNED);",
            "if (owner == null) { throw new IllegalMonitorStateException(RELEASE_UNOWNED);");

    /** The last release returns the permit before clearing the owner. */
    public static final Mutant RLOCK_OWNER_CLEARED_LATE = Mutant.in(RLOCK_SYNC, "unlock").mutant(
            "rlock-owner-cleared-late",
            "the last release returns the permit, then clears the owner (wiping the next owner's claim)",
            "owner = null; release(1);",
            "release(1); owner = null;");

    // ---------------------------------------------------------------------------------------------
    // Condition
    // ---------------------------------------------------------------------------------------------

    /** A signalled waiter whose deadline has passed by the time it has the lock back answers false. */
    public static final Mutant CONDITION_TIMEOUT_SWALLOWS_SIGNAL = Mutant.in(CONDITION_SYNC, "await").mutant(
            "condition-timeout-swallows-signal",
            "a signalled waiter past its deadline returns false, using up the signal",
            "return outcome == Outcome.SIGNALLED;",
            "return outcome == Outcome.SIGNALLED && !deadline.expired();");

    /** A signalled waiter that is also interrupted throws, although the signal chose it. */
    public static final Mutant CONDITION_INTERRUPT_SWALLOWS_SIGNAL = Mutant.in(CONDITION_SYNC, "await").mutant(
            "condition-interrupt-swallows-signal",
            "a signalled waiter with a pending interrupt throws InterruptedException, using up the signal",
            "if (outcome == Outcome.INTERRUPTED) {",
            "if (outcome == Outcome.INTERRUPTED || Thread.interrupted()) {");

    /** RLock: await restores a hold count of 1 instead of the saved count. */
    public static final Mutant CONDITION_RESTORES_ONE_HOLD = Mutant.in(CONDITION_SYNC, "await").mutant(
            "condition-restores-one-hold",
            "await restores an RLock hold count of 1 instead of the saved count",
            "lock.acquireRestore((int) w.tag());",
            "lock.acquireRestore(1);");

    /**
     * The JDK-8187408 shape in this engine: a thread that is queued but fails before it parks (a Condition
     * waiter whose plain Lock another thread released after the ownership check) throws without leaving the
     * queue, so a stale entry stays behind for a later signal to be wasted on.
     */
    public static final Mutant CONDITION_ROGUE_AWAIT_JOINS_QUEUE = Mutant.in(WAIT_QUEUE, "await").mutant(
            "condition-rogue-await-joins-queue",
            "a waiter that fails before parking (await on a Lock released meanwhile) throws but stays queued",
            "withdraw(w); throw e;",
            "throw e;");

    /** signal(n) wakes the newest waiters instead of the oldest. */
    public static final Mutant CONDITION_SIGNAL_LIFO = Mutant.in(CONDITION_SYNC, "await").mutant(
            "condition-signal-lifo",
            "signal wakes the newest waiter first (enqueue at the head)",
            "outcome = await(w, false, interruptible, deadline);",
            "outcome = await(w, true, interruptible, deadline);");

    // ---------------------------------------------------------------------------------------------
    // Event (FlagSync)
    // ---------------------------------------------------------------------------------------------

    /** await answers by re-reading the flag instead of using its outcome (breaks set-and-clear). */
    public static final Mutant EVENT_REREADS_FLAG = Mutant.in(FLAG_SYNC, "await").mutant(
            "event-await-rereads-flag",
            "await re-reads the flag after waking instead of using its outcome",
            "helpUnpark(w); return true;",
            "helpUnpark(w); return isSet();");

    /**
     * A registering waiter announces itself with a blind write instead of a CAS: a set() landing between its
     * read of the state and that write is overwritten, so the waiter parks with nobody to wake it.
     */
    public static final Mutant EVENT_SET_MISSES_REGISTERING = Mutant.in(WAIT_QUEUE, "await").mutant(
            "event-set-misses-registering-waiter",
            "set() can miss a waiter that is registering: an Event's waiter announces QUEUED with a blind write,"
                    + " not the CAS that re-validates the flag",
            "if ((s & queuedBit) == queuedBit || STATE.compareAndSet(this, s, s | queuedBit)) {",
            "if ((s & queuedBit) == queuedBit || (this instanceof FlagSync"
                    + " ? (long) STATE.getAndSet(this, s | queuedBit) != -1L"
                    + " : STATE.compareAndSet(this, s, s | queuedBit))) {");

    // ---------------------------------------------------------------------------------------------
    // Barrier (BarrierSync)
    // ---------------------------------------------------------------------------------------------

    /** reset() with waiters does not start a new generation. */
    public static final Mutant BARRIER_RESET_KEEPS_GENERATION = Mutant.in(BARRIER_SYNC, "reset").mutant(
            "barrier-reset-keeps-generation",
            "reset() with waiters moves to RESETTING without starting a new generation",
            "? ((s & ~PHASE_MASK) | RESETTING) + GEN_ONE :",
            "? ((s & ~PHASE_MASK) | RESETTING) :");

    /** An arrival may join while the previous cycle is still draining. */
    public static final Mutant BARRIER_NO_DRAIN = Mutant.in(BARRIER_SYNC, "await").mutant(
            "barrier-no-drain",
            "an arrival joins while the previous cycle is still draining",
            "if (phase(s) == FILLING && c < parties && casState(s, arrive(s, c))) {",
            "if ((phase(s) == FILLING || phase(s) == DRAINING) && c < parties && casState(s, arrive(s, c))) {");

    /** The action's exception goes to its runner, but the barrier is not broken. */
    public static final Mutant BARRIER_FAILING_ACTION_KEEPS_BARRIER = Mutant.in(BARRIER_SYNC, "tripAsLast").mutant(
            "barrier-failing-action-keeps-barrier",
            "the action's exception goes to its runner but the barrier is not broken",
            "if (gen(s) != myGen) { return s; } long next = brokenFrom(s, ACTION_FAILED);",
            "if (true) { return s; } long next = brokenFrom(s, ACTION_FAILED);");

    /** await() returns the index in CyclicBarrier's order. */
    public static final Mutant BARRIER_REVERSED_INDEX = Mutant.in(BARRIER, "await").mutant(
            "barrier-reversed-index",
            "await() returns parties - 1 - arrival order, as CyclicBarrier does",
            "return sync.await(defaultTimeout);",
            "return sync.parties() - 1 - sync.await(defaultTimeout);");

    // ---------------------------------------------------------------------------------------------
    // Timer (TimerSync, Timer)
    // ---------------------------------------------------------------------------------------------

    /** The bug the cancel guarantee rules out: cancel() answers true although the action has run. */
    public static final Mutant TIMER_CANCEL_AFTER_FIRE = Mutant.in(TIMER_SYNC, "cancel").mutant(
            "timer-cancel-after-fire",
            "cancel() ignores FIRED: it returns true after the action ran",
            "if ((s & (FIRED | CANCELLED)) != 0) {",
            "if ((s & CANCELLED) != 0) {");

    /** The fire transition ignores FIRED: the decision can be taken twice, so an action could run twice. */
    public static final Mutant TIMER_FIRE_TWICE = Mutant.in(TIMER_SYNC, "tryFire").mutant(
            "timer-fire-twice",
            "tryFire() succeeds again after FIRED (the action may run twice)",
            "if ((s & (FIRED | CANCELLED)) != 0) {",
            "if ((s & CANCELLED) != 0) {");

    /**
     * Python's shape: the timer thread runs the action if "not cancelled" at the moment it looks, and never
     * records that it fired; a later cancel() still "wins".
     */
    public static final Mutant TIMER_CHECK_THEN_ACT = Mutant.in(TIMER, "runTimer").mutant(
            "timer-check-then-act",
            "the timer thread checks isCancelled() instead of deciding FIRED by CAS",
            "if (sync.tryFire()) {",
            "if (!sync.isCancelled()) {");

    /**
     * Check-then-act with the narrowest window: the thread reads "not cancelled", then runs the action
     * whatever its CAS says. Only a cancel landing between the read and the CAS shows it.
     */
    public static final Mutant TIMER_CHECK_THEN_FIRE = Mutant.in(TIMER, "runTimer").mutant(
            "timer-check-then-fire",
            "the action runs after an isCancelled() check even when the FIRED CAS lost to a cancel",
            "if (sync.tryFire()) {",
            "if (!sync.isCancelled() & (sync.tryFire() | true)) {");

    /** join() can return while the action is still running. */
    public static final Mutant TIMER_FINISH_BEFORE_ACTION = Mutant.in(TIMER, "runTimer").mutant(
            "timer-finish-before-action",
            "the timer counts as finished before its action runs",
            "try { action.run();",
            "finished.set(); try { action.run();");
}
