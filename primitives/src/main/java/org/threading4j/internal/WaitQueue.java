package org.threading4j.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * The one queueing and parking core that every threading4j primitive is built on: a FIFO queue of parked
 * threads, each represented by a {@link Waiter} whose outcome is decided exactly once.
 *
 * <p>A primitive is a small state machine (a state word of its own) over one or more wait queues. The
 * primitive decides <em>when</em> a thread must wait and <em>whom</em> to wake; this class does the rest:
 * queueing, parking with the primitive as the blocker, deadlines, and cancellation on timeout or
 * interrupt without ever losing a wake-up.
 *
 * <pre>
 * Overview
 * ========
 *
 *            queueLock (spin bit, held for O(1) steps only, never across a park)
 *                |
 *     head -> [Waiter T1] <-> [Waiter T2] <-> [Waiter T3] <- tail        FIFO, oldest at head
 *                status        status          status
 *
 * Waiter.status is a one-shot outcome:
 *
 *     WAITING --(a waker, under queueLock, while unlinking)--> SIGNALLED | GRANTED
 *     WAITING --(the waiter itself, under queueLock)---------> TIMED_OUT | INTERRUPTED
 *
 *   SIGNALLED    woken; what that means is the primitive's business (compete for a permit, Condition
 *                notified, Event set, barrier tripped...)
 *   GRANTED      woken and handed a resource directly (a Lock/Semaphore permit); the waiter owns it
 *   TIMED_OUT    the waiter gave up at its deadline and removed itself
 *   INTERRUPTED  the waiter was interrupted and removed itself
 *
 * Both sides decide under queueLock, so exactly one of them wins. This is the whole no-lost-wake-up
 * argument: a waker can only pick a waiter that is still WAITING, and a waiter can only cancel itself
 * while it is still WAITING. If the waker won, the waiter sees SIGNALLED or GRANTED and must honour it
 * (return success, or hand the resource on); if the waiter won, it is gone from the queue and the waker
 * picks the next one.
 *
 * Protocol for a primitive (the "validate, then enqueue" step is what makes parking safe):
 *
 *   waiter:  lockQueue(); re-check the primitive's state word and announce "someone is queued"
 *            (a bit in the state word, set by CAS, so a concurrent releaser either sees it or
 *            makes the waiter's CAS fail); enqueue(w); unlockQueue(); park(w, ...)
 *   waker:   change the state word; if it announced waiters: lockQueue(); resolve(...);
 *            unlockQueue(); unparkAll(...)
 * </pre>
 *
 * <p>A waiter node is used for one wait only: once resolved, only the waker that resolved it touches its
 * links (to unpark the chain after unlocking), so a thread that waits again allocates a fresh node.
 * Allocation therefore happens only on the path that parks.
 *
 * <p>The queue lock is a spin lock rather than a parking lock because everything done under it is a few
 * field writes; it is never held across a park, an unpark or user code.
 */
public class WaitQueue {

    // ---- Outcomes of a wait (values of Waiter.status) ----

    /** Still queued; nobody has decided yet. */
    public static final int WAITING = 0;
    /** A waker chose this waiter; the meaning of the wake-up belongs to the primitive. */
    public static final int SIGNALLED = 1;
    /** A waker handed this waiter a resource directly (a permit); the waiter now owns it. */
    public static final int GRANTED = 2;
    /** The waiter reached its deadline and left the queue; it owns nothing. */
    public static final int TIMED_OUT = 3;
    /** The waiter was interrupted and left the queue; it owns nothing. */
    public static final int INTERRUPTED = 4;

    /** Spins on the queue lock before each {@link Thread#yield()}. */
    private static final int SPINS_BEFORE_YIELD = 64;

    /**
     * Timeouts of at least this many nanoseconds (about 146 years) mean "no deadline": adding them to
     * {@code System.nanoTime()} could overflow.
     */
    public static final long FOREVER = Long.MAX_VALUE >> 1;

    /** One thread waiting in a queue, for one wait. */
    public static final class Waiter {
        /** The parked thread, unparked by whoever resolves this node. */
        final Thread thread;
        /** One of the outcomes above; leaves WAITING exactly once, always under the queue lock. */
        volatile int status;
        /** Links; guarded by the queue lock while queued, then owned by the resolving waker. */
        Waiter prev, next;
        /** {@code System.nanoTime()} when the thread first started waiting (fair hand-off decisions). */
        long since;
        /** A primitive's payload, e.g. a barrier generation; written before enqueueing. */
        long tag;
        /** 1 once some thread has taken on unparking this waiter ({@link #unparkAllShared}). */
        volatile int unparkClaimed;

        public Waiter(Thread thread) {
            this.thread = thread;
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

        public void tag(long value) {
            this.tag = value;
        }

        public int status() {
            return status;
        }
    }

    /** The object a parked thread reports in thread dumps ({@link LockSupport#getBlocker}). */
    private final Object blocker;
    /** 0 free, 1 held. Guards head, tail, size and the links of queued waiters. */
    private volatile int queueLock;
    /** Oldest waiter, or null. Guarded by queueLock. */
    private Waiter head;
    /** Newest waiter, or null. Guarded by queueLock. */
    private Waiter tail;
    /** Number of queued waiters. Guarded by queueLock. */
    private int size;

    /**
     * @param blocker the public primitive, reported by {@link LockSupport#getBlocker} for parked threads
     */
    public WaitQueue(Object blocker) {
        this.blocker = blocker;
    }

    // ---------------------------------------------------------------------------------------------
    // Queue lock
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

    // ---------------------------------------------------------------------------------------------
    // Queue operations. Precondition for all of them: the caller holds the queue lock.
    // ---------------------------------------------------------------------------------------------

    /** Appends {@code w} as the newest waiter. Caller holds the queue lock. */
    public final void enqueueLocked(Waiter w) {
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

    /**
     * Inserts {@code w} as the oldest waiter: for a thread that was woken, lost the race for what it was
     * woken for, and keeps its place at the front. Caller holds the queue lock.
     */
    public final void enqueueFirstLocked(Waiter w) {
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

    /** True iff nobody is queued. Caller holds the queue lock. */
    public final boolean isEmptyLocked() {
        return head == null;
    }

    /** Number of queued waiters. Caller holds the queue lock. */
    public final int sizeLocked() {
        return size;
    }

    /** The oldest waiter, or null. Caller holds the queue lock. */
    public final Waiter peekLocked() {
        return head;
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

    /**
     * Unlinks up to {@code n} oldest waiters, resolves each with {@code outcome}, and returns them as a
     * chain linked through {@code next}, oldest first, for {@link #unparkAll} once the queue lock is
     * released. The first {@code granted} of them are resolved {@link #GRANTED} instead. Caller holds the
     * queue lock.
     */
    public final Waiter resolveLocked(int n, int outcome, int granted) {
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
            // Plain link writes above are published to the waker itself only; the volatile status
            // write is what the waiter synchronizes with.
            w.status = i < granted ? GRANTED : outcome;
        }
        return first;
    }

    /**
     * Unlinks every waiter, resolving those whose {@link Waiter#tag() tag} is {@code grantTag} as
     * {@link #GRANTED} and the others as {@link #SIGNALLED}, and returns them as a chain for
     * {@link #unparkAll}, oldest first; {@link #countGranted} counts the grants. Caller holds the queue lock.
     */
    public final Waiter resolveAllLocked(long grantTag) {
        Waiter first = head;
        for (Waiter w = first; w != null; w = w.next) {
            w.status = w.tag == grantTag ? GRANTED : SIGNALLED;
        }
        // Every node leaves at once: the chain keeps its links (only the resolving waker reads them now).
        if (first != null) {
            first.prev = null;
        }
        head = null;
        tail = null;
        size = 0;
        return first;
    }

    /** The number of {@link #GRANTED} waiters in a chain returned by a resolve; read by its waker only. */
    public static int countGranted(Waiter chain) {
        int n = 0;
        for (Waiter w = chain; w != null; w = w.next) {
            if (w.status == GRANTED) {
                n++;
            }
        }
        return n;
    }

    /**
     * Unparks every waiter of a chain returned by {@link #resolveLocked}. Called after the queue lock is
     * released, so woken threads do not immediately spin on it.
     */
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
    public static void unparkAllShared(Waiter chain) {
        for (Waiter w = chain; w != null; w = w.next) {
            if (w.unparkClaimed == 0 && UNPARK_CLAIMED.compareAndSet(w, 0, 1)) {
                LockSupport.unpark(w.thread);
            }
        }
    }

    /**
     * Called by a thread woken from a chain passed to {@link #unparkAllShared}, with its own node: unparks
     * the waiters after it, claiming each first, until it meets one that is not decided yet or that someone
     * else has claimed (that one's claimer carries on from there).
     *
     * <p>A helper can run while the waker is still resolving under the queue lock: its own thread may return
     * from {@code park} before the waker unparks it (it had not parked yet, or it left an earlier wake-up's
     * unpark unused), see its own decided status, and start helping. It then sees the chain as the waker is
     * building it: {@link #resolveLocked} links a node into the chain before it writes that node's status,
     * and {@link #resolveAllLocked} keeps the queue's links, which exist before any status is written. A node
     * still {@link #WAITING} is therefore one whose outcome the waker has not written yet. The helper must not
     * claim it: its thread would wake, read WAITING and park again, and the waker, finding it claimed, would
     * skip it for ever. So the helper stops there and leaves the node to the waker, which walks the whole chain
     * only after every node is decided. Every node is thus unparked, by its claimer, after its status is
     * written. The links are plain fields, so a helper may also read a stale one: {@code null} (it stops early), or
     * the queue link of the last node of a partial resolve (a node still queued, hence WAITING: it stops). Any
     * node it does claim, it claims decided and unparks after that, which is all the waker's skip relies on; a
     * node that left on its own (timed out, interrupted) is decided and in no chain, so unparking it is only a
     * spurious wake-up, which every park loop tolerates. The controlled-scheduling checks
     * of Event and Barrier explore exactly this window (a waiter that is awake while the waker resolves), and
     * the mutant that claims an undecided node is caught by them.
     */
    public static void helpUnpark(Waiter self) {
        for (Waiter w = self.next; w != null; w = w.next) {
            if (w.status == WAITING) {
                return; // not decided yet: the waker is still resolving, and will unpark it itself
            }
            if (w.unparkClaimed != 0 || !UNPARK_CLAIMED.compareAndSet(w, 0, 1)) {
                return;
            }
            LockSupport.unpark(w.thread);
        }
    }

    /**
     * Resolves up to {@code n} oldest waiters {@link #SIGNALLED} and returns them as a chain that the caller
     * must pass to {@link #unparkAll} (or hand to someone who will), without unparking them here.
     */
    public final Waiter resolveSignalled(int n) {
        lockQueue();
        Waiter chain = resolveLocked(Math.min(n, size), SIGNALLED, 0);
        unlockQueue();
        return chain;
    }

    /** Wakes up to {@code n} oldest waiters with {@link #SIGNALLED}; returns how many were woken. */
    public final int signal(int n) {
        lockQueue();
        int woken = Math.min(n, size);
        Waiter chain = resolveLocked(woken, SIGNALLED, 0);
        unlockQueue();
        unparkAll(chain);
        return woken;
    }

    /**
     * Hook run under the queue lock after a waiter removed itself on timeout or interrupt: a primitive
     * whose state word announces "someone is queued" clears that announcement here when the queue became
     * empty. Must not block or call user code.
     */
    protected void waiterLeftLocked() {
    }

    // ---------------------------------------------------------------------------------------------
    // Parking
    // ---------------------------------------------------------------------------------------------

    /**
     * Parks the current thread until {@code w} (already enqueued by this thread) is resolved, and returns
     * its outcome.
     *
     * <p>Repeatedly: if resolved, return the outcome; if interrupted and {@code interruptible}, or past
     * the deadline, try to cancel (which fails if a waker got there first, in which case the waker's
     * outcome is returned); otherwise park. Spurious returns from {@code park} just go round again.
     *
     * <p>Interrupt status: when the wait ends as {@link #INTERRUPTED} the status is cleared (the caller
     * throws {@code InterruptedException}); in every other case an interrupt that arrived during the wait
     * is re-asserted before returning, so it is never lost. An uninterruptible wait ignores interrupts
     * until it is resolved.
     *
     * @param deadline a {@code System.nanoTime()} value; used only when {@code timed}
     */
    public final int park(Waiter w, boolean interruptible, boolean timed, long deadline) {
        boolean interrupted = false;
        int outcome;
        for (;;) {
            outcome = w.status;
            if (outcome != WAITING) {
                break;
            }
            if (Thread.interrupted()) {
                if (interruptible) {
                    outcome = leave(w, INTERRUPTED);
                    if (outcome != INTERRUPTED) {
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
            if (timed) {
                long left = deadline - System.nanoTime();
                if (left <= 0L) {
                    outcome = leave(w, TIMED_OUT);
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
     * The waiter's side of the one-shot decision: leave the queue with {@code outcome} (TIMED_OUT or
     * INTERRUPTED) if still WAITING, and return it; else return what the waker decided, which the caller
     * must honour or pass on. Called by the waiting thread itself.
     */
    public final int leave(Waiter w, int outcome) {
        lockQueue();
        int s = w.status;
        if (s == WAITING) {
            unlinkLocked(w);
            w.status = outcome;
            waiterLeftLocked();
            s = outcome;
        }
        unlockQueue();
        return s;
    }

    /** A {@code System.nanoTime()} deadline for a wait of {@code nanos} (which is below {@link #FOREVER}). */
    public static long deadlineAfter(long nanos) {
        return System.nanoTime() + nanos;
    }

    // ---- VarHandles ----
    private static final VarHandle QUEUE_LOCK;
    private static final VarHandle UNPARK_CLAIMED;

    static {
        try {
            QUEUE_LOCK = MethodHandles.lookup().findVarHandle(WaitQueue.class, "queueLock", int.class);
            UNPARK_CLAIMED = MethodHandles.lookup().findVarHandle(Waiter.class, "unparkClaimed", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
