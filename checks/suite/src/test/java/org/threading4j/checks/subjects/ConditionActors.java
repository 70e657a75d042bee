package org.threading4j.checks.subjects;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import org.threading4j.checks.support.Threads;
import org.threading4j.checks.support.Workers;
import org.threading4j.internal.PermitSync;
import org.threading4j.internal.WaitQueue;

/**
 * Real threads driven one call at a time, so that a test (or a property test's random schedule) can put a
 * Condition or an Event through exactly the steps a sequential model takes: actor {@code i} runs the call it
 * is given and records its answer as a string in the models' format ({@code "void"}, {@code "true"},
 * {@code "InterruptedException"}, {@code "IllegalMonitorStateException(message)"}, with
 * {@code " +interrupt"} appended when the call returned with the interrupt status set, which it then clears).
 *
 * <p>"Settled" is decided from the primitives' own wait queues, not from thread states: an actor is settled
 * when its call has returned, or when its thread is linked in one of the given {@link WaitQueue}s (a thread
 * still queued cannot move until someone resolves it; a woken thread is unlinked before it is unparked, so a
 * thread that merely looks parked but was already woken never counts), or, for a lock's queue, when a
 * Condition signalled it and its unpark waits for that lock, still held, to be released. Also used by Event
 * tests.
 */
public final class ConditionActors implements AutoCloseable {

    /** What a call returns for the string answer: null counts as "void". */
    @FunctionalInterface
    public interface Call {
        Object call() throws Exception;
    }

    private final class Actor implements Runnable {
        final int id;
        final Thread thread;
        volatile Call command;
        /** Answer of the last call, null while one runs. */
        volatile String result = "";

        Actor(int id) {
            this.id = id;
            this.thread = new Thread(this, "actor-" + id);
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            while (!stopped) {
                Call c = command;
                if (c == null) {
                    if (Thread.currentThread().isInterrupted()) {
                        Thread.yield(); // keep the status for the next call; parking would return at once
                    } else {
                        LockSupport.parkNanos(this, 1_000_000L);
                    }
                    continue;
                }
                command = null;
                String r;
                try {
                    Object v = c.call();
                    r = v == null ? "void" : String.valueOf(v);
                } catch (Exception e) {
                    r = e.getMessage() == null ? e.getClass().getSimpleName()
                            : e.getClass().getSimpleName() + "(" + e.getMessage() + ")";
                }
                if (Thread.interrupted()) {
                    r += " +interrupt";
                }
                result = r;
            }
        }
    }

    private final List<Actor> actors = new ArrayList<>();
    private final List<WaitQueue> queues = new ArrayList<>();
    private volatile boolean stopped;

    /** {@code n} idle actors; {@code queues} are the wait queues an actor may settle in. */
    public ConditionActors(int n, WaitQueue... queues) {
        this.queues.addAll(List.of(queues));
        for (int i = 0; i < n; i++) {
            actors.add(new Actor(i));
        }
        for (Actor a : actors) {
            a.thread.start();
        }
    }

    public Thread thread(int i) {
        return actors.get(i).thread;
    }

    /** Gives actor {@code i} a call (it must be idle) and returns without waiting. */
    public void submit(int i, Call call) {
        Actor a = actors.get(i);
        if (a.result == null) {
            throw new IllegalStateException("actor " + i + " is still inside a call");
        }
        a.result = null;
        a.command = call;
        LockSupport.unpark(a.thread);
    }

    /** The answer of actor {@code i}'s last call, or "pending". */
    public String result(int i) {
        String r = actors.get(i).result;
        return r == null ? "pending" : r;
    }

    public void interrupt(int i) {
        actors.get(i).thread.interrupt();
    }

    /** Whether actor {@code i} is idle or linked in one of the queues. */
    public boolean settled(int i) {
        Actor a = actors.get(i);
        if (a.result != null) {
            return true;
        }
        for (WaitQueue q : queues) {
            if (queued(q, a.thread) || q instanceof PermitSync && waitingForRelease((PermitSync) q, a.thread)) {
                return true;
            }
        }
        return false;
    }

    /** Waits (bounded, with a thread dump on failure) until every actor is settled. */
    public void settle() {
        settle(Threads.GENEROUS);
    }

    public void settle(Duration limit) {
        Threads.awaitCondition("every actor settled", limit, () -> {
            for (int i = 0; i < actors.size(); i++) {
                if (!settled(i)) {
                    return false;
                }
            }
            return true;
        });
    }

    /** The actors linked in {@code q}, oldest first. */
    public List<Integer> queuedActors(WaitQueue q) {
        List<Thread> ts = threadsIn(q);
        List<Integer> ids = new ArrayList<>();
        for (Thread t : ts) {
            for (Actor a : actors) {
                if (a.thread == t) {
                    ids.add(a.id);
                }
            }
        }
        return ids;
    }

    @Override
    public void close() {
        stopped = true;
        for (Actor a : actors) {
            a.thread.interrupt();
        }
    }

    // ---- reading a WaitQueue (test-only reflection on the engine's package-private links) ----

    private static final Field NEXT;
    private static final Field THREAD;
    private static final Field DEFERRED;

    static {
        try {
            DEFERRED = PermitSync.class.getDeclaredField("deferred");
            DEFERRED.setAccessible(true);
            NEXT = WaitQueue.Waiter.class.getDeclaredField("next");
            THREAD = WaitQueue.Waiter.class.getDeclaredField("thread");
            NEXT.setAccessible(true);
            THREAD.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The threads linked in {@code q}, oldest first, read under its queue lock. */
    public static List<Thread> threadsIn(WaitQueue q) {
        List<Thread> ts = new ArrayList<>();
        q.lockQueue();
        try {
            for (WaitQueue.Waiter w = q.peekLocked(); w != null; w = (WaitQueue.Waiter) NEXT.get(w)) {
                ts.add((Thread) THREAD.get(w));
            }
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        } finally {
            q.unlockQueue();
        }
        return ts;
    }

    public static boolean queued(WaitQueue q, Thread t) {
        return threadsIn(q).contains(t);
    }

    /**
     * The threads a Condition signalled and whose unpark waits for the lock's next release (the
     * {@code deferred} stack of the lock's {@link PermitSync}). Their links are written before the push
     * that publishes them and never change after, so reading them from a volatile read of the top is safe.
     */
    public static List<Thread> threadsDeferredOn(PermitSync lockSync) {
        List<Thread> ts = new ArrayList<>();
        try {
            for (WaitQueue.Waiter w = (WaitQueue.Waiter) DEFERRED.get(lockSync); w != null;
                    w = (WaitQueue.Waiter) NEXT.get(w)) {
                ts.add((Thread) THREAD.get(w));
            }
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
        return ts;
    }

    /**
     * Whether {@code t} was signalled and waits, unparked or not, for the lock to be released: it is in the
     * lock's deferred stack while the lock is held. (With the lock free it is about to be unparked: not
     * settled.)
     */
    public static boolean waitingForRelease(PermitSync lockSync, Thread t) {
        return lockSync.permits() == 0 && threadsDeferredOn(lockSync).contains(t);
    }

    /** A primitive's private {@code WaitQueue} field (Condition.waiters, Lock.sync, RLock.sync, Event.sync). */
    public static WaitQueue queueOf(Object primitive, String field) {
        try {
            Field f = primitive.getClass().getDeclaredField(field);
            f.setAccessible(true);
            return (WaitQueue) f.get(primitive);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot read " + primitive.getClass().getSimpleName() + "." + field, e);
        }
    }

    /** A private field of any object (the condition's lock, for instance). */
    public static Object field(Object o, String name) {
        try {
            Field f = o.getClass().getDeclaredField(name);
            f.setAccessible(true);
            return f.get(o);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Actor a : actors) {
            sb.append(a.id == 0 ? "" : ", ").append("A").append(a.id).append("=").append(result(a.id));
        }
        return sb + "\n" + Workers.threadDump();
    }
}
