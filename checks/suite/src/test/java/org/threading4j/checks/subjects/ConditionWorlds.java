package org.threading4j.checks.subjects;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.threading4j.Condition;
import org.threading4j.Lock;
import org.threading4j.RLock;
import org.threading4j.checks.support.Threads;
import org.threading4j.internal.PermitSync;
import org.threading4j.internal.WaitQueue;

/**
 * A condition and the threads that use it, as the model ({@link ConditionModel}) or as the real thing
 * ({@link Condition} on {@link ConditionActors}), behind one interface: call {@code op} in thread {@code t}
 * and see, once everything has settled, its answer or {@code "pending"}. The contract tests and the property
 * tests drive both the same way.
 */
public final class ConditionWorlds {

    /** Which lock: {@code new Condition(new Lock())}, {@code new Condition(new RLock())}, {@code new Condition()}. */
    public enum Kind {
        LOCK, RLOCK, DEFAULT;

        ConditionModel.LockKind model() {
            return this == LOCK ? ConditionModel.LockKind.LOCK : ConditionModel.LockKind.RLOCK;
        }
    }

    /** How long a short timed wait lasts in the real world (the model's {@link Wait#SHORT}). */
    public static final Duration SHORT = Wait.SHORT_DURATION;
    /** A timeout that never passes during a test (the model's {@link Wait#LONG}). */
    public static final Duration LONG = Wait.LONG_DURATION;

    private ConditionWorlds() {
    }

    /** One call, in the model and for real. */
    public interface Op {
        String model(ConditionModel s, int t);

        Object real(Condition c) throws Exception;

        /** A short timed wait, which may end by itself. */
        default boolean mayTimeOut() {
            return false;
        }

        /** A zero timed wait, which leaves the queue by itself at once unless signalled. */
        default boolean timesOutAtOnce() {
            return false;
        }
    }

    private static Op op(String name, java.util.function.BiFunction<ConditionModel, Integer, String> model,
            RealCall real) {
        return op(name, model, real, false);
    }

    private static Op op(String name, java.util.function.BiFunction<ConditionModel, Integer, String> model,
            RealCall real, boolean mayTimeOut) {
        return new Op() {
            @Override
            public String model(ConditionModel s, int t) {
                return model.apply(s, t);
            }

            @Override
            public Object real(Condition c) throws Exception {
                return real.call(c);
            }

            @Override
            public boolean mayTimeOut() {
                return mayTimeOut;
            }

            @Override
            public boolean timesOutAtOnce() {
                return name.endsWith("(ZERO)") && name.startsWith("await");
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    @FunctionalInterface
    private interface RealCall {
        Object call(Condition c) throws Exception;
    }

    public static Op acquire() {
        return op("acquire()", ConditionModel::acquire, c -> {
            c.acquire();
            return null;
        });
    }

    public static Op acquireInterruptibly() {
        return op("acquireInterruptibly()", ConditionModel::acquireInterruptibly, c -> {
            c.acquireInterruptibly();
            return null;
        });
    }

    public static Op hold() {
        return op("hold()", ConditionModel::acquire, c -> {
            c.hold();
            return null;
        });
    }

    public static Op tryAcquire() {
        return op("tryAcquire()", ConditionModel::tryAcquire, Condition::tryAcquire);
    }

    /** {@code tryAcquire(Duration.ZERO)}: one try, like {@code tryAcquire()}. */
    public static Op tryAcquireZero() {
        return op("tryAcquire(ZERO)", ConditionModel::tryAcquire, c -> c.tryAcquire(Duration.ZERO));
    }

    public static Op release() {
        return op("release()", ConditionModel::release, c -> {
            c.release();
            return null;
        });
    }

    public static Op await() {
        return op("await()", (s, t) -> s.await(t, Wait.UNTIMED), c -> {
            c.await();
            return null;
        });
    }

    /** {@code await(timeout)} for a timeout of the given kind (not UNTIMED). */
    public static Op await(Wait wait) {
        Duration d = duration(wait);
        return op("await(" + wait + ")", (s, t) -> s.await(t, wait), c -> c.await(d), wait == Wait.SHORT);
    }

    public static Op waitFor(BooleanSupplier p) {
        return op("waitFor(p)", (s, t) -> s.waitFor(t, p, Wait.UNTIMED), c -> {
            c.waitFor(p);
            return null;
        });
    }

    public static Op waitFor(BooleanSupplier p, Wait wait) {
        Duration d = duration(wait);
        return op("waitFor(p, " + wait + ")", (s, t) -> s.waitFor(t, p, wait), c -> c.waitFor(p, d));
    }

    public static Op signal() {
        return op("signal()", (s, t) -> s.signal(t, 1), c -> {
            c.signal();
            return null;
        });
    }

    public static Op signal(int n) {
        return op("signal(" + n + ")", (s, t) -> s.signal(t, n), c -> {
            c.signal(n);
            return null;
        });
    }

    public static Op signalAll() {
        return op("signalAll()", ConditionModel::signalAll, c -> {
            c.signalAll();
            return null;
        });
    }

    /** The caller's RLock hold count (RLock kinds only). */
    public static Op holdCount() {
        return op("holdCount()", ConditionModel::holdCountCall,
                c -> ((RLock) ConditionActors.field(c, "rlock")).holdCount());
    }

    private static Duration duration(Wait wait) {
        if (wait == Wait.UNTIMED) {
            throw new IllegalArgumentException("untimed has no duration");
        }
        return wait.duration();
    }

    /** A condition and its threads. */
    public interface World extends AutoCloseable {
        Kind kind();

        /** Thread {@code t} calls {@code op}; returns its answer once everything settled, or "pending". */
        String call(int t, Op op);

        /** Interrupts thread {@code t}, and lets everything settle. */
        void interrupt(int t);

        /** Thread {@code t}'s last answer, or "pending". */
        String result(int t);

        /** Threads waiting on the condition (not yet signalled), oldest first. */
        List<Integer> waiting();

        boolean locked();

        @Override
        void close();
    }

    /** The model, which hands a free lock to the thread that has wanted it longest. */
    public static World model(Kind kind, int threads) {
        ConditionModel s = new ConditionModel(kind.model(), threads);
        return new World() {
            @Override
            public Kind kind() {
                return kind;
            }

            @Override
            public String call(int t, Op op) {
                op.model(s, t);
                s.settle();
                return s.result(t);
            }

            @Override
            public void interrupt(int t) {
                s.interrupt(t);
                s.settle();
            }

            @Override
            public String result(int t) {
                return s.result(t);
            }

            @Override
            public List<Integer> waiting() {
                return s.waiting();
            }

            @Override
            public boolean locked() {
                return s.locked();
            }

            @Override
            public void close() {
            }

            @Override
            public String toString() {
                return s.toString();
            }
        };
    }

    /** The real condition on real threads. */
    public static World real(Kind kind, int threads) {
        Condition c;
        Object lock;
        if (kind == Kind.LOCK) {
            lock = new Lock();
            c = new Condition((Lock) lock);
        } else if (kind == Kind.RLOCK) {
            lock = new RLock();
            c = new Condition((RLock) lock);
        } else {
            c = new Condition();
            lock = ConditionActors.field(c, "rlock");
        }
        return real(kind, c, lock, threads);
    }

    /** The real world around a given condition and its lock. */
    public static RealWorld real(Kind kind, Condition c, Object lock, int threads) {
        return new RealWorld(kind, c, lock, threads);
    }

    /** The real condition on real threads; also exposes them. */
    public static final class RealWorld implements World {
        private final Kind kind;
        public final Condition condition;
        public final Object lock;
        public final WaitQueue waiters;
        public final WaitQueue lockQueue;
        public final ConditionActors actors;
        /** Per actor: its current call is a short timed wait, so "queued on the condition" is not settled. */
        private final boolean[] mayTimeOut;
        /**
         * Whether settling waits for short-timed waiters to time out (the default, for deterministic answers);
         * a property test that lets signals race those deadlines turns it off.
         */
        public boolean waitForShortTimeouts = true;
        /** Per actor: the queue it was in when interrupted, which it must leave (if its call is interruptible). */
        private final WaitQueue[] mustLeave;
        /** Per actor: its current call is await(ZERO), which must be seen to leave the queue. */
        private final boolean[] zero;
        /** Per actor: its current call is acquireInterruptibly. */
        private final boolean[] interruptible;

        RealWorld(Kind kind, Condition c, Object lock, int threads) {
            this.kind = kind;
            this.condition = c;
            this.lock = lock;
            this.waiters = ConditionActors.queueOf(c, "waiters");
            this.lockQueue = ConditionActors.queueOf(lock, "sync");
            this.actors = new ConditionActors(threads, waiters, lockQueue);
            this.mayTimeOut = new boolean[threads];
            this.mustLeave = new WaitQueue[threads];
            this.interruptible = new boolean[threads];
            this.zero = new boolean[threads];
        }

        @Override
        public Kind kind() {
            return kind;
        }

        @Override
        public String call(int t, Op op) {
            mayTimeOut[t] = op.mayTimeOut();
            zero[t] = op.timesOutAtOnce();
            interruptible[t] = op.toString().equals("acquireInterruptibly()");
            actors.submit(t, () -> op.real(condition));
            settle();
            return actors.result(t);
        }

        /** Issues {@code op} without waiting for anything: for races. */
        public void submit(int t, Op op) {
            mayTimeOut[t] = op.mayTimeOut();
            zero[t] = op.timesOutAtOnce();
            interruptible[t] = op.toString().equals("acquireInterruptibly()");
            actors.submit(t, () -> op.real(condition));
        }

        @Override
        public void interrupt(int t) {
            Thread th = actors.thread(t);
            if (ConditionActors.queued(waiters, th)) {
                mustLeave[t] = waiters; // an await always answers an interrupt
            } else if (interruptible[t] && ConditionActors.queued(lockQueue, th)) {
                mustLeave[t] = lockQueue;
            }
            actors.interrupt(t);
            settle();
        }

        /** Waits until every actor is settled: idle, or linked in a queue it is not about to leave. */
        public void settle() {
            org.threading4j.checks.support.Threads.awaitCondition("every actor settled", () -> {
                for (int i = 0; i < mayTimeOut.length; i++) {
                    if (!settled(i)) {
                        return false;
                    }
                }
                return true;
            });
        }

        private boolean settled(int i) {
            if (!"pending".equals(actors.result(i))) {
                mustLeave[i] = null;
                mayTimeOut[i] = false;
                return true;
            }
            Thread th = actors.thread(i);
            if (mustLeave[i] != null) {
                if (ConditionActors.queued(mustLeave[i], th)) {
                    return false;
                }
                mustLeave[i] = null;
            }
            boolean inWaiters = ConditionActors.queued(waiters, th);
            if (inWaiters && !Threads.isParkedOn(th, condition)) {
                return false; // queued, but may not have released the lock yet (await enqueues first)
            }
            if (inWaiters && (zero[i] || mayTimeOut[i] && waitForShortTimeouts)) {
                return false;
            }
            return inWaiters || ConditionActors.queued(lockQueue, th)
                    || ConditionActors.waitingForRelease((PermitSync) lockQueue, th); // signalled, lock held
        }

        @Override
        public String result(int t) {
            return actors.result(t);
        }

        @Override
        public List<Integer> waiting() {
            return actors.queuedActors(waiters);
        }

        @Override
        public boolean locked() {
            return condition.locked();
        }

        @Override
        public void close() {
            actors.close();
        }

        @Override
        public String toString() {
            return condition + " waiting " + waiting() + "; " + actors;
        }
    }
}
