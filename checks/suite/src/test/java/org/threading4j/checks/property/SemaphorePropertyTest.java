package org.threading4j.checks.property;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.threading4j.BoundedSemaphore;
import org.threading4j.Held;
import org.threading4j.Semaphore;
import org.threading4j.checks.subjects.SemaphoreSubjects.Mode;
import org.threading4j.checks.subjects.SemaphoreSubjects.Status;
import org.threading4j.checks.subjects.SemaphoreSubjects.Subject;
import org.threading4j.checks.subjects.SemaphoreSubjects;
import org.threading4j.checks.support.Depth;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.checks.support.Workers;

/**
 * Model-based tests of Semaphore and BoundedSemaphore with QuickTheories: random action sequences, shrunk
 * to the shortest failing one, printed as traces such as
 * {@code Semaphore(0); start acquire() as w0 -> w0; release(2) -> ok; w0:ACQUIRED; value() -> 1}.
 */
public class SemaphorePropertyTest {

    // ---------------------------------------------------------------------------------------------
    // 1. The real semaphore answers like the spec, step by step, with parked waiters
    // ---------------------------------------------------------------------------------------------

    /** One step of a sequence: a call on the subject, described for the trace. */
    static final class Action {
        final String name;
        final Step step;

        Action(String name, Step step) {
            this.name = name;
            this.step = step;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface Step {
        Object apply(Subject s, int waiters) throws Exception;
    }

    static final List<Action> ACTIONS = new ArrayList<>();

    static {
        ACTIONS.add(new Action("tryAcquire()", (s, w) -> s.tryAcquire()));
        ACTIONS.add(new Action("tryAcquire(ZERO)", (s, w) -> s.tryAcquire(Duration.ZERO)));
        for (int n = 0; n <= 3; n++) {
            int k = n;
            ACTIONS.add(new Action("release(" + n + ")", (s, w) -> {
                s.release(k);
                return "ok";
            }));
        }
        ACTIONS.add(new Action("value()", (s, w) -> s.value()));
        ACTIONS.add(new Action("hold()+close()", (s, w) -> {
            if (s.value() == 0) {
                return "skipped (would block)";
            }
            try (Held h = s.hold()) {
                return s.value();
            }
        }));
        for (Mode m : Mode.values()) {
            ACTIONS.add(new Action("start " + m, (s, w) -> "w" + s.startAcquire(m)));
        }
        for (int i = 0; i < 3; i++) {
            int k = i;
            ACTIONS.add(new Action("interrupt(w" + i + ")", (s, w) -> {
                if (k >= w) {
                    return "no such waiter";
                }
                s.interrupt(k);
                return "ok";
            }));
        }
    }

    @Test
    @Verifies(primitive = "Semaphore", property = "real semaphore answers like SemaphoreSpec; permits conserved; no waiter parked with a permit free", tool = Tool.PROPERTY)
    @Verifies(primitive = "BoundedSemaphore", property = "real semaphore answers like BoundedSemaphoreSpec; permits conserved", tool = Tool.PROPERTY)
    public void realFollowsSpec() {
        int examples = Depth.pick(300, 3_000);
        AtomicLong steps = new AtomicLong();
        qt().withExamples(examples).withShrinkCycles(Depth.pick(100, 1_000))
                .forAll(booleans().all(), integers().between(0, 3),
                        lists().of(arbitrary().pick(ACTIONS)).ofSizeBetween(1, 12))
                .checkAssert((bounded, initial, actions) -> runAgainstSpec(bounded, initial, actions, steps));
        Evidence.explored(examples, "sequences");
        Evidence.explored(steps.get(), "steps");
    }

    private static void runAgainstSpec(boolean bounded, int initial, List<Action> actions, AtomicLong steps) {
        Subject model = SemaphoreSubjects.model(initial, bounded);
        Subject real = SemaphoreSubjects.real(initial, bounded);
        StringBuilder trace = new StringBuilder((bounded ? "BoundedSemaphore(" : "Semaphore(") + initial + ")");
        int waiters = 0;
        long acquired = 0;
        long released = 0;
        try {
            for (Action a : actions) {
                steps.incrementAndGet();
                String expected = outcome(a, model, waiters);
                String actual = outcome(a, real, waiters);
                trace.append("; ").append(a).append(" -> ").append(actual);
                if (!expected.equals(actual)) {
                    fail("answer differs from the spec: expected " + expected, trace, model, real);
                }
                if (a.name.startsWith("start ")) {
                    waiters++;
                } else if (a.name.startsWith("tryAcquire") && actual.equals("true")) {
                    acquired++;
                } else if (a.name.startsWith("release(") && actual.equals("ok")) {
                    released += a.name.charAt(8) - '0';
                }
                long acquiredByWaiters = 0;
                boolean someoneWaits = false;
                for (int w = 0; w < waiters; w++) {
                    Status want = model.status(w, null);
                    Status got = real.status(w, want);
                    if (got != want) {
                        trace.append("; w").append(w).append(':').append(got);
                        fail("waiter w" + w + " is " + got + ", the spec says " + want, trace, model, real);
                    }
                    acquiredByWaiters += got == Status.ACQUIRED ? 1 : 0;
                    someoneWaits |= got == Status.WAITING;
                }
                int value = real.value();
                check("permits conserved: value + held == initial + released",
                        value + acquired + acquiredByWaiters == initial + released, trace, model, real);
                check("no waiter parked while a permit is free", !someoneWaits || value == 0, trace, model, real);
                check("value within the bound", !bounded || value <= initial, trace, model, real);
            }
        } finally {
            real.close();
        }
    }

    private static String outcome(Action a, Subject s, int waiters) {
        try {
            return Objects.toString(a.step.apply(s, waiters));
        } catch (Exception e) {
            return e.getClass().getSimpleName() + "(" + e.getMessage() + ")";
        }
    }

    private static void check(String invariant, boolean holds, StringBuilder trace, Subject model, Subject real) {
        if (!holds) {
            fail("invariant '" + invariant + "' broken", trace, model, real);
        }
    }

    private static void fail(String what, StringBuilder trace, Subject model, Subject real) {
        throw new AssertionError(what + "\n  trace: " + trace + "\n  model: " + model + "\n  real:  " + real);
    }

    // ---------------------------------------------------------------------------------------------
    // 2. Timed and interrupted waiters racing releases: permits conserved at quiescence
    // ---------------------------------------------------------------------------------------------

    /** A step of a racing schedule; run by the driver without waiting for anything to settle. */
    enum Race {
        TIMED_0("start tryAcquire(0ms)"), TIMED_1("start tryAcquire(1ms)"), TIMED_3("start tryAcquire(3ms)"),
        INTERRUPTIBLY("start acquireInterruptibly()"), RELEASE_1("release(1)"), RELEASE_2("release(2)"),
        TRY_ACQUIRE("tryAcquire()"), INTERRUPT_NEWEST("interrupt newest waiter"),
        INTERRUPT_OLDEST("interrupt oldest live waiter"), PAUSE("pause ~0.5ms");

        final String text;

        Race(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    @Test
    @Verifies(primitive = "Semaphore", property = "permits conserved with timed/interrupted waiters racing hand-offs", tool = Tool.PROPERTY)
    @Verifies(primitive = "BoundedSemaphore", property = "permits conserved with timed/interrupted waiters racing hand-offs", tool = Tool.PROPERTY)
    public void permitsConservedWithTimedAndInterruptedWaiters() {
        int examples = Depth.pick(250, 2_000);
        AtomicLong waits = new AtomicLong();
        qt().withExamples(examples).withShrinkCycles(Depth.pick(50, 500))
                .forAll(booleans().all(), integers().between(0, 2),
                        lists().of(arbitrary().enumValues(Race.class)).ofSizeBetween(1, 14))
                .checkAssert((bounded, initial, schedule) -> race(bounded, initial, schedule, waits));
        Evidence.explored(examples, "schedules");
        Evidence.explored(waits.get(), "background waits");
    }

    private static void race(boolean bounded, int initial, List<Race> schedule, AtomicLong waits) {
        // a bounded semaphore needs room for the schedule's releases: bound = initial + all its releases
        int room = 0;
        for (Race r : schedule) {
            room += r == Race.RELEASE_1 ? 1 : r == Race.RELEASE_2 ? 2 : 0;
        }
        Semaphore sem = bounded ? new BoundedSemaphore(initial + room) : new Semaphore(initial);
        if (bounded) {
            for (int i = 0; i < room; i++) {
                sem.tryAcquire();
            }
        }
        AtomicLong acquired = new AtomicLong();
        long released = 0;
        List<Workers> background = new ArrayList<>();
        StringBuilder trace = new StringBuilder(sem.getClass().getSimpleName() + " at value " + sem.value());
        for (Race r : schedule) {
            trace.append("; ").append(r);
            switch (r) {
                case TIMED_0:
                case TIMED_1:
                case TIMED_3: {
                    long ms = r == Race.TIMED_0 ? 0 : r == Race.TIMED_1 ? 1 : 3;
                    background.add(Workers.start("timed", 1, id -> {
                        try {
                            if (sem.tryAcquire(Duration.ofMillis(ms))) {
                                acquired.incrementAndGet();
                            }
                        } catch (InterruptedException e) {
                            // left owning nothing
                        }
                    }));
                    break;
                }
                case INTERRUPTIBLY:
                    background.add(Workers.start("interruptibly", 1, id -> {
                        try {
                            sem.acquireInterruptibly();
                            acquired.incrementAndGet();
                        } catch (InterruptedException e) {
                            // left owning nothing
                        }
                    }));
                    break;
                case RELEASE_1:
                case RELEASE_2:
                    int n = r == Race.RELEASE_1 ? 1 : 2;
                    sem.release(n);
                    released += n;
                    break;
                case TRY_ACQUIRE:
                    if (sem.tryAcquire()) {
                        acquired.incrementAndGet();
                    }
                    break;
                case INTERRUPT_NEWEST:
                    if (!background.isEmpty()) {
                        background.get(background.size() - 1).threads().get(0).interrupt();
                    }
                    break;
                case INTERRUPT_OLDEST:
                    for (Workers w : background) {
                        Thread t = w.threads().get(0);
                        if (t.isAlive()) {
                            t.interrupt();
                            break;
                        }
                    }
                    break;
                default:
                    LockSupport.parkNanos(500_000L); // schedule jitter only; nothing waits on it
                    break;
            }
        }
        // quiescence: every waiter still pending is interrupted, and must leave (owning nothing)
        for (Workers w : background) {
            w.threads().get(0).interrupt();
        }
        for (Workers w : background) {
            w.join(Duration.ofSeconds(15));
        }
        waits.addAndGet(background.size());
        int value = sem.value();
        long start = initial; // the value when the schedule began (a bounded one has room above it)
        if (value + acquired.get() != start + released) {
            throw new AssertionError("invariant 'permits conserved: value + held == initial + released' broken: value "
                    + value + " + held " + acquired.get() + " != initial " + start + " + released " + released
                    + "\n  trace: " + trace);
        }
    }
}
