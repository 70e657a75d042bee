package org.threading4j.checks.property;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.threading4j.checks.subjects.TimerSubjects;
import org.threading4j.checks.support.Depth;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/**
 * Random call sequences on a real Timer and on {@code TimerSpec} side by side: every answer (value or
 * exception and message) must match, and the invariants below must hold after every step. Intervals are
 * zero or "for ever", so the real timer's answers are deterministic (see {@link TimerSubjects}). A
 * failure prints the shrunk sequence as a trace such as {@code [cancel(), start(), isAlive()]}.
 */
public class TimerPropertyTest {

    /** One call on the timer. */
    enum Action {
        START("start()", TimerSubjects.Subject::start),
        CANCEL("cancel()", TimerSubjects.Subject::cancel),
        IS_CANCELLED("isCancelled()", TimerSubjects.Subject::isCancelled),
        IS_ALIVE("isAlive()", TimerSubjects.Subject::isAlive),
        JOIN_NOW("join(ZERO)", TimerSubjects.Subject::joinNow),
        RUNS("runs()", TimerSubjects.Subject::runs);

        final String call;
        final Function<TimerSubjects.Subject, Object> op;

        Action(String call, java.util.function.Consumer<TimerSubjects.Subject> op) {
            this(call, s -> {
                op.accept(s);
                return "void";
            });
        }

        Action(String call, Function<TimerSubjects.Subject, Object> op) {
            this.call = call;
            this.op = op;
        }

        @Override
        public String toString() {
            return call;
        }
    }

    /** Interval choices with deterministic behaviour. */
    enum Interval {
        ZERO(Duration.ZERO), FOREVER(Duration.ofSeconds(Long.MAX_VALUE));

        final Duration d;

        Interval(Duration d) {
            this.d = d;
        }
    }

    @Test
    @Verifies(primitive = "Timer", property = "real timer answers like TimerSpec; ran == (decision FIRED), runs <= 1", tool = Tool.PROPERTY)
    public void realTimerFollowsSpec() {
        int examples = Depth.pick(1_000, 20_000);
        AtomicLong steps = new AtomicLong();
        qt().withExamples(examples).withShrinkCycles(Depth.pick(200, 2_000))
                .forAll(arbitrary().enumValues(Interval.class),
                        lists().of(arbitrary().enumValues(Action.class)).ofSizeBetween(1, 10))
                .checkAssert((interval, actions) -> run(interval, actions, steps));
        Evidence.explored(examples, "sequences");
        Evidence.explored(steps.get(), "steps");
    }

    private static void run(Interval interval, List<Action> actions, AtomicLong steps) {
        TimerSubjects.Subject model = TimerSubjects.model(interval.d);
        TimerSubjects.Subject real = TimerSubjects.real(interval.d);
        StringBuilder trace = new StringBuilder("Timer(" + interval + ")");
        try {
            for (Action a : actions) {
                steps.incrementAndGet();
                String expected = outcome(a, model);
                String actual = outcome(a, real);
                trace.append("; ").append(a).append(" -> ").append(actual);
                if (!expected.equals(actual)) {
                    throw new AssertionError("answer differs from TimerSpec: expected " + expected + "\n  trace: "
                            + trace + "\n  model: " + model + "\n  real: " + real);
                }
                invariants(model, real, trace);
            }
        } finally {
            real.cancel(); // never leave a pending thread behind (the subject waits for it to end)
        }
    }

    /** Named invariants, checked after every step. */
    private static void invariants(TimerSubjects.Subject model, TimerSubjects.Subject real, StringBuilder trace) {
        int runs = real.runs();
        check("action runs at most once", runs <= 1, trace);
        check("never both ran and cancelled", !(runs == 1 && real.isCancelled()), trace);
        check("runs agree with the model", runs == model.runs(), trace);
    }

    private static void check(String invariant, boolean holds, StringBuilder trace) {
        if (!holds) {
            throw new AssertionError("invariant '" + invariant + "' broken\n  trace: " + trace);
        }
    }

    private static String outcome(Action a, TimerSubjects.Subject s) {
        try {
            return Objects.toString(a.op.apply(s));
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + "(" + e.getMessage() + ")";
        }
    }
}
