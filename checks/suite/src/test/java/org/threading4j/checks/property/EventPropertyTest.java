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
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.threading4j.checks.subjects.EventModel;
import org.threading4j.checks.subjects.EventWorlds;
import org.threading4j.checks.subjects.Wait;
import org.threading4j.checks.support.Depth;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/**
 * Random schedules of three real threads on a real Event against {@link org.threading4j.specs.EventSpec}, keeping every model state
 * consistent with what was seen (a short-timed waiter's deadline may fall before or after each step). Steps:
 * {@code set()}, {@code clear()}, {@code set(); clear()} back to back, {@code isSet()}, waits of every kind, and
 * interrupts. A failure prints the shrunk schedule as a trace.
 */
public class EventPropertyTest {

    static final int THREADS = 3;

    enum Action { SET, CLEAR, SET_AND_CLEAR, IS_SET, AWAIT, AWAIT_LONG, AWAIT_ZERO, AWAIT_SHORT, INTERRUPT }

    static final class Step {
        final int thread;
        final Action action;

        Step(int thread, Action action) {
            this.thread = thread;
            this.action = action;
        }

        @Override
        public String toString() {
            switch (action) {
                case SET:
                    return "set()";
                case CLEAR:
                    return "clear()";
                case SET_AND_CLEAR:
                    return "set(); clear()";
                case IS_SET:
                    return "isSet()";
                case INTERRUPT:
                    return "T" + thread + " interrupt";
                default:
                    return "T" + thread + " await(" + waitOf(action) + ")";
            }
        }
    }

    static Wait waitOf(Action a) {
        return a == Action.AWAIT ? Wait.UNTIMED : a == Action.AWAIT_LONG ? Wait.LONG
                : a == Action.AWAIT_ZERO ? Wait.ZERO : Wait.SHORT;
    }

    @Test
    @Verifies(primitive = "Event", property = "random schedules follow EventSpec: set-and-clear, timeouts, interrupts", tool = Tool.PROPERTY)
    public void randomSchedulesFollowTheModel() {
        int examples = Depth.pick(150, 3_000);
        AtomicLong steps = new AtomicLong();
        Gen<Step> step = integers().between(0, THREADS - 1).zip(arbitrary().enumValues(Action.class), Step::new);
        qt().withExamples(examples).withShrinkCycles(Depth.pick(100, 1_000))
                .forAll(lists().of(step).ofSizeBetween(1, 16))
                .checkAssert(schedule -> run(schedule, steps));
        Evidence.explored(examples, "schedules");
        Evidence.explored(steps.get(), "steps");
    }

    static void run(List<Step> schedule, AtomicLong steps) {
        Set<EventModel> models = new LinkedHashSet<>();
        models.add(new EventModel(THREADS));
        EventWorlds.RealWorld real = EventWorlds.real(THREADS);
        real.waitForShortTimeouts = false; // let the next steps race a 2 ms deadline
        StringBuilder trace = new StringBuilder("Event()");
        try {
            for (Step s : schedule) {
                boolean waitStep = s.action.name().startsWith("AWAIT");
                if (waitStep && "pending".equals(real.result(s.thread))) {
                    continue;
                }
                steps.incrementAndGet();
                Set<EventModel> next = new LinkedHashSet<>();
                String answer = "";
                for (EventModel m : models) {
                    for (EventModel c : timeoutsBefore(m)) {
                        if (waitStep && EventModel.PENDING.equals(c.result(s.thread))) {
                            continue; // the real thread is idle (checked above): a short wait has ended
                        }
                        if (s.action == Action.INTERRUPT && c.mayTimeOut(s.thread)) {
                            // The deadline may pass first and the interrupt land before the wait returns:
                            // false, with the interrupt kept.
                            EventModel late = copy(c);
                            late.timeoutThenInterrupt(s.thread);
                            next.addAll(timeoutsBefore(late));
                        }
                        answer = apply(c, s);
                        next.addAll(timeoutsBefore(c)); // a short wait may also end after the step
                    }
                }
                String realAnswer = applyReal(real, s);
                trace.append("; ").append(s).append(" -> ").append(realAnswer);
                // isSet()'s answer is compared; a wait's answer is its thread's result, in the observation
                String seen = observeStable(real) + (s.action == Action.IS_SET ? " answer " + realAnswer : "");
                models.clear();
                for (EventModel m : next) {
                    String a = s.action == Action.IS_SET ? " answer " + m.isSet() : "";
                    if ((observe(m) + a).equals(seen)) {
                        models.add(m);
                    }
                }
                if (models.isEmpty()) {
                    throw new AssertionError("no model state explains what the real event did\n  trace: " + trace
                            + "\n  seen: " + seen + "\n  allowed: " + next + " (last model answer " + answer + ")");
                }
            }
        } finally {
            real.event.set();
            real.settle();
            real.close();
        }
    }

    private static String apply(EventModel m, Step s) {
        switch (s.action) {
            case SET:
                m.set();
                return "void";
            case CLEAR:
                m.clear();
                return "void";
            case SET_AND_CLEAR:
                m.set();
                m.clear();
                return "void";
            case IS_SET:
                return String.valueOf(m.isSet());
            case INTERRUPT:
                m.interrupt(s.thread);
                return "void";
            default:
                return m.await(s.thread, waitOf(s.action));
        }
    }

    private static String applyReal(EventWorlds.RealWorld w, Step s) {
        switch (s.action) {
            case SET:
                w.set();
                return "void";
            case CLEAR:
                w.clear();
                return "void";
            case SET_AND_CLEAR:
                w.event.set();
                w.event.clear();
                w.settle();
                return "void";
            case IS_SET:
                return String.valueOf(w.isSet());
            case INTERRUPT:
                w.interrupt(s.thread);
                return "void";
            default:
                return w.await(s.thread, waitOf(s.action));
        }
    }

    private static List<EventModel> timeoutsBefore(EventModel m) {
        List<EventModel> out = new ArrayList<>();
        out.add(copy(m));
        for (int t : m.waiting()) {
            if (m.mayTimeOut(t)) {
                int size = out.size();
                for (int i = 0; i < size; i++) {
                    EventModel c = copy(out.get(i));
                    c.timeout(t);
                    out.add(c);
                }
            }
        }
        return out;
    }

    private static String observeStable(EventWorlds.RealWorld w) {
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

    private static String observe(EventModel m) {
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < THREADS; t++) {
            sb.append("T").append(t).append("=").append(m.result(t)).append(' ');
        }
        return sb.append("queue ").append(m.waiting()).append(m.isSet() ? " set" : " unset").toString();
    }

    private static String observe(EventWorlds.RealWorld w) {
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < THREADS; t++) {
            sb.append("T").append(t).append("=").append(w.result(t)).append(' ');
        }
        return sb.append("queue ").append(w.waiting()).append(w.isSet() ? " set" : " unset").toString();
    }

    private static EventModel copy(EventModel m) {
        return m.copy();
    }
}
