package org.threading4j.checks.mutants;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.threading4j.checks.lincheck.TimerConcurrentLincheckTest;
import org.threading4j.checks.lincheck.TimerLincheckTest;
import org.threading4j.checks.support.Depth;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/**
 * Broken Timers, and the checks that must catch them. Each mutant is asserted against each check that is
 * claimed to catch it, one at a time, so the report says exactly which checks see which bug. Each check runs in
 * a forked JVM, so a CI run asserts the cheapest check that catches each mutant, and a deep run all of them.
 */
class TimerMutantsTest {

    private static final String SYNC = "org/threading4j/internal/TimerSync.java";
    private static final String TIMER = "org/threading4j/Timer.java";
    private static final Duration LIMIT = Duration.ofMinutes(3);

    /** The bug the cancel guarantee rules out: cancel() answers true although the action has run. */
    static final Mutant CANCEL_AFTER_FIRE = new Mutant("timer-cancel-after-fire",
            "cancel() ignores FIRED: it returns true after the action ran", SYNC,
            "            if ((s & (FIRED | CANCELLED)) != 0) {\n                return false; // decided already",
            "            if ((s & CANCELLED) != 0) {\n                return false; // decided already");

    /**
     * Python's shape: the timer thread runs the action if "not cancelled" at the moment it looks, and never
     * records that it fired; a later cancel() still "wins".
     */
    static final Mutant CHECK_THEN_ACT = new Mutant("timer-check-then-act",
            "the timer thread checks isCancelled() instead of deciding FIRED by CAS", TIMER,
            "if (sync.tryFire()) {",
            "if (!sync.isCancelled()) {");

    /**
     * Check-then-act with the narrowest window: the thread reads "not cancelled", then runs the action
     * whatever its CAS says. Only a cancel landing between the read and the CAS shows it.
     */
    static final Mutant CHECK_THEN_FIRE = new Mutant("timer-check-then-fire",
            "the action runs after an isCancelled() check even when the FIRED CAS lost to a cancel", TIMER,
            "if (sync.tryFire()) {",
            "if (!sync.isCancelled() & (sync.tryFire() | true)) {");

    /** join() can return while the action is still running. */
    static final Mutant FINISH_BEFORE_ACTION = new Mutant("timer-finish-before-action",
            "the timer counts as finished before its action runs", TIMER,
            "                try {\n                    action.run();",
            "                finished.set();\n                try {\n                    action.run();");

    /** The fire transition ignores FIRED: the decision can be taken twice, so an action could run twice. */
    static final Mutant FIRE_TWICE = new Mutant("timer-fire-twice",
            "tryFire() succeeds again after FIRED (the action may run twice)", SYNC,
            "            if ((s & (FIRED | CANCELLED)) != 0) {\n                return false;\n            }\n"
                    + "            if (STATE.compareAndSet(this, s, s | FIRED)) {",
            "            if ((s & CANCELLED) != 0) {\n                return false;\n            }\n"
                    + "            if (STATE.compareAndSet(this, s, s | FIRED)) {");

    /** A check in a package-private test class, by its name under {@code org.threading4j.checks}. */
    private static Catch.Check check(String className, String method) {
        try {
            return Catch.Check.of(Class.forName("org.threading4j.checks." + className), method);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /** True in the deep run: assert the further checks too. */
    private static boolean deep() {
        return Depth.current() == Depth.DEEP;
    }

    @Test
    @Verifies(primitive = "Timer", property = "caught: cancel() true after the action ran", tool = Tool.MUTANT)
    void cancelAfterFire() {
        Catch.assertCaught(CANCEL_AFTER_FIRE, LIMIT, check("contract.TimerPrimitiveContractTest", "zeroIntervalFiresOnce"));
        if (deep()) {
            Catch.assertCaught(CANCEL_AFTER_FIRE, LIMIT, check("property.TimerPropertyTest", "realTimerFollowsSpec"));
            Catch.assertCaught(CANCEL_AFTER_FIRE, LIMIT, Catch.Check.of(TimerLincheckTest.class, "modelChecking"));
            Catch.assertCaught(CANCEL_AFTER_FIRE, LIMIT, check("stress.TimerStressTest", "cancelRacingFire"));
            Catch.assertCaught(CANCEL_AFTER_FIRE, LIMIT, Catch.Check.of(TimerConcurrentLincheckTest.class, "startRacingCancels"));
        }
    }

    @Test
    @Verifies(primitive = "Timer", property = "caught: Python's check-then-act (cancel after the run still wins)", tool = Tool.MUTANT)
    void checkThenAct() {
        Catch.assertCaught(CHECK_THEN_ACT, LIMIT, check("contract.TimerPrimitiveContractTest", "zeroIntervalFiresOnce"));
        if (deep()) {
            Catch.assertCaught(CHECK_THEN_ACT, LIMIT, check("stress.TimerStressTest", "cancelRacingFire"));
        }
    }

    @Test
    @Verifies(primitive = "Timer", property = "caught: action runs although a cancel won the CAS (narrow race)", tool = Tool.MUTANT)
    void checkThenFire() {
        Catch.assertCaught(CHECK_THEN_FIRE, LIMIT, Catch.Check.of(TimerConcurrentLincheckTest.class, "startRacingCancels"));
    }

    @Test
    @Verifies(primitive = "Timer", property = "caught: join returns before the action finished", tool = Tool.MUTANT)
    void finishBeforeAction() {
        Catch.assertCaught(FINISH_BEFORE_ACTION, LIMIT, check("contract.TimerPrimitiveContractTest", "aliveWhileActionRuns"));
        if (deep()) {
            Catch.assertCaught(FINISH_BEFORE_ACTION, LIMIT, Catch.Check.of(TimerConcurrentLincheckTest.class, "startRacingCancels"));
        }
    }

    @Test
    @Verifies(primitive = "Timer", property = "caught: fire decided twice", tool = Tool.MUTANT)
    void fireTwice() {
        Catch.assertCaught(FIRE_TWICE, LIMIT, Catch.Check.of(TimerLincheckTest.class, "modelChecking"));
        if (deep()) {
            Catch.assertCaught(FIRE_TWICE, LIMIT, Catch.Check.of(TimerLincheckTest.class, "stress"));
        }
    }
}
