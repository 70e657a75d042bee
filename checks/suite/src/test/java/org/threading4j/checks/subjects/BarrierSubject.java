package org.threading4j.checks.subjects;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.threading4j.Barrier;
import org.threading4j.BrokenBarrierException;
import org.threading4j.checks.support.Threads;
import org.threading4j.checks.subjects.BarrierModel.Kind;
import org.threading4j.checks.subjects.BarrierModel.Result;

/**
 * A barrier as the contract tests see it: threads named by numbers, each call made and then <em>settled</em>
 * (every thread has either finished or is parked waiting in a filling cycle), so that the reference model
 * and the real primitive can answer the same script. {@link #spec} drives {@link org.threading4j.specs.BarrierSpec} (through {@link BarrierModel});
 * {@link #real} drives {@link Barrier} with one real thread per call.
 */
public interface BarrierSubject {

    /** Thread {@code t} calls {@code await()}. */
    void await(int t);

    /** Thread {@code t} calls {@code await} with a timeout that expires ({@code t} must not be the last). */
    void awaitTimingOut(int t);

    /** Thread {@code t} is interrupted (waiting in the barrier, or before its next call). */
    void interrupt(int t);

    void reset();

    void abort();

    int waiting();

    boolean isBroken();

    int parties();

    /** The result of {@code t}'s last call ({@link Result#PENDING} while it waits). */
    Result result(int t);

    /** Whether {@code t}'s interrupt status was set when its last call ended. */
    boolean interruptStatus(int t);

    /** From inside the action: the action's thread calls {@code await()} on its own barrier. */
    void awaitFromAction();

    /** A subject factory: parties and an action built from the subject itself (null for none). */
    interface Factory {
        BarrierSubject create(int parties, Function<BarrierSubject, Runnable> action);
    }

    /** The reference model, through {@link BarrierModel}. */
    static BarrierSubject spec(int parties, Function<BarrierSubject, Runnable> action) {
        BarrierModel model = new BarrierModel(parties);
        BarrierSubject s = new BarrierSubject() {
            @Override
            public void await(int t) {
                model.await(t);
            }

            @Override
            public void awaitTimingOut(int t) {
                model.await(t, Wait.SHORT_DURATION);
                if (model.isBlocked(t)) {
                    model.timeOut(t);
                }
            }

            @Override
            public void interrupt(int t) {
                model.interrupt(t);
            }

            @Override
            public void reset() {
                model.reset();
            }

            @Override
            public void abort() {
                model.abort();
            }

            @Override
            public int waiting() {
                return model.spec().waiting();
            }

            @Override
            public boolean isBroken() {
                return model.spec().isBroken();
            }

            @Override
            public int parties() {
                return model.spec().parties();
            }

            @Override
            public Result result(int t) {
                return model.result(t);
            }

            @Override
            public boolean interruptStatus(int t) {
                return model.spec().isInterrupted(t);
            }

            @Override
            public void awaitFromAction() {
                try {
                    model.awaitFromAction();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }

            @Override
            public String toString() {
                return "BarrierSpec";
            }
        };
        if (action != null) {
            model.action(action.apply(s));
        }
        return s;
    }

    /** The real primitive: each call runs in a fresh platform thread; a call returns once settled. */
    static BarrierSubject real(int parties, Function<BarrierSubject, Runnable> action) {
        return new Real(parties, action);
    }

    /** How long a call may take to settle before the test fails with a thread dump: a plain "must settle" bound. */
    Duration SETTLE = Threads.GENEROUS;

    final class Real implements BarrierSubject {
        private final Barrier barrier;
        private final Map<Integer, Call> calls = new ConcurrentHashMap<>(); // read by the action's thread
        private final Map<Integer, Boolean> interruptNext = new HashMap<>();

        private static final class Call {
            Thread thread;
            volatile Result result = Result.PENDING;
            volatile boolean interruptedAtEnd;
        }

        Real(int parties, Function<BarrierSubject, Runnable> action) {
            this.barrier = new Barrier(parties, action == null ? null : action.apply(this));
        }

        private Call start(int t, Duration timeout) {
            Call call = new Call();
            Call previous = calls.get(t);
            // a thread's interrupt status outlives its call, as the model's does
            boolean interruptFirst = interruptNext.getOrDefault(t, false)
                    || previous != null && previous.interruptedAtEnd;
            interruptNext.remove(t);
            call.thread = new Thread(() -> {
                if (interruptFirst) {
                    Thread.currentThread().interrupt();
                }
                Result r;
                try {
                    r = Result.returned(timeout == null ? barrier.await() : barrier.await(timeout));
                } catch (BrokenBarrierException e) {
                    r = Result.BROKEN;
                } catch (InterruptedException e) {
                    r = Result.INTERRUPTED;
                } catch (RuntimeException | Error e) {
                    r = new Result(Kind.ACTION_FAILED, -1, e);
                }
                call.interruptedAtEnd = Thread.currentThread().isInterrupted();
                call.result = r;
            }, "party-" + t);
            call.thread.setDaemon(true);
            calls.put(t, call); // before it starts: an action calling settle() must find its own thread
            call.thread.start();
            return call;
        }

        @Override
        public void await(int t) {
            start(t, null);
            settle();
        }

        @Override
        public void awaitTimingOut(int t) {
            Call call = start(t, Duration.ofMillis(5));
            Threads.awaitCondition("party-" + t + " timed out", SETTLE, () -> !call.thread.isAlive());
            settle();
        }

        @Override
        public void interrupt(int t) {
            Call call = calls.get(t);
            if (call != null && call.thread.isAlive()) {
                call.thread.interrupt();
                // still WAITING until it runs: wait for its call to end (an interrupted party always leaves)
                Threads.awaitCondition("party-" + t + " reacts to its interrupt", SETTLE, () -> !call.thread.isAlive());
            } else {
                interruptNext.put(t, true);
            }
            settle();
        }

        @Override
        public void reset() {
            barrier.reset();
            settle();
        }

        @Override
        public void abort() {
            barrier.abort();
            settle();
        }

        @Override
        public int waiting() {
            return barrier.waiting();
        }

        @Override
        public boolean isBroken() {
            return barrier.isBroken();
        }

        @Override
        public int parties() {
            return barrier.parties();
        }

        @Override
        public Result result(int t) {
            Call c = calls.get(t);
            return c == null ? null : c.result;
        }

        @Override
        public boolean interruptStatus(int t) {
            Call c = calls.get(t);
            return interruptNext.getOrDefault(t, false) || c != null && c.interruptedAtEnd;
        }

        @Override
        public void awaitFromAction() {
            try {
                barrier.await();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }

        /**
         * Waits until the barrier is quiescent: every live call is parked on the barrier and they are exactly
         * the parties waiting in a filling cycle ({@code waiting()} equals their number; a broken barrier
         * keeps nobody). A released or woken thread is not quiescent, so results are final when this returns.
         */
        private void settle() {
            for (Call c : calls.values()) {
                if (c.thread == Thread.currentThread()) {
                    return; // called from the action: its own thread cannot wait for itself
                }
            }
            Threads.awaitCondition("the barrier settles", SETTLE, () -> {
                int alive = 0;
                for (Call c : calls.values()) {
                    if (c.thread.isAlive()) {
                        if (!Threads.isParkedOn(c.thread, barrier)) {
                            return false;
                        }
                        alive++;
                    }
                }
                return barrier.isBroken() ? alive == 0 : barrier.waiting() == alive;
            });
        }

        @Override
        public String toString() {
            return "Barrier";
        }
    }
}
