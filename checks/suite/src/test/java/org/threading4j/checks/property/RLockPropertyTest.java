package org.threading4j.checks.property;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.stateful.Command;
import org.quicktheories.core.stateful.Parallel;
import org.quicktheories.generators.Generate;
import org.threading4j.RLock;
import org.threading4j.checks.subjects.Callers;
import org.threading4j.checks.support.Depth;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Threads;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.specs.RLockSpec;

/**
 * Random action sequences by three callers (the test thread and two helper threads) on a real
 * {@link RLock} and on {@link RLockSpec}: recursion, non-owner releases (IMSE), bad timeouts. Every result
 * must match and the named invariants hold after each step; failures shrink to a short printed trace
 * (QuickTheories' shrink, then removal of every action the failure does not need).
 */
public class RLockPropertyTest {

    enum Op {
        TRY_ACQUIRE("tryAcquire()"),
        TRY_ACQUIRE_ZERO("tryAcquire(0s)"),
        TRY_ACQUIRE_NEGATIVE("tryAcquire(-1ms)"),
        ACQUIRE_IF_NO_WAIT("acquire()"),
        RELEASE("release()"),
        HOLD_COUNT("holdCount()"),
        IS_HELD("isHeldByCurrentThread()"),
        LOCKED("locked()");

        final String text;

        Op(String text) {
            this.text = text;
        }
    }

    /** An operation by a caller (0: test thread; 1, 2: helper threads). */
    static final class Action {
        final Op op;
        final int caller;

        Action(Op op, int caller) {
            this.op = op;
            this.caller = caller;
        }

        @Override
        public String toString() {
            return "c" + caller + "." + op.text;
        }
    }

    private static final int EXAMPLES = Depth.pick(300, 5_000);

    static String onRLock(Action a, RLock r, Callers callers) {
        Trace.Call call;
        switch (a.op) {
            case TRY_ACQUIRE: call = r::tryAcquire; break;
            case TRY_ACQUIRE_ZERO: call = () -> r.tryAcquire(Duration.ZERO); break;
            case TRY_ACQUIRE_NEGATIVE: call = () -> r.tryAcquire(Duration.ofMillis(-1)); break;
            case ACQUIRE_IF_NO_WAIT: call = () -> { r.acquire(); return null; }; break;
            case RELEASE: call = () -> { r.release(); return null; }; break;
            case HOLD_COUNT: call = r::holdCount; break;
            case IS_HELD: call = r::isHeldByCurrentThread; break;
            case LOCKED: call = r::locked; break;
            default: throw new AssertionError(a);
        }
        return Trace.outcome(() -> callers.as(a.caller, call::call));
    }

    static String onSpec(Action a, RLockSpec s) {
        int c = a.caller;
        switch (a.op) {
            case TRY_ACQUIRE: return Trace.outcome(() -> s.tryAcquire(c));
            case TRY_ACQUIRE_ZERO: return Trace.outcome(() -> s.tryAcquire(c, Duration.ZERO));
            case TRY_ACQUIRE_NEGATIVE: return Trace.outcome(() -> s.tryAcquire(c, Duration.ofMillis(-1)));
            case ACQUIRE_IF_NO_WAIT: return Trace.outcome(() -> s.acquire(c) ? null : "waiting");
            case RELEASE: return Trace.outcome(() -> { s.release(c); return null; });
            case HOLD_COUNT: return Trace.outcome(() -> s.holdCount(c));
            case IS_HELD: return Trace.outcome(() -> s.isHeldByCurrentThread(c));
            case LOCKED: return Trace.outcome(() -> s.locked(c));
            default: throw new AssertionError(a);
        }
    }

    static void runSequence(List<Action> actions, Callers callers) {
        RLock rlock = new RLock();
        RLockSpec spec = new RLockSpec();
        Trace trace = new Trace();
        for (Action a : actions) {
            if (a.op == Op.ACQUIRE_IF_NO_WAIT && spec.locked(a.caller) && !spec.isHeldByCurrentThread(a.caller)) {
                trace.step(a.toString(), "skipped: it would wait for ever (nobody else releases)");
                continue;
            }
            int[] before = counts(rlock, callers);
            String real = onRLock(a, rlock, callers);
            String model = onSpec(a, spec);
            trace.step(a.toString(), real);
            trace.invariant("same result as the spec", real.equals(model), "spec says " + model);
            int[] after = counts(rlock, callers);
            int owners = 0;
            for (int c = 0; c < 3; c++) {
                trace.invariant("holdCount() agrees with the spec", after[c] == spec.holdCount(c),
                        "c" + c + " holds " + after[c] + ", spec " + spec.holdCount(c));
                owners += after[c] > 0 ? 1 : 0;
            }
            trace.invariant("at most one owner", owners <= 1, owners + " callers hold it");
            boolean locked = callers.run(a.caller, rlock::locked);
            trace.invariant("locked() iff some caller holds it", locked == (owners == 1), "locked() " + locked);
            if (Trace.threw(real)) {
                trace.invariant("a call that throws changes nothing", java.util.Arrays.equals(before, after),
                        java.util.Arrays.toString(before) + " -> " + java.util.Arrays.toString(after));
            }
        }
    }

    private static int[] counts(RLock rlock, Callers callers) {
        int[] holds = new int[3];
        for (int c = 0; c < 3; c++) {
            holds[c] = callers.run(c, rlock::holdCount);
        }
        return holds;
    }

    static Gen<List<Action>> sequences(int maxLength) {
        Gen<Action> action = Generate.enumValues(Op.class).zip(Generate.range(0, 2), Action::new);
        return lists().of(action).ofSizeBetween(1, maxLength);
    }

    @Test
    @Verifies(primitive = "RLock", property = "random sequences by 3 threads (recursion, non-owner release) match RLockSpec", tool = Tool.PROPERTY)
    public void sequencesMatchTheSpec() {
        try (Callers callers = new Callers(2)) {
            qt().withExamples(EXAMPLES).forAll(sequences(30)).checkAssert(actions -> Trace.minimising(actions, a -> runSequence(a, callers)));
        }
        Evidence.explored(EXAMPLES, "sequences");
    }

    // ---- parallel ----

    /** End state: whether locked, completed nested sections, refused stray releases, wrong hold counts seen. */
    static final class Tally {
        final boolean locked;
        final int sections;
        final int strayReleases;
        final int wrongCounts;

        Tally(boolean locked, int sections, int strayReleases, int wrongCounts) {
            this.locked = locked;
            this.sections = sections;
            this.strayReleases = strayReleases;
            this.wrongCounts = wrongCounts;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Tally && ((Tally) o).locked == locked && ((Tally) o).sections == sections
                    && ((Tally) o).strayReleases == strayReleases && ((Tally) o).wrongCounts == wrongCounts;
        }

        @Override
        public int hashCode() {
            return Objects.hash(locked, sections, strayReleases, wrongCounts);
        }

        @Override
        public String toString() {
            return (locked ? "locked" : "unlocked") + " sections=" + sections + " strayReleases=" + strayReleases
                    + " wrongCounts=" + wrongCounts;
        }
    }

    static final class Counted {
        final RLock rlock = new RLock();
        int sections; // guarded by rlock: a lost update shows a broken mutual exclusion
        final AtomicInteger strayReleases = new AtomicInteger();
        final AtomicInteger wrongCounts = new AtomicInteger();

        Tally tally() {
            return new Tally(rlock.locked(), sections, strayReleases.get(), wrongCounts.get());
        }
    }

    /**
     * {@code nested(d)}: acquire d times (blocking), bump the guarded counter, check holdCount() == d,
     * release d times. {@code strayRelease()}: a release by a thread that owns nothing (IMSE).
     */
    static final class RLockCommand implements Command<Counted, Tally> {
        final int depth; // 0: stray release

        RLockCommand(int depth) {
            this.depth = depth;
        }

        @Override
        public void run(Counted sut) {
            if (depth == 0) {
                try {
                    sut.rlock.release();
                } catch (IllegalMonitorStateException expected) {
                    sut.strayReleases.incrementAndGet();
                }
                return;
            }
            for (int i = 0; i < depth; i++) {
                sut.rlock.acquire();
            }
            sut.sections++;
            if (sut.rlock.holdCount() != depth) {
                sut.wrongCounts.incrementAndGet();
            }
            for (int i = 0; i < depth; i++) {
                sut.rlock.release();
            }
        }

        @Override
        public Tally nextState(Tally m) {
            RLockSpec spec = new RLockSpec(); // between commands nobody holds the lock
            if (depth == 0) {
                boolean refused = Trace.threw(Trace.outcome(() -> { spec.release(1); return null; }));
                return new Tally(spec.locked(1), m.sections, m.strayReleases + (refused ? 1 : 0), m.wrongCounts);
            }
            for (int i = 0; i < depth; i++) {
                spec.acquire(1);
            }
            boolean wrong = spec.holdCount(1) != depth;
            for (int i = 0; i < depth; i++) {
                spec.release(1);
            }
            return new Tally(spec.locked(1), m.sections + 1, m.strayReleases, m.wrongCounts + (wrong ? 1 : 0));
        }

        @Override
        public String toString() {
            return depth == 0 ? "strayRelease()" : "nested(" + depth + ")";
        }
    }

    /** Bound on each thread of a QuickTheories parallel run: a hang guard ("must finish"), not a timing claim. */
    private static final int PARALLEL_LIMIT = (int) Threads.GENEROUS.toSeconds();

    private static final int PARALLEL_EXAMPLES = Depth.pick(100, 2_000);

    @Test
    @Verifies(primitive = "RLock", property = "concurrent nested sections and stray releases end in a serial state", tool = Tool.PROPERTY_PARALLEL)
    public void parallelCommandsEndInASerialState() {
        Gen<List<RLockCommand>> commands = lists().of(Generate.range(0, 3).map(d -> new RLockCommand(d)))
                .ofSizeBetween(2, 6);
        Tally initial = new Tally(false, 0, 0, 0);
        qt().withExamples(PARALLEL_EXAMPLES).forAll(commands).checkAssert(cmds ->
                new Parallel(PARALLEL_LIMIT, TimeUnit.SECONDS).parallelCheck(initial, cmds, m -> new Counted(), Counted::tally, 3));
        Evidence.explored(PARALLEL_EXAMPLES, "command lists");
    }
}
