package org.threading4j.checks.property;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.stateful.Command;
import org.quicktheories.core.stateful.Parallel;
import org.threading4j.BoundedSemaphore;
import org.threading4j.Semaphore;
import org.threading4j.checks.support.Depth;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Threads;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/**
 * QuickTheories' parallel mode: a random list of commands is first checked sequentially against the
 * model, then run with one task per command on three threads, and the semaphore's end state must be the
 * end state of some order of the commands. A release racing a bound check, or a timed acquire that takes a
 * permit and reports failure, leaves a value no order explains.
 */
class SemaphoreParallelPropertyTest {

    /** Bound on each thread of a QuickTheories parallel run: a hang guard ("must finish"), not a timing claim. */
    private static final int PARALLEL_LIMIT = (int) Threads.GENEROUS.toSeconds();

    /** The model: value and bound ({@code Integer.MAX_VALUE} for a plain semaphore). */
    static final class Model {
        final int value;
        final int bound;

        Model(int value, int bound) {
            this.value = value;
            this.bound = bound;
        }

        Model withValue(int v) {
            return new Model(v, bound);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Model && ((Model) o).value == value && ((Model) o).bound == bound;
        }

        @Override
        public int hashCode() {
            return value * 31 + bound;
        }

        @Override
        public String toString() {
            return "value=" + value + (bound == Integer.MAX_VALUE ? "" : "/" + bound);
        }
    }

    /** The system under test: the semaphore and the bound it was made with (not public API). */
    static final class Sut {
        final Semaphore sem;
        final int bound;

        Sut(Semaphore sem, int bound) {
            this.sem = sem;
            this.bound = bound;
        }
    }

    /** A command with a readable name. */
    abstract static class Cmd implements Command<Sut, Model> {
        private final String name;

        Cmd(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Cmd> COMMANDS = new ArrayList<>();

    static {
        COMMANDS.add(new Cmd("tryAcquire()") {
            @Override
            public void run(Sut sut) {
                Semaphore s = sut.sem;
                s.tryAcquire();
            }

            @Override
            public Model nextState(Model m) {
                return m.value > 0 ? m.withValue(m.value - 1) : m;
            }
        });
        COMMANDS.add(new Cmd("tryAcquire(1ms)") {
            @Override
            public void run(Sut sut) {
                Semaphore s = sut.sem;
                try {
                    s.tryAcquire(Duration.ofMillis(1));
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }

            @Override
            public Model nextState(Model m) {
                return m.value > 0 ? m.withValue(m.value - 1) : m;
            }
        });
        for (int n = 1; n <= 2; n++) {
            int k = n;
            COMMANDS.add(new Cmd("release(" + n + ")") {
                @Override
                public void run(Sut sut) {
                    Semaphore s = sut.sem;
                    try {
                        s.release(k);
                    } catch (IllegalStateException refused) {
                        // over the bound: nothing released
                    }
                }

                @Override
                public Model nextState(Model m) {
                    return (long) m.value + k > m.bound ? m : m.withValue(m.value + k);
                }
            });
        }
    }

    static Sut toSut(Model m) {
        if (m.bound == Integer.MAX_VALUE) {
            return new Sut(new Semaphore(m.value), m.bound);
        }
        BoundedSemaphore b = new BoundedSemaphore(m.bound);
        for (int i = m.value; i < m.bound; i++) {
            b.tryAcquire();
        }
        return new Sut(b, m.bound);
    }

    static Model toModel(Sut s) {
        return new Model(s.sem.value(), s.bound);
    }

    @Test
    @Verifies(primitive = "Semaphore", property = "parallel commands end in the state of some sequential order", tool = Tool.PROPERTY_PARALLEL)
    void semaphoreParallel() {
        int examples = Depth.pick(100, 1_000);
        qt().withExamples(examples).withShrinkCycles(Depth.pick(50, 500))
                .forAll(integers().between(0, 2), lists().of(arbitrary().pick(COMMANDS)).ofSizeBetween(2, 6))
                .checkAssert((value, cmds) -> new Parallel(PARALLEL_LIMIT, TimeUnit.SECONDS)
                        .parallelCheck(new Model(value, Integer.MAX_VALUE), cmds,
                                SemaphoreParallelPropertyTest::toSut, SemaphoreParallelPropertyTest::toModel, 3));
        Evidence.explored(examples, "parallel command lists");
    }

    @Test
    @Verifies(primitive = "BoundedSemaphore", property = "parallel commands end in the state of some sequential order; bound holds", tool = Tool.PROPERTY_PARALLEL)
    void boundedParallel() {
        int examples = Depth.pick(100, 1_000);
        qt().withExamples(examples).withShrinkCycles(Depth.pick(50, 500))
                .forAll(integers().between(1, 3), integers().between(0, 3),
                        lists().of(arbitrary().pick(COMMANDS)).ofSizeBetween(2, 6))
                .checkAssert((bound, taken, cmds) -> new Parallel(PARALLEL_LIMIT, TimeUnit.SECONDS)
                        .parallelCheck(new Model(Math.max(0, bound - taken), bound), cmds,
                                SemaphoreParallelPropertyTest::toSut, SemaphoreParallelPropertyTest::toModel, 3));
        Evidence.explored(examples, "parallel command lists");
    }
}
