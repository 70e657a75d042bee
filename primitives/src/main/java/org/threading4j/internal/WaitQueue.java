package org.threading4j.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * The one waiting protocol of threading4j: a primitive's state word, a FIFO queue of parked threads, and
 * the two moves that connect them, {@link #await} (may I pass? if not, wait) and {@link #wake} (whom do I
 * wake, with what outcome?). Every primitive is a subclass that says <em>what</em>; only this class says
 * <em>how</em>: the queue lock, the validation under it, the "someone is queued" announcement, parking,
 * deadlines, cancellation and the hand-on of a wake-up that a giving-up waiter received.
 *
 * <pre>
 * Overview
 * ========
 *
 *   state     a long owned by the primitive (permits, a flag, a barrier phase...), changed by CAS, with one
 *             bit, QUEUED, owned by this class: set while the queue is non-empty
 *   queueLock a spin bit, held for O(1) steps only (O(waiters) for a wake-all), never across a park,
 *             an unpark or user code
 *
 *     head -&gt; [Waiter T1] &lt;-&gt; [Waiter T2] &lt;-&gt; [Waiter T3] &lt;- tail        FIFO, oldest at head
 *               status          status          status                   one-shot Outcome each
 *
 *   Waiter.status:  WAITING --(a waker, under queueLock, while unlinking)---&gt; SIGNALLED | GRANTED
 *                   WAITING --(the waiter itself, under queueLock)---------&gt; TIMED_OUT | INTERRUPTED
 *
 * await (the waiter):   lockQueue; s = state; if !mustWait(s): unlock, PASSED
 *                       CAS s -&gt; s | QUEUED (retry the check if the word moved); enqueue; unlock
 *                       beforePark; park until decided, or leave at the deadline / on interrupt
 * wake  (a waker):      lockQueue; s = state; next = plan(s, queued), which also names the waiters to
 *                       resolve; QUEUED cleared in next if they are all of them; CAS s -&gt; next (retry
 *                       the plan if the word moved); resolve them; unlock; unpark them
 * </pre>
 *
 * <p><b>Why no wake-up is lost.</b> Two rules. (1) A waiter's validation and its QUEUED announcement are
 * one CAS on the state word, under the queue lock; a waker's decision is one CAS on the same word, and a
 * waker that sees QUEUED decides under the queue lock too. So a state change that would let the waiter
 * through either comes before the waiter's CAS (the waiter sees it and passes) or after it (the waker sees
 * QUEUED, takes the queue lock, and finds the waiter queued). A primitive may change its state word
 * outside the queue lock only by a CAS that expects QUEUED clear, or that wakes nobody it would owe a
 * wake-up. (2) The outcome of a wait is decided once, under the queue lock, by whichever of the waker and
 * the waiter comes first: a waker can only pick a waiter still WAITING, a waiter can only cancel itself
 * while WAITING. If the waker won, the waiter honours the outcome (returns success, or passes it on); if
 * the waiter won, it is gone from the queue and the waker's plan, computed from the queue as it is, picks
 * someone else.
 *
 * <p>A waiter node serves one wait: once resolved, only the waker that resolved it touches its links (to
 * unpark the chain after unlocking), so a thread that waits again allocates a fresh node. Allocation
 * therefore happens only on the path that parks.
 */
public class WaitQueue {

    /** Spins on the queue lock before each {@link Thread#yield()}. */
    private static final int SPINS_BEFORE_YIELD = 64;

    /** One thread waiting in a queue, for one wait. */
    public static final class Waiter {
        /** The parked thread, unparked by whoever resolves this node. */
        final Thread thread;
        /** The outcome; leaves WAITING exactly once, always under the queue lock. */
        volatile Outcome status = Outcome.WAITING;
        /** Links; guarded by the queue lock while queued, then owned by the resolving waker. */
        Waiter prev, next;
        /** {@code System.nanoTime()} when the thread first started waiting (fair hand-off decisions). */
        long since;
        /** A primitive's payload, e.g. a barrier generation or a saved hold count; written before enqueueing. */
        long tag;
        /** 1 once some thread has taken on unparking this waiter ({@link #unparkAllShared}). */
        volatile int unparkClaimed;

        public Waiter(Thread thread) {
            this.thread = thread;
        }

        /** A node for the current thread carrying {@code tag}. */
        public static Waiter tagged(long tag) {
            Waiter w = new Waiter(Thread.currentThread());
            w.tag = tag;
            return w;
        }

        public long since() {
            return since;
        }

        public void since(long nanoTime) {
            this.since = nanoTime;
        }

        public long tag() {
            return tag;
        }

        public Outcome status() {
            return status;
        }
    }

    /**
     * A waker's decision, made by {@link #wake} under the queue lock from the state word and the number of
     * queued waiters. It returns the next state word (the same word for "change nothing") and names the
     * waiters to resolve by calling {@link #wakeOldest}, {@link #wakeAll()} or {@link #wakeAllGranting}; it
     * may be called again, with a fresh state, if its CAS fails, so its own effects must be plain writes to
     * fields the queue lock guards, harmless if the plan runs again.
     */
    @FunctionalInterface
    public interface Plan {
        long next(long state, int queued);
    }

    /** The object a parked thread reports in thread dumps ({@link LockSupport#getBlocker}). */
    private final Object blocker;
    /** The primitive's state word; bit {@link #queuedBit} is this class's. */
    private volatile long state;
    /** The QUEUED bit of the state word: set iff the queue is non-empty, whenever the queue lock is free. */
    private final long queuedBit;
    /** 0 free, 1 held. Guards head, tail, size, the plan fields and the links of queued waiters. */
    private volatile int queueLock;
    /** Oldest waiter, or null. Guarded by queueLock. */
    private Waiter head;
    /** Newest waiter, or null. Guarded by queueLock. */
    private Waiter tail;
    /** Number of queued waiters. Guarded by queueLock. */
    private int size;
    /** What the running plan asked for (see {@link Plan}): resolve this many oldest, the first planGrant GRANTED. */
    private int planWake, planGrant;
    /** Or: resolve everyone, those tagged planTag GRANTED. Guarded by queueLock. */
    private boolean planAllByTag;
    private long planTag;

    /**
     * A queue with a state word.
     *
     * @param blocker   the public primitive (or its owner record), reported by {@link LockSupport#getBlocker}
     * @param queuedBit the state word's bit that this class sets while threads are queued
     * @param initial   the state word at the start (QUEUED clear)
     */
    protected WaitQueue(Object blocker, long queuedBit, long initial) {
        this.blocker = blocker;
        this.queuedBit = queuedBit;
        this.state = initial;
    }

    /** A plain queue, without a state word of its own (a Condition's: its state is the lock's). */
    protected WaitQueue(Object blocker) {
        this(blocker, 0L, 0L);
    }

    // ---------------------------------------------------------------------------------------------
    // The state word
    // ---------------------------------------------------------------------------------------------

    /** The state word now (a volatile read). */
    protected final long state() {
        return state;
    }

    /**
     * One CAS on the state word. Outside the queue lock a primitive may use it only for changes that owe
     * nobody a wake-up: those that expect QUEUED clear, or that leave every queued waiter's reason to wait.
     */
    protected final boolean casState(long expected, long next) {
        return STATE.compareAndSet(this, expected, next);
    }

    // ---------------------------------------------------------------------------------------------
    // The waiter's side
    // ---------------------------------------------------------------------------------------------

    /**
     * Whether the thread waiting with {@code w} must wait in state {@code s}. Called under the queue lock, so
     * it must be a pure function of its arguments (and of final fields).
     */
    protected boolean mustWait(long s, Waiter w) {
        return true;
    }

    /**
     * Called after {@code w} is queued and the queue lock released, before the thread parks (a Condition
     * releases its lock here). If it throws, the engine takes {@code w} out of the queue, hands on any
     * wake-up it had received meanwhile, and lets the exception through.
     */
    protected void beforePark(Waiter w) {
    }

    /**
     * The wait: validates with {@link #mustWait} and announces QUEUED under the queue lock, enqueues
     * {@code w} (at the head if {@code first}: a woken waiter that lost its race keeps its place), runs
     * {@link #beforePark}, and parks until a waker decides or the thread gives up.
     *
     * @return {@link Outcome#PASSED} if the state let the thread through without queueing, otherwise the
     *         decided outcome
     */
    protected final Outcome await(Waiter w, boolean first, boolean interruptible, Deadline deadline) {
        lockQueue();
        for (;;) {
            long s = state;
            if (!mustWait(s, w)) {
                unlockQueue();
                return Outcome.PASSED;
            }
            if ((s & queuedBit) == queuedBit || STATE.compareAndSet(this, s, s | queuedBit)) {
                break;
            }
            // the word moved under us (a CAS outside the queue lock): validate again
        }
        if (first) {
            enqueueFirstLocked(w);
        } else {
            enqueueLocked(w);
        }
        unlockQueue();
        try {
            beforePark(w);
        } catch (RuntimeException | Error e) {
            withdraw(w);
            throw e;
        }
        return park(w, interruptible, deadline);
    }

    /**
     * Parks until {@code w} is decided. Repeatedly: if decided, return the outcome; if interrupted and
     * {@code interruptible}, or past the deadline, try to leave (which fails if a waker got there first:
     * then the waker's outcome is returned); otherwise park. Spurious returns from {@code park} just go
     * round again.
     *
     * <p>Interrupt status: cleared when the wait ends {@link Outcome#INTERRUPTED} (the caller throws
     * {@code InterruptedException}); in every other case an interrupt that arrived during the wait is
     * re-asserted before returning, so it is never lost.
     */
    private Outcome park(Waiter w, boolean interruptible, Deadline deadline) {
        boolean interrupted = false;
        Outcome outcome;
        for (;;) {
            outcome = w.status;
            if (outcome != Outcome.WAITING) {
                break;
            }
            if (Thread.interrupted()) {
                if (interruptible) {
                    outcome = leave(w, Outcome.INTERRUPTED);
                    if (outcome != Outcome.INTERRUPTED) {
                        interrupted = true; // a waker won: keep the interrupt for the caller to see
                    }
                    break;
                }
                interrupted = true; // remember it, and clear it so that park() blocks again
                continue;
            }
            if (Races.WIDEN) {
                Races.pause(); // test seam: a waker may resolve and unpark us right here, before we park
            }
            if (deadline.timed()) {
                long left = deadline.remaining();
                if (left <= 0L) {
                    outcome = leave(w, Outcome.TIMED_OUT);
                    break;
                }
                LockSupport.parkNanos(blocker, left);
            } else {
                LockSupport.park(blocker);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return outcome;
    }

    /**
     * The waiter's side of the one-shot decision: leaves the queue with {@code outcome} (TIMED_OUT or
     * INTERRUPTED) if still WAITING, clearing QUEUED if the queue becomes empty, and returns it; otherwise
     * returns what the waker decided, which the caller must honour or pass on.
     */
    private Outcome leave(Waiter w, Outcome outcome) {
        lockQueue();
        Outcome s = w.status;
        if (s == Outcome.WAITING) {
            unlinkLocked(w);
            w.status = outcome;
            if (head == null) {
                clearQueuedLocked();
            }
            s = outcome;
        }
        unlockQueue();
        return s;
    }

    /**
     * Takes {@code w} back without waiting (its thread is giving up before it parked): leaves the queue if
     * still WAITING; if a waker chose it meanwhile, hands that wake-up on to the oldest waiter, so that it
     * is not lost with the withdrawn thread.
     */
    private void withdraw(Waiter w) {
        if (leave(w, Outcome.INTERRUPTED) != Outcome.INTERRUPTED) {
            wake((s, queued) -> {
                wakeOldest(1, 0);
                return s;
            }, false);
        }
    }

    private void clearQueuedLocked() {
        for (;;) {
            long s = state;
            if ((s & queuedBit) == 0L || STATE.compareAndSet(this, s, s & ~queuedBit)) {
                return;
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The waker's side
    // ---------------------------------------------------------------------------------------------

    /**
     * The waker's move: under the queue lock, asks {@code plan} for the next state, clears QUEUED in it if
     * the plan resolves every queued waiter, CASes it in (asking again if the word moved), resolves the
     * waiters the plan named, and unparks them after unlocking: all at once by the waker, or {@code shared}
     * with the threads it wakes ({@link #unparkAllShared}). A plan that returns the state unchanged and
     * names nobody changes nothing.
     *
     * @return the state word the plan decided from
     */
    protected final long wake(Plan plan, boolean shared) {
        Waiter chain = null;
        long s;
        lockQueue();
        try {
            for (;;) {
                s = state;
                planWake = 0;
                planGrant = 0;
                planAllByTag = false;
                long next = plan.next(s, size);
                int k = planAllByTag ? size : Math.min(planWake, size);
                if (k == 0 && next == s) {
                    break; // nothing to change, nobody to wake
                }
                if (k == size) {
                    next &= ~queuedBit; // everyone is being woken: the queue will be empty
                }
                if (STATE.compareAndSet(this, s, next)) {
                    chain = planAllByTag ? resolveAllLocked(planTag) : resolveLocked(k, planGrant);
                    break;
                }
            }
        } finally {
            unlockQueue();
        }
        if (shared) {
            unparkAllShared(chain);
        } else {
            unparkAll(chain);
        }
        return s;
    }

    /** In a {@link Plan}: resolve the {@code n} oldest waiters, the first {@code granted} of them GRANTED. */
    protected final void wakeOldest(int n, int granted) {
        planWake = n;
        planGrant = granted;
    }

    /** In a {@link Plan}: resolve every waiter SIGNALLED (Python's {@code notify_all}). */
    protected final void wakeAll() {
        wakeOldest(Integer.MAX_VALUE, 0);
    }

    /** In a {@link Plan}: resolve every waiter, those whose tag is {@code tag} GRANTED and the rest SIGNALLED. */
    protected final void wakeAllGranting(long tag) {
        planAllByTag = true;
        planTag = tag;
    }

    /** In a {@link Plan}: the number of queued waiters whose tag is {@code tag}. O(waiters). */
    protected final int countTaggedLocked(long tag) {
        int n = 0;
        for (Waiter w = head; w != null; w = w.next) {
            if (w.tag == tag) {
                n++;
            }
        }
        return n;
    }

    /**
     * Resolves up to {@code n} oldest waiters SIGNALLED and returns them as a chain that the caller must
     * pass to {@link #unparkAll} (or hand to someone who will), without unparking them: a Condition's
     * signal, whose waiters cannot run before the lock's next release. For a queue without a state word.
     */
    public final Waiter resolveSignalled(int n) {
        lockQueue();
        Waiter chain = resolveLocked(Math.min(n, size), 0);
        unlockQueue();
        return chain;
    }

    /** Unlinks up to {@code n} oldest waiters and resolves them, the first {@code granted} GRANTED. */
    private Waiter resolveLocked(int n, int granted) {
        Waiter first = null, last = null;
        for (int i = 0; i < n; i++) {
            Waiter w = head;
            if (w == null) {
                break;
            }
            unlinkLocked(w);
            if (first == null) {
                first = w;
            } else {
                last.next = w;
            }
            last = w;
            // The plain link writes above reach the waker itself only; the volatile status write is what
            // the waiter synchronizes with.
            w.status = i < granted ? Outcome.GRANTED : Outcome.SIGNALLED;
        }
        return first;
    }

    /** Unlinks every waiter, those tagged {@code grantTag} GRANTED and the rest SIGNALLED; oldest first. */
    private Waiter resolveAllLocked(long grantTag) {
        Waiter first = head;
        for (Waiter w = first; w != null; w = w.next) {
            w.status = w.tag == grantTag ? Outcome.GRANTED : Outcome.SIGNALLED;
        }
        // Every node leaves at once: the chain keeps its links (only the resolving waker reads them now).
        head = null;
        tail = null;
        size = 0;
        return first;
    }

    /** Unparks every waiter of a resolved chain; after the queue lock is released. */
    public static void unparkAll(Waiter chain) {
        while (chain != null) {
            Waiter next = chain.next; // only the resolving waker touches a resolved node's links
            LockSupport.unpark(chain.thread);
            chain = next;
        }
    }

    /**
     * Unparks every waiter of a resolved chain, sharing the work with the threads it wakes: each node is
     * claimed by CAS before its thread is unparked, and a woken thread calls {@link #helpUnpark} with its own
     * node to unpark those after it. The caller walks the whole chain and unparks every node nobody claimed,
     * so every waiter is unparked even if no woken thread helps; helpers only make it faster (a wake-up costs
     * a system call, and with several CPUs several can be made at once). Called after the queue lock is
     * released, so every node of the chain is decided by then.
     *
     * <p>Why skipping a claimed node loses nothing: {@link #helpUnpark} claims a node only once it has read
     * that node's decided status, and then unparks it. The unpark therefore comes after the status write, so
     * the woken thread's park loop reads the decided status and returns; it never parks again on the strength
     * of a wake-up that came too early.
     */
    private static void unparkAllShared(Waiter chain) {
        for (Waiter w = chain; w != null; w = w.next) {
            if (w.unparkClaimed == 0 && UNPARK_CLAIMED.compareAndSet(w, 0, 1)) {
                LockSupport.unpark(w.thread);
            }
        }
    }

    /**
     * Called by a thread woken from a shared wake-up ({@link #wake} with {@code shared}), with its own node:
     * unparks the waiters after it, claiming each first, until it meets one that is not decided yet or that
     * someone else has claimed (that one's claimer carries on from there).
     *
     * <p>A helper can run while the waker is still resolving under the queue lock: its own thread may return
     * from {@code park} before the waker unparks it (it had not parked yet, or it left an earlier wake-up's
     * unpark unused), see its own decided status, and start helping. It then sees the chain as the waker is
     * building it: {@link #resolveLocked} links a node into the chain before it writes that node's status,
     * and {@link #resolveAllLocked} keeps the queue's links, which exist before any status is written. A node
     * still WAITING is therefore one whose outcome the waker has not written yet. The helper must not claim
     * it: its thread would wake, read WAITING and park again, and the waker, finding it claimed, would skip it
     * for ever. So the helper stops there and leaves the node to the waker, which walks the whole chain only
     * after every node is decided. Every node is thus unparked, by its claimer, after its status is written.
     * The links are plain fields, so a helper may also read a stale one: {@code null} (it stops early), or the
     * queue link of the last node of a partial resolve (a node still queued, hence WAITING: it stops). Any
     * node it does claim, it claims decided and unparks after that, which is all the waker's skip relies on; a
     * node that left on its own (timed out, interrupted) is decided and in no chain, so unparking it is only a
     * spurious wake-up, which every park loop tolerates. The controlled-scheduling checks of Event and Barrier
     * explore exactly this window (a waiter that is awake while the waker resolves), and the mutant that
     * claims an undecided node is caught by them.
     */
    protected static void helpUnpark(Waiter self) {
        for (Waiter w = self.next; w != null; w = w.next) {
            if (w.status == Outcome.WAITING) {
                return; // not decided yet: the waker is still resolving, and will unpark it itself
            }
            if (w.unparkClaimed != 0 || !UNPARK_CLAIMED.compareAndSet(w, 0, 1)) {
                return;
            }
            LockSupport.unpark(w.thread);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Queue lock and links (the checks read the queue under the lock, to see who waits)
    // ---------------------------------------------------------------------------------------------

    /** Takes the queue lock: one CAS when free, a short spin then yields when not. */
    public final void lockQueue() {
        if (!QUEUE_LOCK.compareAndSet(this, 0, 1)) {
            lockQueueSlow();
        }
    }

    private void lockQueueSlow() {
        int spins = 0;
        for (;;) {
            // Test before test-and-set: spin on a read so the cache line is not bounced by failing CASes.
            if (queueLock == 0 && QUEUE_LOCK.compareAndSet(this, 0, 1)) {
                return;
            }
            if (++spins < SPINS_BEFORE_YIELD) {
                Thread.onSpinWait();
            } else {
                spins = 0;
                Thread.yield(); // the holder may be descheduled (2 cores, many threads): let it finish
            }
        }
    }

    /** Releases the queue lock. */
    public final void unlockQueue() {
        // release: publishes the queue links and any status written under the lock to the next holder
        QUEUE_LOCK.setRelease(this, 0);
    }

    /** The oldest waiter, or null; for a plan, or a caller holding the queue lock (the checks walk the queue). */
    public final Waiter peekLocked() {
        return head;
    }

    /**
     * Number of queued waiters, read without the queue lock: for {@code toString} and diagnostics only.
     * Never blocks; the value may be stale by the time the caller looks at it, so it is approximate.
     */
    public final int queuedEstimate() {
        return size;
    }

    private void enqueueLocked(Waiter w) {
        Waiter t = tail;
        w.prev = t;
        w.next = null;
        if (t == null) {
            head = w;
        } else {
            t.next = w;
        }
        tail = w;
        size++;
    }

    private void enqueueFirstLocked(Waiter w) {
        Waiter h = head;
        w.prev = null;
        w.next = h;
        if (h == null) {
            tail = w;
        } else {
            h.prev = w;
        }
        head = w;
        size++;
    }

    private void unlinkLocked(Waiter w) {
        Waiter p = w.prev, n = w.next;
        if (p == null) {
            head = n;
        } else {
            p.next = n;
        }
        if (n == null) {
            tail = p;
        } else {
            n.prev = p;
        }
        w.prev = null;
        w.next = null;
        size--;
    }

    // ---- VarHandles ----
    private static final VarHandle STATE;
    private static final VarHandle QUEUE_LOCK;
    private static final VarHandle UNPARK_CLAIMED;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            STATE = l.findVarHandle(WaitQueue.class, "state", long.class);
            QUEUE_LOCK = l.findVarHandle(WaitQueue.class, "queueLock", int.class);
            UNPARK_CLAIMED = l.findVarHandle(Waiter.class, "unparkClaimed", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
