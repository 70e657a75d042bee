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
import org.threading4j.Lock;
import org.threading4j.checks.subjects.Callers;
import org.threading4j.checks.support.Depth;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Threads;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.specs.LockSpec;

/**
 * Random action sequences on a real {@link Lock} and on {@link LockSpec}, step by step: every result
 * (value or exception and message) must match, and named invariants must hold after each step. Actions
 * run on the test thread (caller 0) or on a helper thread (caller 1), so releases from another thread are
 * part of the mix. A failure is shrunk by QuickTheories to the shortest failing sequence and printed as a
 * trace (QuickTheories' shrink, then removal of every action the failure does not need). Check methods
 * need no JUnit set-up.
 */
public class LockPropertyTest {

    /** One action: what the real lock and the spec each do; callers: 0 = test thread, 1 = helper. */
    enum Action {
        TRY_ACQUIRE("tryAcquire()"),
        TRY_ACQUIRE_ZERO("tryAcquire(0s)"),
        TRY_ACQUIRE_NEGATIVE("tryAcquire(-1ns)"),
        ACQUIRE_IF_FREE("acquire()"),
        RELEASE("release()"),
        HELPER_TRY_ACQUIRE("helper: tryAcquire()"),
        HELPER_RELEASE("helper: release()"),
        LOCKED("locked()");

        final String text;

        Action(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private static final int EXAMPLES = Depth.pick(300, 5_000);

    static String onLock(Action a, Lock lock, Callers callers) {
        switch (a) {
            case TRY_ACQUIRE: return Trace.outcome(lock::tryAcquire);
            case TRY_ACQUIRE_ZERO: return Trace.outcome(() -> lock.tryAcquire(Duration.ZERO));
            case TRY_ACQUIRE_NEGATIVE: return Trace.outcome(() -> lock.tryAcquire(Duration.ofNanos(-1)));
            case ACQUIRE_IF_FREE: return Trace.outcome(() -> { lock.acquire(); return null; });
            case RELEASE: return Trace.outcome(() -> { lock.release(); return null; });
            case HELPER_TRY_ACQUIRE: return Trace.outcome(() -> callers.as(1, lock::tryAcquire));
            case HELPER_RELEASE: return Trace.outcome(() -> callers.as(1, () -> { lock.release(); return null; }));
            case LOCKED: return Trace.outcome(lock::locked);
            default: throw new AssertionError(a);
        }
    }

    static String onSpec(Action a, LockSpec spec) {
        switch (a) {
            case TRY_ACQUIRE:
            case HELPER_TRY_ACQUIRE: return Trace.outcome(spec::tryAcquire);
            case TRY_ACQUIRE_ZERO: return Trace.outcome(() -> spec.tryAcquire(0, Duration.ZERO));
            case TRY_ACQUIRE_NEGATIVE: return Trace.outcome(() -> spec.tryAcquire(0, Duration.ofNanos(-1)));
            case ACQUIRE_IF_FREE: return Trace.outcome(() -> spec.acquire(0) ? null : "waiting");
            case RELEASE:
            case HELPER_RELEASE: return Trace.outcome(() -> { spec.release(); return null; });
            case LOCKED: return Trace.outcome(spec::locked);
            default: throw new AssertionError(a);
        }
    }

    /** Runs one sequence on a fresh lock and spec; throws AssertionError with the trace on a mismatch. */
    static void runSequence(List<Action> actions, Callers callers) {
        Lock lock = new Lock();
        LockSpec spec = new LockSpec();
        Trace trace = new Trace();
        for (Action a : actions) {
            if (a == Action.ACQUIRE_IF_FREE && spec.locked()) {
                trace.step(a.text, "skipped: it would wait for ever (nobody else releases)");
                continue;
            }
            boolean lockedBefore = lock.locked();
            String real = onLock(a, lock, callers);
            String model = onSpec(a, spec);
            trace.step(a.text, real);
            trace.invariant("same result as the spec", real.equals(model), "spec says " + model);
            trace.invariant("locked() agrees with the spec", lock.locked() == spec.locked(),
                    "lock " + lock.locked() + ", spec " + spec.locked());
            if (Trace.threw(real)) {
                trace.invariant("a call that throws changes nothing", lock.locked() == lockedBefore,
                        "locked " + lockedBefore + " -> " + lock.locked());
            }
        }
        trace.invariant("nothing left behind: interrupt status clear", !Thread.currentThread().isInterrupted(), "");
    }

    static Gen<List<Action>> sequences(int maxLength) {
        return lists().of(Generate.enumValues(Action.class)).ofSizeBetween(1, maxLength);
    }

    @Test
    @Verifies(primitive = "Lock", property = "random action sequences (incl. releases from another thread) match LockSpec", tool = Tool.PROPERTY)
    public void sequencesMatchTheSpec() {
        try (Callers callers = new Callers(1)) {
            qt().withExamples(EXAMPLES).forAll(sequences(30)).checkAssert(actions -> Trace.minimising(actions, a -> runSequence(a, callers)));
        }
        Evidence.explored(EXAMPLES, "sequences");
    }

    // ---- parallel: QuickTheories runs short command lists on 3 threads and checks the end state ----

    /** The end state: the lock, and how many calls had each outcome. */
    static final class Tally {
        final boolean locked;
        final int acquired;
        final int refused;
        final int released;
        final int badReleases;

        Tally(boolean locked, int acquired, int refused, int released, int badReleases) {
            this.locked = locked;
            this.acquired = acquired;
            this.refused = refused;
            this.released = released;
            this.badReleases = badReleases;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Tally)) {
                return false;
            }
            Tally t = (Tally) o;
            return locked == t.locked && acquired == t.acquired && refused == t.refused && released == t.released
                    && badReleases == t.badReleases;
        }

        @Override
        public int hashCode() {
            return Objects.hash(locked, acquired, refused, released, badReleases);
        }

        @Override
        public String toString() {
            return (locked ? "locked" : "unlocked") + " acquired=" + acquired + " refused=" + refused
                    + " released=" + released + " badReleases=" + badReleases;
        }
    }

    /** The real lock with outcome counters (counters may be atomics: they are test bookkeeping). */
    static final class Counted {
        final Lock lock = new Lock();
        final AtomicInteger acquired = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger released = new AtomicInteger();
        final AtomicInteger badReleases = new AtomicInteger();

        Tally tally() {
            return new Tally(lock.locked(), acquired.get(), refused.get(), released.get(), badReleases.get());
        }
    }

    /** tryAcquire() or release(), from whichever pool thread runs it; next state computed by LockSpec. */
    static final class LockCommand implements Command<Counted, Tally> {
        final boolean acquire;

        LockCommand(boolean acquire) {
            this.acquire = acquire;
        }

        @Override
        public void run(Counted sut) {
            if (acquire) {
                (sut.lock.tryAcquire() ? sut.acquired : sut.refused).incrementAndGet();
            } else {
                try {
                    sut.lock.release();
                    sut.released.incrementAndGet();
                } catch (IllegalMonitorStateException e) {
                    sut.badReleases.incrementAndGet();
                }
            }
        }

        @Override
        public Tally nextState(Tally m) {
            LockSpec spec = new LockSpec();
            if (m.locked) {
                spec.tryAcquire();
            }
            if (acquire) {
                boolean got = spec.tryAcquire();
                return new Tally(spec.locked(), m.acquired + (got ? 1 : 0), m.refused + (got ? 0 : 1), m.released,
                        m.badReleases);
            }
            boolean ok = Trace.outcome(() -> { spec.release(); return null; }).equals("void");
            return new Tally(spec.locked(), m.acquired, m.refused, m.released + (ok ? 1 : 0),
                    m.badReleases + (ok ? 0 : 1));
        }

        @Override
        public String toString() {
            return acquire ? "tryAcquire()" : "release()";
        }
    }

    /** Bound on each thread of a QuickTheories parallel run: a hang guard ("must finish"), not a timing claim. */
    private static final int PARALLEL_LIMIT = (int) Threads.GENEROUS.toSeconds();

    private static final int PARALLEL_EXAMPLES = Depth.pick(100, 2_000);

    @Test
    @Verifies(primitive = "Lock", property = "concurrent tryAcquire/release end in a state some serial order reaches", tool = Tool.PROPERTY_PARALLEL)
    public void parallelCommandsEndInASerialState() {
        Gen<List<LockCommand>> commands = lists().of(Generate.booleans().map(b -> new LockCommand(b))).ofSizeBetween(2, 6);
        Tally initial = new Tally(false, 0, 0, 0, 0);
        qt().withExamples(PARALLEL_EXAMPLES).forAll(commands).checkAssert(cmds ->
                new Parallel(PARALLEL_LIMIT, TimeUnit.SECONDS).parallelCheck(initial, cmds, m -> new Counted(), Counted::tally, 3));
        Evidence.explored(PARALLEL_EXAMPLES, "command lists");
    }
}
