package org.threading4j.checks.property;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.threading4j.checks.subjects.BarrierModel.Result;
import org.threading4j.checks.subjects.BarrierSubject;
import org.threading4j.checks.support.Depth;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/**
 * Random scripts of barrier calls by up to four numbered threads, run step by step on the reference model
 * and on the real barrier (each step settled, see {@link BarrierSubject}); after every step both must agree
 * on every thread's result and interrupt status, {@code waiting()} and {@code isBroken()}. A script is a
 * list of integers (so QuickTheories can shrink it) decoded into steps; a failure prints the decoded trace.
 */
public class BarrierPropertyTest {

    private static final int THREADS = 4;
    private static final String[] OPS = {"await()", "await()", "await(timeout) times out", "interrupt()", "reset()",
        "abort()"};

    /** Actions by script: none; failing on its 2nd run; reset() on its 3rd run; abort() on its 4th run. */
    private static Function<BarrierSubject, Runnable> action(int kind) {
        if (kind == 0) {
            return null;
        }
        return s -> {
            int[] runs = new int[1];
            return () -> {
                runs[0]++;
                if (kind == 1 && runs[0] == 2) {
                    throw new IllegalStateException("action failed");
                }
                if (kind == 2 && runs[0] == 3) {
                    s.reset();
                }
                if (kind == 3 && runs[0] == 4) {
                    s.abort();
                }
            };
        };
    }

    /**
     * Runs one script on {@code b}, with {@code guard} (a model in the same state) deciding which steps are
     * legal; returns the observation trace, one line per step.
     */
    private static List<String> run(BarrierSubject b, BarrierSubject guard, int parties, List<Integer> script) {
        List<String> trace = new ArrayList<>();
        for (int code : script) {
            int op = code % OPS.length;
            int t = (code / OPS.length) % THREADS;
            boolean blocked = guard.result(t) == Result.PENDING;
            switch (op) {
                case 0:
                case 1:
                    if (blocked) {
                        continue;
                    }
                    b.await(t);
                    break;
                case 2:
                    if (blocked || guard.waiting() >= parties - 1 && !guard.isBroken()) {
                        continue; // must not be the last arrival
                    }
                    b.awaitTimingOut(t);
                    break;
                case 3:
                    b.interrupt(t);
                    break;
                case 4:
                    b.reset();
                    break;
                default:
                    b.abort();
                    break;
            }
            StringBuilder obs = new StringBuilder(op >= 4 ? OPS[op] : "t" + t + "." + OPS[op])
                    .append("  =>  waiting=").append(b.waiting()).append(" broken=").append(b.isBroken());
            for (int u = 0; u < THREADS; u++) {
                Result r = b.result(u);
                if (r != null) {
                    obs.append(" t").append(u).append(':').append(describe(r));
                }
                if (b.interruptStatus(u)) {
                    obs.append(" t").append(u).append(":interrupt-set");
                }
            }
            trace.add(obs.toString());
        }
        return trace;
    }

    private static String describe(Result r) {
        return r.failure() == null ? r.toString() : "throws " + r.failure().getClass().getSimpleName();
    }

    @Test
    @Verifies(primitive = "Barrier", property = "random call sequences: the primitive agrees with the model step by step",
            tool = Tool.PROPERTY)
    public void randomScriptsAgreeWithTheModel() {
        int examples = Depth.pick(120, 2_000);
        int[] steps = new int[1];
        qt().withExamples(examples).withShrinkCycles(Depth.pick(200, 2_000))
                .forAll(integers().between(1, 3), integers().between(0, 3),
                        lists().of(integers().between(0, OPS.length * THREADS - 1)).ofSizeBetween(1, 14))
                .checkAssert((parties, actionKind, script) -> {
                    BarrierSubject model = BarrierSubject.spec(parties, action(actionKind));
                    List<String> expected = run(model, model, parties, script);
                    BarrierSubject guard = BarrierSubject.spec(parties, action(actionKind));
                    BarrierSubject real = BarrierSubject.real(parties, action(actionKind));
                    List<String> actual = run(new LockStep(real, guard), guard, parties, script);
                    steps[0] += script.size();
                    if (!expected.equals(actual)) {
                        throw new AssertionError("parties=" + parties + " action=" + actionKind + "\nmodel:\n  "
                                + String.join("\n  ", expected) + "\nBarrier:\n  " + String.join("\n  ", actual));
                    }
                });
        Evidence.explored(examples, "scripts");
        Evidence.explored(steps[0], "steps");
    }

    /** Applies each step to the real barrier and to the guarding model; answers from the real barrier. */
    private static final class LockStep extends Delegate {
        private final BarrierSubject real;
        private final BarrierSubject model;

        LockStep(BarrierSubject real, BarrierSubject model) {
            this.real = real;
            this.model = model;
        }

        @Override
        BarrierSubject target() {
            return real;
        }

        @Override
        public void await(int t) {
            model.await(t);
            real.await(t);
        }

        @Override
        public void awaitTimingOut(int t) {
            model.awaitTimingOut(t);
            real.awaitTimingOut(t);
        }

        @Override
        public void interrupt(int t) {
            model.interrupt(t);
            real.interrupt(t);
        }

        @Override
        public void reset() {
            model.reset();
            real.reset();
        }

        @Override
        public void abort() {
            model.abort();
            real.abort();
        }
    }

    private abstract static class Delegate implements BarrierSubject {
        abstract BarrierSubject target();

        @Override
        public void await(int t) {
            target().await(t);
        }

        @Override
        public void awaitTimingOut(int t) {
            target().awaitTimingOut(t);
        }

        @Override
        public void interrupt(int t) {
            target().interrupt(t);
        }

        @Override
        public void reset() {
            target().reset();
        }

        @Override
        public void abort() {
            target().abort();
        }

        @Override
        public int waiting() {
            return target().waiting();
        }

        @Override
        public boolean isBroken() {
            return target().isBroken();
        }

        @Override
        public int parties() {
            return target().parties();
        }

        @Override
        public Result result(int t) {
            return target().result(t);
        }

        @Override
        public boolean interruptStatus(int t) {
            return target().interruptStatus(t);
        }

        @Override
        public void awaitFromAction() {
            target().awaitFromAction();
        }
    }
}
