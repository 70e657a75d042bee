package org.threading4j.specs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The sequential model of {@code org.threading4j.Condition}: Python's {@code threading.Condition} over a
 * {@code Lock} or an {@code RLock}, with threading4j's one strengthening: no signal is lost.
 *
 * <p>Threads are numbered {@code 0 .. threads-1}. Nothing ever blocks: a call that would block leaves its
 * thread in a named phase and returns {@link #PENDING}; the thread's result appears later, after explicit
 * steps. Each thread is in one of three phases:
 * <ul>
 * <li>{@link Phase#IDLE}: not inside a call; {@link #result(int)} is the answer of its last call.</li>
 * <li>{@link Phase#WAITING}: an entry in the condition's FIFO queue (Python's {@code _waiters}), not yet
 *     notified.</li>
 * <li>{@link Phase#BLOCKED}: wants the lock, either in {@code acquire} or to finish an {@code await}
 *     (Python's {@code _acquire_restore}); the entry carries the wait's outcome (notified, timed out,
 *     interrupted) and the saved RLock hold count.</li>
 * </ul>
 * The steps nobody calls in Python, because a real thread does them by itself, are explicit here:
 * <ul>
 * <li>{@link #timeout(int)}: a timed waiter's deadline passes. It leaves the queue only if it is still
 *     WAITING; a waiter already notified keeps its notification and its {@code await} returns true. This
 *     is the no-lost-signal rule: a signal is only ever marked on a waiter that is still WAITING, and a
 *     waiter that leaves without one was never counted by a signal.</li>
 * <li>{@link #interrupt(int)}: the same for an interrupt (Java only; Python has none). A notified waiter
 *     keeps the notification and returns normally with its interrupt status set.</li>
 * <li>{@link #grant(int)}: a BLOCKED thread takes the free lock and its call completes. Which of several
 *     BLOCKED threads gets the lock is not specified (Python: "not defined"); {@link #grantable()} lists
 *     the choices and a checker may explore them all; {@link #settle()} picks the oldest.</li>
 * </ul>
 *
 * <p>Results are strings, so that a model and a real run compare with {@code equals}: {@code "void"},
 * {@code "true"}, {@code "false"}, {@code "InterruptedException"}, or
 * {@code "IllegalMonitorStateException(message)"}; a call that completes while its thread's interrupt
 * status is set gets {@link #KEEPS_INTERRUPT} appended, and the status is then cleared (the test drivers
 * do the same with real threads).
 */
public final class ConditionSpec {

    /** The lock a condition is tied to. */
    public enum LockKind { LOCK, RLOCK }

    /** Where a thread is; see the class comment. */
    public enum Phase { IDLE, WAITING, BLOCKED }

    /** How long an {@code await} may wait; {@code ZERO} times out at once, {@code SHORT} by itself later. */
    public enum Wait {
        /** {@code await()} / {@code waitFor(p)}: returns void, no deadline. */
        UNTIMED,
        /** {@code await(ZERO)}: releases and reacquires the lock, times out at once unless signalled. */
        ZERO,
        /** A short timeout: the waiter may time out at any step ({@link #timeout}); may also be signalled. */
        SHORT,
        /** A timeout too long to pass during a test: returns true when signalled, never false. */
        LONG
    }

    public static final String CANNOT_WAIT = "cannot wait on un-acquired lock";
    public static final String CANNOT_NOTIFY = "cannot notify on un-acquired lock";
    public static final String RELEASE_UNLOCKED = "release unlocked lock";
    public static final String RELEASE_UNOWNED = "cannot release un-acquired lock";
    public static final String PENDING = "pending";
    public static final String KEEPS_INTERRUPT = " +interrupt";
    public static final String INTERRUPTED = "InterruptedException";

    /** How a wait ended; a WAITING entry has none yet. */
    private enum Outcome { NONE, NOTIFIED, TIMED_OUT, INTERRUPTED }

    /** A thread inside a call: queued on the condition, or wanting the lock. */
    private static final class Entry {
        final int thread;
        /** ACQUIRE (a lock call), or an await/waitFor. */
        final boolean lockCall;
        /** acquireInterruptibly: an interrupt ends the lock wait. */
        final boolean interruptible;
        final Wait wait;
        /** waitFor's predicate, null for await. */
        final BooleanSupplier predicate;
        /** RLock hold count to restore (1 for a Lock). */
        int saved;
        Outcome outcome = Outcome.NONE;
        /** waitFor: its one overall deadline has passed. */
        boolean deadlinePassed;

        Entry(int thread, boolean lockCall, boolean interruptible, Wait wait, BooleanSupplier predicate, int saved) {
            this.thread = thread;
            this.lockCall = lockCall;
            this.interruptible = interruptible;
            this.wait = wait;
            this.predicate = predicate;
            this.saved = saved;
        }

        Entry copy() {
            Entry e = new Entry(thread, lockCall, interruptible, wait, predicate, saved);
            e.outcome = outcome;
            e.deadlinePassed = deadlinePassed;
            return e;
        }

        @Override
        public String toString() {
            String what = lockCall ? (interruptible ? "acquireInterruptibly" : "acquire")
                    : (predicate != null ? "waitFor" : "await") + "(" + wait + ")";
            return "T" + thread + ":" + what + (outcome == Outcome.NONE ? "" : "/" + outcome)
                    + (saved > 1 ? "/holds=" + saved : "");
        }
    }

    private final LockKind kind;
    /** The thread that took the lock last (for a Lock, only bookkeeping: any thread may release it), or -1. */
    private int holder = -1;
    /** RLock: the owner's hold count; Lock: 1 while locked. */
    private int holds;
    /** WAITING entries, oldest first: Python's {@code _waiters}. */
    private final List<Entry> queue = new ArrayList<>();
    /** BLOCKED entries, in the order they started wanting the lock. */
    private final List<Entry> blocked = new ArrayList<>();
    /** Per thread: the answer of its last completed call, or null while inside a call. */
    private final String[] results;
    /** Per thread: interrupt status. */
    private final boolean[] interrupted;

    /** A condition over a new lock of the given kind, used by {@code threads} threads. */
    public ConditionSpec(LockKind kind, int threads) {
        this.kind = kind;
        this.results = new String[threads];
        this.interrupted = new boolean[threads];
        Arrays.fill(results, "");
    }

    private ConditionSpec(ConditionSpec o) {
        this.kind = o.kind;
        this.holder = o.holder;
        this.holds = o.holds;
        for (Entry e : o.queue) {
            queue.add(e.copy());
        }
        for (Entry e : o.blocked) {
            blocked.add(e.copy());
        }
        this.results = o.results.clone();
        this.interrupted = o.interrupted.clone();
    }

    /** An independent copy, for checkers that explore several continuations. */
    public ConditionSpec copy() {
        return new ConditionSpec(this);
    }

    public int threads() {
        return results.length;
    }

    // ---- the lock (Python: cond.acquire/release/locked delegate to it) ----

    /** Python's {@code _is_owned()}: an RLock is owned by its owner; a Lock by anyone while it is locked. */
    public boolean owned(int t) {
        return kind == LockKind.RLOCK ? holder == t : holder != -1;
    }

    public boolean locked() {
        return holder != -1;
    }

    /** The calling thread's RLock hold count (0 if not the owner); for a Lock, 1 if it took the lock. */
    public int holdCount(int t) {
        return holder == t ? holds : 0;
    }

    /** The RLock's {@code holdCount()} called by {@code t}, as an answer of {@code t}'s. */
    public String holdCountCall(int t) {
        requireIdle(t);
        return done(t, String.valueOf(holdCount(t)));
    }

    /** {@code acquire()}: not interruptible; PENDING if it must wait. */
    public String acquire(int t) {
        return lockCall(t, false);
    }

    /** {@code acquireInterruptibly()}: like acquire, but a pending or arriving interrupt ends it. */
    public String acquireInterruptibly(int t) {
        if (interrupted[t]) {
            interrupted[t] = false;
            return done(t, INTERRUPTED);
        }
        return lockCall(t, true);
    }

    private String lockCall(int t, boolean interruptible) {
        requireIdle(t);
        if (kind == LockKind.RLOCK && holder == t) {
            holds++;
            return done(t, "void");
        }
        if (holder == -1) {
            holder = t;
            holds = 1;
            return done(t, "void");
        }
        results[t] = null;
        blocked.add(new Entry(t, true, interruptible, Wait.UNTIMED, null, 1));
        return PENDING;
    }

    /** {@code tryAcquire()}. */
    public String tryAcquire(int t) {
        requireIdle(t);
        if (kind == LockKind.RLOCK && holder == t) {
            holds++;
            return done(t, "true");
        }
        if (holder == -1) {
            holder = t;
            holds = 1;
            return done(t, "true");
        }
        return done(t, "false");
    }

    /** {@code release()}: a Lock may be released by any thread; an RLock only by its owner, one level. */
    public String release(int t) {
        requireIdle(t);
        if (kind == LockKind.LOCK) {
            if (holder == -1) {
                return done(t, imse(RELEASE_UNLOCKED));
            }
            holder = -1;
            holds = 0;
            return done(t, "void");
        }
        if (holder != t) {
            return done(t, imse(RELEASE_UNOWNED));
        }
        if (--holds == 0) {
            holder = -1;
        }
        return done(t, "void");
    }

    // ---- waiting ----

    /** {@code await()} ({@link Wait#UNTIMED}) or {@code await(timeout)}: PENDING, or an error at once. */
    public String await(int t, Wait wait) {
        return startWait(t, wait, null);
    }

    /**
     * {@code waitFor(predicate)} ({@link Wait#UNTIMED}) or {@code waitFor(predicate, timeout)}. A predicate
     * true at once returns without an ownership check, as in Python.
     */
    public String waitFor(int t, BooleanSupplier predicate, Wait wait) {
        requireIdle(t);
        if (predicate.getAsBoolean()) {
            return done(t, wait == Wait.UNTIMED ? "void" : "true");
        }
        return startWait(t, wait, predicate);
    }

    private String startWait(int t, Wait wait, BooleanSupplier predicate) {
        requireIdle(t);
        if (!owned(t)) {
            return done(t, imse(CANNOT_WAIT));
        }
        if (interrupted[t]) {
            interrupted[t] = false;
            return done(t, INTERRUPTED);
        }
        Entry e = new Entry(t, false, false, wait, predicate, 0);
        enqueueAndRelease(e);
        results[t] = null;
        if (wait == Wait.ZERO) {
            timeout(t);
        }
        return PENDING;
    }

    /** Python's {@code _release_save}: join the queue, then give up every hold level. */
    private void enqueueAndRelease(Entry e) {
        e.saved = kind == LockKind.RLOCK ? holds : 1;
        e.outcome = Outcome.NONE;
        queue.add(e);
        holder = -1;
        holds = 0;
    }

    /** {@code signal(n)}: marks the oldest {@code n} WAITING entries notified; {@code n <= 0} does nothing. */
    public String signal(int t, int n) {
        requireIdle(t);
        if (!owned(t)) {
            return done(t, imse(CANNOT_NOTIFY));
        }
        for (int i = 0; i < n && !queue.isEmpty(); i++) {
            Entry e = queue.remove(0);
            e.outcome = Outcome.NOTIFIED;
            blocked.add(e);
        }
        return done(t, "void");
    }

    /** {@code signalAll()}. */
    public String signalAll(int t) {
        return signal(t, Integer.MAX_VALUE);
    }

    // ---- explicit steps ----

    /**
     * Thread {@code t}'s deadline passes. If it is still WAITING (with a timeout), it leaves the queue,
     * owning no signal, and wants the lock back; returns true. Otherwise (already notified, or not timed)
     * nothing happens; returns false.
     */
    public boolean timeout(int t) {
        Entry e = find(queue, t);
        if (e == null || e.wait == Wait.UNTIMED || e.wait == Wait.LONG) {
            return false;
        }
        queue.remove(e);
        e.outcome = Outcome.TIMED_OUT;
        e.deadlinePassed = true;
        blocked.add(e);
        return true;
    }

    /**
     * Thread {@code t} is interrupted. A WAITING thread leaves the queue owning no signal and wants the lock
     * back (then throws); one in {@code acquireInterruptibly} gives up at once; otherwise the interrupt
     * status is set, to be seen by its next interruptible call or reported with its current call's result.
     */
    public void interrupt(int t) {
        Entry e = find(queue, t);
        if (e != null) {
            queue.remove(e);
            e.outcome = Outcome.INTERRUPTED;
            blocked.add(e);
            return;
        }
        e = find(blocked, t);
        if (e != null && e.lockCall && e.interruptible) {
            blocked.remove(e);
            done(t, INTERRUPTED);
            return;
        }
        interrupted[t] = true;
    }

    /** The BLOCKED threads that could take the lock now, in the order they started wanting it. */
    public List<Integer> grantable() {
        List<Integer> ts = new ArrayList<>();
        if (holder == -1) {
            for (Entry e : blocked) {
                ts.add(e.thread);
            }
        }
        return ts;
    }

    /** BLOCKED thread {@code t} takes the free lock; its call completes (or a waitFor waits again). */
    public void grant(int t) {
        Entry e = find(blocked, t);
        if (e == null || holder != -1) {
            throw new IllegalStateException("T" + t + " cannot take the lock now: " + this);
        }
        blocked.remove(e);
        holder = t;
        if (e.lockCall) {
            holds = 1;
            done(t, "void");
            return;
        }
        holds = e.saved; // Python's _acquire_restore
        switch (e.outcome) {
            case INTERRUPTED:
                // The interrupt that ended the wait was used up then; one that came while the thread took the
                // lock back (not interruptible) is kept, as in j.u.c's ConditionObject: IE with the status set.
                done(t, INTERRUPTED);
                return;
            case TIMED_OUT:
                done(t, e.predicate != null ? String.valueOf(e.predicate.getAsBoolean()) : "false");
                return;
            case NOTIFIED:
                if (e.predicate == null) {
                    done(t, e.wait == Wait.UNTIMED ? "void" : "true");
                } else if (e.predicate.getAsBoolean()) {
                    done(t, e.wait == Wait.UNTIMED ? "void" : "true");
                } else if (e.deadlinePassed || e.wait == Wait.ZERO) {
                    done(t, "false");
                } else if (interrupted[t]) {
                    interrupted[t] = false; // the next await of the loop sees the kept interrupt
                    done(t, INTERRUPTED);
                } else {
                    enqueueAndRelease(e); // wait_for: wait again, at the back, same deadline
                }
                return;
            default:
                throw new IllegalStateException("a WAITING entry cannot be BLOCKED: " + e);
        }
    }

    /** Grants the lock, oldest BLOCKED first, until nobody can take it: one possible run to quiescence. */
    public void settle() {
        while (!grantable().isEmpty()) {
            grant(grantable().get(0));
        }
    }

    // ---- observation ----

    public Phase phase(int t) {
        if (results[t] != null) {
            return Phase.IDLE;
        }
        return find(queue, t) != null ? Phase.WAITING : Phase.BLOCKED;
    }

    /** The answer of {@code t}'s last call, or {@link #PENDING} while it is inside one. */
    public String result(int t) {
        return results[t] == null ? PENDING : results[t];
    }

    /** Threads WAITING on the condition, oldest first. */
    public List<Integer> waiting() {
        List<Integer> ts = new ArrayList<>();
        for (Entry e : queue) {
            ts.add(e.thread);
        }
        return ts;
    }

    /** Whether {@code t} is WAITING with a short timeout, i.e. may time out by itself. */
    public boolean mayTimeOut(int t) {
        Entry e = find(queue, t);
        return e != null && e.wait == Wait.SHORT;
    }

    private String done(int t, String result) {
        if (interrupted[t]) {
            interrupted[t] = false;
            result += KEEPS_INTERRUPT;
        }
        results[t] = result;
        return result;
    }

    private void requireIdle(int t) {
        if (results[t] == null) {
            throw new IllegalStateException("T" + t + " is still inside a call: " + this);
        }
    }

    private static Entry find(List<Entry> list, int t) {
        for (Entry e : list) {
            if (e.thread == t) {
                return e;
            }
        }
        return null;
    }

    static String imse(String message) {
        return "IllegalMonitorStateException(" + message + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConditionSpec && toString().equals(o.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Condition(").append(kind).append(")[");
        sb.append(holder == -1 ? "unlocked" : "locked by T" + holder + (kind == LockKind.RLOCK ? " x" + holds : ""));
        sb.append(", waiting ").append(queue).append(", blocked ").append(blocked).append(", results [");
        for (int t = 0; t < results.length; t++) {
            sb.append(t == 0 ? "" : ", ").append("T").append(t).append("=").append(result(t))
                    .append(interrupted[t] ? "(int)" : "");
        }
        return sb.append("]]").toString();
    }

    /**
     * The thread-agnostic surface of a condition over a {@code Lock}, with the Lincheck test's operation
     * signatures: errors are thrown (an exception is a result Lincheck compares), and "owned" means
     * "locked", so which thread calls does not matter.
     */
    public static final class OverLock {
        private final ConditionSpec s = new ConditionSpec(LockKind.LOCK, 1);

        public boolean tryAcquire() {
            return s.tryAcquire(0).equals("true");
        }

        public void release() {
            check(s.release(0));
        }

        public boolean locked() {
            return s.locked();
        }

        public void signal() {
            check(s.signal(0, 1));
        }

        public void signal(int n) {
            check(s.signal(0, n));
        }

        public void signalAll() {
            check(s.signalAll(0));
        }

        private static void check(String result) {
            if (result.startsWith("IllegalMonitorStateException(")) {
                throw new IllegalMonitorStateException(
                        result.substring("IllegalMonitorStateException(".length(), result.length() - 1));
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof OverLock && s.equals(((OverLock) o).s);
        }

        @Override
        public int hashCode() {
            return s.hashCode();
        }
    }
}
