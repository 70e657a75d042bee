package org.threading4j.checks.subjects;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.threading4j.specs.ConditionSpec;
import org.threading4j.specs.LockSpec;
import org.threading4j.specs.RLockSpec;

/**
 * {@link ConditionSpec} with its lock, driven the way the checks drive a real condition: threads
 * {@code 0 .. threads-1}, each call's answer as a string that compares with a real run's
 * ({@code "void"}, {@code "true"}, {@code "false"}, {@code "3"}, {@code "InterruptedException"},
 * {@code "IllegalMonitorStateException(message)"}; {@link #PENDING} while the call waits). A call that
 * completes while its thread's interrupt status is set gets {@link #KEEPS_INTERRUPT} appended and the status
 * is cleared, as the real-thread drivers do.
 *
 * <p>For explorers: {@link #grantable()} lists the threads that could take the free lock now and
 * {@link #grant} lets one; {@link #settle()} grants the lowest-numbered until nobody can; {@link #copy()}
 * replays this model's steps on a fresh one, and equal models have equal {@link #toString()}.
 */
public final class ConditionModel {

    /** The lock the condition is tied to. */
    public enum LockKind { LOCK, RLOCK }

    /** IDLE: not in a call; WAITING: in the condition's queue; BLOCKED: wants the lock. */
    public enum Phase { IDLE, WAITING, BLOCKED }

    public static final String PENDING = "pending";
    public static final String KEEPS_INTERRUPT = " +interrupt";
    public static final String INTERRUPTED = "InterruptedException";

    @FunctionalInterface
    private interface Call {
        Object run(ConditionModel m) throws Exception;
    }

    private final LockKind kind;
    private final LockSpec lock;
    private final RLockSpec rlock;
    private final ConditionSpec spec;
    /** Per thread: the answer of its last call, or null while it is in one. */
    private final String[] results;
    /** Per thread: the wait of its current call (null: a lock call), which decides its answer's form. */
    private final Wait[] waits;
    private final List<Consumer<ConditionModel>> steps = new ArrayList<>();

    public ConditionModel(LockKind kind, int threads) {
        this.kind = kind;
        this.lock = kind == LockKind.LOCK ? new LockSpec() : null;
        this.rlock = kind == LockKind.RLOCK ? new RLockSpec() : null;
        this.spec = lock != null ? new ConditionSpec(lock) : new ConditionSpec(rlock);
        this.results = new String[threads];
        this.waits = new Wait[threads];
        java.util.Arrays.fill(results, "");
    }

    /** An independent copy: the same steps replayed on a new model. */
    public ConditionModel copy() {
        ConditionModel c = new ConditionModel(kind, results.length);
        for (Consumer<ConditionModel> s : steps) {
            c.step(s);
        }
        return c;
    }

    private void step(Consumer<ConditionModel> s) {
        steps.add(s);
        s.accept(this);
    }

    public int threads() {
        return results.length;
    }

    public boolean locked() {
        return lock != null ? lock.locked() : rlock.locked(0);
    }

    public String acquire(int t) {
        return call(t, null, m -> m.lock != null ? m.lock.acquire(t) : m.rlock.acquire(t));
    }

    public String acquireInterruptibly(int t) {
        return call(t, null, m -> m.lock != null ? m.lock.acquireInterruptibly(t) : m.rlock.acquireInterruptibly(t));
    }

    public String tryAcquire(int t) {
        return call(t, Wait.ZERO, m -> m.lock != null ? m.lock.tryAcquire() : m.rlock.tryAcquire(t));
    }

    public String release(int t) {
        return call(t, null, m -> {
            if (m.lock != null) {
                m.lock.release();
            } else {
                m.rlock.release(t);
            }
            return null;
        });
    }

    /** The RLock's {@code holdCount()} called by {@code t}. */
    public String holdCountCall(int t) {
        return call(t, Wait.ZERO, m -> m.rlock != null ? m.rlock.holdCount(t) : m.lock.locked() ? 1 : 0);
    }

    public String await(int t, Wait wait) {
        return call(t, wait, m -> {
            m.spec.await(t, wait.duration());
            return null;
        });
    }

    public String waitFor(int t, BooleanSupplier predicate, Wait wait) {
        return call(t, wait, m -> m.spec.waitFor(t, predicate, wait.duration()));
    }

    public String signal(int t, int n) {
        return call(t, null, m -> {
            m.spec.signal(t, n);
            return null;
        });
    }

    public String signalAll(int t) {
        return signal(t, Integer.MAX_VALUE);
    }

    /** {@code t}'s deadline passes: true if it was in the queue with a timeout that may pass (not LONG). */
    public boolean timeout(int t) {
        if (waits[t] == Wait.LONG || !spec.waiters().contains(t)) {
            return false;
        }
        step(m -> m.spec.timeOut(t));
        return true;
    }

    /** {@code t} is interrupted. */
    public void interrupt(int t) {
        step(m -> {
            boolean queued = m.spec.waiters().contains(t);
            if (m.spec.interrupt(t) && !queued) {
                m.done(t, INTERRUPTED); // an interruptible lock wait ended
            }
        });
    }

    /** The BLOCKED threads that could take the lock now, lowest-numbered first. */
    public List<Integer> grantable() {
        List<Integer> ts = new ArrayList<>();
        for (int t = 0; t < results.length && !locked(); t++) {
            if (phase(t) == Phase.BLOCKED) {
                ts.add(t);
            }
        }
        return ts;
    }

    /** BLOCKED thread {@code t} takes the free lock; its call completes (or a waitFor waits again). */
    public void grant(int t) {
        if (!grantable().contains(t)) {
            throw new IllegalStateException("T" + t + " cannot take the lock now: " + this);
        }
        step(m -> m.finish(t, x -> x.spec.proceed(t)));
    }

    /** Grants the lock until nobody can take it: one possible run to quiescence. */
    public void settle() {
        while (!grantable().isEmpty()) {
            grant(grantable().get(0));
        }
    }

    public Phase phase(int t) {
        return results[t] != null ? Phase.IDLE : spec.waiters().contains(t) ? Phase.WAITING : Phase.BLOCKED;
    }

    /** The answer of {@code t}'s last call, or {@link #PENDING} while it is in one. */
    public String result(int t) {
        return results[t] == null ? PENDING : results[t];
    }

    /** Threads WAITING on the condition, oldest first. */
    public List<Integer> waiting() {
        return spec.waiters();
    }

    /** Whether {@code t} is WAITING with a short timeout, i.e. may time out by itself. */
    public boolean mayTimeOut(int t) {
        return waits[t] == Wait.SHORT && spec.waiters().contains(t);
    }

    private String call(int t, Wait wait, Call call) {
        if (results[t] == null) {
            throw new IllegalStateException("T" + t + " is still inside a call: " + this);
        }
        step(m -> {
            m.results[t] = null;
            m.waits[t] = wait;
            m.finish(t, call);
        });
        return result(t);
    }

    /** Runs a step of {@code t}'s call; records its answer unless {@code t} waits after it. */
    private void finish(int t, Call call) {
        String answer;
        try {
            Object r = call.run(this);
            answer = r instanceof Integer ? r.toString() : waits[t] == null || waits[t] == Wait.UNTIMED ? "void"
                    : String.valueOf(r);
        } catch (InterruptedException e) {
            answer = INTERRUPTED;
        } catch (IllegalMonitorStateException e) {
            answer = "IllegalMonitorStateException(" + e.getMessage() + ")";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (!spec.waiting(t)) {
            done(t, answer);
        }
    }

    private void done(int t, String answer) {
        boolean kept = lock != null ? lock.clearInterrupt(t) : rlock.clearInterrupt(t);
        results[t] = kept ? answer + KEEPS_INTERRUPT : answer;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConditionModel && toString().equals(o.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Condition(").append(kind).append(")[").append(spec).append(", results [");
        for (int t = 0; t < results.length; t++) {
            boolean interrupted = lock != null ? lock.isInterrupted(t) : rlock.isInterrupted(t);
            sb.append(t == 0 ? "" : ", ").append("T").append(t).append("=").append(result(t))
                    .append(interrupted ? "(int)" : "");
        }
        return sb.append("]]").toString();
    }
}
