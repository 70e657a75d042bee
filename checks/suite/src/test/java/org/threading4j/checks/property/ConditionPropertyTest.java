package org.threading4j.checks.property;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.threading4j.checks.subjects.ConditionActors;
import org.threading4j.checks.subjects.ConditionModel.Phase;
import org.threading4j.checks.subjects.ConditionModel;
import org.threading4j.checks.subjects.ConditionWorlds.Kind;
import org.threading4j.checks.subjects.ConditionWorlds.Op;
import org.threading4j.checks.subjects.ConditionWorlds.RealWorld;
import org.threading4j.checks.subjects.ConditionWorlds;
import org.threading4j.checks.subjects.Wait;
import org.threading4j.checks.support.Depth;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/**
 * Random schedules of three real threads on a real Condition, checked step by step against
 * {@link org.threading4j.specs.ConditionSpec} (through {@link ConditionModel}). Where the contract leaves a choice open the model keeps every possibility: which
 * thread gets a free lock, and when a short-timed waiter's deadline passes relative to the other steps
 * (before a signal, or after it). The test keeps the set of model states consistent with everything seen so
 * far, and fails as soon as it is empty. Short waits (2 ms) are not waited out between steps, so the next
 * steps (a signal, a release, an interrupt) race their deadlines; the real side is observed, once settled, from the primitives' own
 * queues: each thread's answer, or "waiting on the condition" / "blocked on the lock", and the order of the
 * condition's queue (FIFO).
 *
 * <p>This is where the no-lost-signal rule meets random schedules: a short-timed or interrupted waiter that
 * swallowed a signal would return false or throw while the model, whichever way its deadline fell, has
 * either delivered the signal to it (true) or to the next waiter (who would then not be found waiting).
 * A failure prints the shrunk schedule as a trace: {@code T0 acquire() -> void; T0 await(SHORT) -> pending...}.
 */
public class ConditionPropertyTest {

    static final int THREADS = 3;

    /** One step of a schedule. */
    enum Action {
        ACQUIRE(ConditionWorlds::acquire),
        TRY_ACQUIRE(ConditionWorlds::tryAcquire),
        RELEASE(ConditionWorlds::release),
        AWAIT(ConditionWorlds::await),
        AWAIT_LONG(() -> ConditionWorlds.await(Wait.LONG)),
        AWAIT_ZERO(() -> ConditionWorlds.await(Wait.ZERO)),
        AWAIT_SHORT(() -> ConditionWorlds.await(Wait.SHORT)),
        SIGNAL(ConditionWorlds::signal),
        SIGNAL_2(() -> ConditionWorlds.signal(2)),
        SIGNAL_ALL(ConditionWorlds::signalAll),
        INTERRUPT(null);

        final Supplier<Op> op;

        Action(Supplier<Op> op) {
            this.op = op;
        }
    }

    /** A step: thread and action. */
    static final class Step {
        final int thread;
        final Action action;

        Step(int thread, Action action) {
            this.thread = thread;
            this.action = action;
        }

        @Override
        public String toString() {
            return "T" + thread + " " + (action == Action.INTERRUPT ? "interrupt" : action.op.get().toString());
        }
    }

    @Test
    @Verifies(primitive = "Condition", property = "random schedules follow ConditionSpec: FIFO, no lost signal with timeouts and interrupts, RLock count", tool = Tool.PROPERTY)
    public void randomSchedulesFollowTheModel() {
        int examples = Depth.pick(150, 3_000);
        AtomicLong steps = new AtomicLong();
        Gen<Step> step = integers().between(0, THREADS - 1).zip(arbitrary().enumValues(Action.class), Step::new);
        qt().withExamples(examples).withShrinkCycles(Depth.pick(100, 1_000))
                .forAll(arbitrary().enumValues(Kind.class), lists().of(step).ofSizeBetween(1, 16))
                .checkAssert((kind, schedule) -> run(kind, schedule, steps));
        Evidence.explored(examples, "schedules");
        Evidence.explored(steps.get(), "steps");
    }

    static void run(Kind kind, List<Step> schedule, AtomicLong steps) {
        ConditionModel first = new ConditionModel(kind == Kind.LOCK ? ConditionModel.LockKind.LOCK
                : ConditionModel.LockKind.RLOCK, THREADS);
        Set<ConditionModel> models = new LinkedHashSet<>();
        models.add(first);
        RealWorld real = (RealWorld) ConditionWorlds.real(kind, THREADS);
        real.waitForShortTimeouts = false; // let the next steps race a 2 ms deadline
        StringBuilder trace = new StringBuilder("Condition(" + kind + ")");
        try {
            for (Step s : schedule) {
                if (!"pending".equals(real.result(s.thread)) || s.action == Action.INTERRUPT) {
                    steps.incrementAndGet();
                    Set<ConditionModel> next = new LinkedHashSet<>();
                    for (ConditionModel m : models) {
                        for (ConditionModel before : timeoutsBefore(m)) {
                            if (s.action == Action.INTERRUPT) {
                                if (before.mayTimeOut(s.thread)) {
                                    // The deadline may pass first and the interrupt land while the waiter
                                    // takes the lock back or returns: false, with the interrupt kept.
                                    ConditionModel late = before.copy();
                                    late.timeout(s.thread);
                                    late.interrupt(s.thread);
                                    quiesce(late, next);
                                }
                                before.interrupt(s.thread);
                            } else if (before.phase(s.thread) != Phase.IDLE) {
                                continue; // the real thread is idle (checked above): a short wait has ended
                            } else {
                                s.action.op.get().model(before, s.thread);
                            }
                            quiesce(before, next);
                        }
                    }
                    if (s.action == Action.INTERRUPT) {
                        real.interrupt(s.thread);
                    } else {
                        real.call(s.thread, s.action.op.get());
                    }
                    String seen = observeStable(real);
                    trace.append("; ").append(s).append(" -> ").append(real.result(s.thread));
                    models.clear();
                    for (ConditionModel m : next) {
                        if (observe(m).equals(seen)) {
                            models.add(m);
                        }
                    }
                    if (models.isEmpty()) {
                        StringBuilder allowed = new StringBuilder();
                        for (ConditionModel m : next) {
                            allowed.append("\n    ").append(observe(m)).append("   ").append(m);
                        }
                        throw new AssertionError("no model state explains what the real condition did\n  trace: "
                                + trace + "\n  seen: " + seen + "\n  allowed:" + allowed);
                    }
                }
            }
        } finally {
            cleanUp(real);
        }
    }

    /**
     * The states the model may be in when the next step starts: as observed, or with some short-timed
     * waiters timed out since (each then taking the lock back if it is free).
     */
    private static Set<ConditionModel> timeoutsBefore(ConditionModel m) {
        Set<ConditionModel> out = new LinkedHashSet<>();
        out.add(m.copy());
        for (int t : m.waiting()) {
            if (m.mayTimeOut(t)) {
                ConditionModel c = m.copy();
                c.timeout(t);
                quiesce(c, out);
            }
        }
        return out;
    }

    /**
     * Every state the real condition may settle in: a free lock wanted by someone is always taken (by any
     * of them), while a short-timed waiter may or may not have timed out yet, in any order with the grants.
     */
    private static void quiesce(ConditionModel m, Set<ConditionModel> into) {
        boolean mustMove = !m.grantable().isEmpty();
        for (int t : m.grantable()) {
            ConditionModel c = m.copy();
            c.grant(t);
            quiesce(c, into);
        }
        for (int t : m.waiting()) {
            if (m.mayTimeOut(t)) {
                ConditionModel c = m.copy();
                c.timeout(t);
                quiesce(c, into);
            }
        }
        if (!mustMove) {
            into.add(m);
        }
    }

    /** Two settled observations in a row that agree: a snapshot no deadline changed while it was read. */
    private static String observeStable(RealWorld w) {
        for (;;) {
            w.settle();
            String a = observe(w);
            w.settle();
            String b = observe(w);
            if (a.equals(b)) {
                return a;
            }
        }
    }

    private static String observe(ConditionModel m) {
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < THREADS; t++) {
            Phase p = m.phase(t);
            sb.append("T").append(t).append("=").append(p == Phase.IDLE ? m.result(t)
                    : p == Phase.WAITING ? "waiting" : "blocked").append(' ');
        }
        return sb.append("queue ").append(m.waiting()).append(m.locked() ? " locked" : " unlocked").toString();
    }

    private static String observe(RealWorld w) {
        StringBuilder sb = new StringBuilder();
        List<Integer> waiting = w.waiting();
        for (int t = 0; t < THREADS; t++) {
            String r = w.result(t);
            sb.append("T").append(t).append("=").append(!"pending".equals(r) ? r
                    : waiting.contains(t) ? "waiting" : "blocked").append(' ');
        }
        return sb.append("queue ").append(waiting).append(w.locked() ? " locked" : " unlocked").toString();
    }

    /** Ends every thread's call: waiters are interrupted, holders release until everyone is idle. */
    private static void cleanUp(RealWorld w) {
        try {
            for (int round = 0; round < 50; round++) {
                boolean busy = false;
                for (int t = 0; t < THREADS; t++) {
                    if ("pending".equals(w.result(t))) {
                        busy = true;
                        if (ConditionActors.queued(w.waiters, w.actors.thread(t))) {
                            w.interrupt(t);
                        }
                    }
                }
                boolean released = false;
                for (int t = 0; t < THREADS; t++) {
                    if (!"pending".equals(w.result(t)) && w.locked()) {
                        w.call(t, ConditionWorlds.release());
                        released = true;
                    }
                }
                if (!released && w.locked() && w.lock instanceof org.threading4j.Lock) {
                    ((org.threading4j.Lock) w.lock).release(); // every thread blocked on a Lock: any thread may release
                    w.settle();
                }
                if (!busy && !w.locked()) {
                    break;
                }
            }
        } finally {
            w.close();
        }
    }
}
