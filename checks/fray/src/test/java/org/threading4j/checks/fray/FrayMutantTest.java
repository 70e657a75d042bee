package org.threading4j.checks.fray;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.threading4j.checks.mutants.Catch;
import org.threading4j.checks.mutants.Catch.Check;
import org.threading4j.checks.mutants.Mutant;
import org.threading4j.checks.mutants.MutantCatalogue;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/**
 * The Fray checks can fail: each test builds a mutant of the library (the suite's mutant framework) and
 * runs a Fray test against it in a JVM forked with Fray's agent and the mutant's classes first on the class
 * path ({@link FrayChecks}); the mutant must be caught. The control runs the same machinery on an edit that
 * changes nothing, which must survive, so a catch is the mutant's doing and not the machinery's.
 */
class FrayMutantTest {

    /**
     * Per forked check: JVM start, Fray's start-up, and the schedules up to the catch (or all rounds of them).
     *
     * <p>Not here: {@code MutantCatalogue.EVENT_SET_MISSES_REGISTERING} (a waiter that sets QUEUED with
     * {@code getAndSet} over a concurrent set()). Its window ends in a VarHandle {@code getAndSet}, and Fray
     * 0.9.2 makes scheduling points only at volatile field accesses and VarHandle {@code compareAndSet},
     * {@code getVolatile} and {@code setVolatile} (besides locks, park, unpark and thread operations), so no
     * schedule can put the set() inside that window: it survives.
     */
    private static final Duration LIMIT = Duration.ofMinutes(3);

    @Test
    @Verifies(primitive = "Event", property = "Fray control: a no-op mutant survives the set() check",
            tool = Tool.MUTANT)
    void noOpMutantSurvives() {
        Mutant m = MutantCatalogue.FRAY_NO_OP;
        assertNull(Catch.run(m, Check.of(FrayChecks::eventSetWakesEveryWaiter), LIMIT,
                FrayChecks.forkOptions(FrayChecks.reportDir(m.id()))), "the control mutant was 'caught'");
    }

    @Test
    @Verifies(primitive = "Event", property = "mutant caught by Fray: a helper claims a waiter whose outcome is "
            + "not written yet (the lost wake-up that shipped)", tool = Tool.MUTANT)
    void helperClaimsUndecidedEvent() {
        caught(MutantCatalogue.HELPER_CLAIMS_UNDECIDED, Check.of(FrayChecks::eventSetWakesEveryWaiter));
    }

    @Test
    @Verifies(primitive = "Barrier", property = "mutant caught by Fray: a released party claims a party whose "
            + "outcome is not written yet (the lost wake-up that shipped)", tool = Tool.MUTANT)
    void helperClaimsUndecidedBarrier() {
        caught(MutantCatalogue.HELPER_CLAIMS_UNDECIDED, Check.of(FrayChecks::barrierTripReleasesEveryParty));
    }

    /**
     * The waker stops at the first claimed node. It loses a wake-up only when a helper runs during the
     * resolve (it claims a decided node and stops at an undecided one): the stray-unpark scenario makes
     * helpers run there.
     */
    @Test
    @Verifies(primitive = "Event", property = "mutant caught by Fray: the waker stops at the first node a helper "
            + "claimed", tool = Tool.MUTANT)
    void wakerSkipsClaimed() {
        caught(MutantCatalogue.WAKER_SKIPS_CLAIMED, Check.of(FrayChecks::eventSetUnderStrayUnparks));
    }

    @Test
    @Verifies(primitive = "Event", property = "mutant caught by Fray: a helper claims the next waiter and "
            + "never unparks it", tool = Tool.MUTANT)
    void helperDropsUnpark() {
        caught(MutantCatalogue.HELPER_DROPS_UNPARK, Check.of(FrayChecks::eventSetWakesEveryWaiter));
    }

    /**
     * A woken competitor that gives up (times out) without waking a queued waiter for the permit it stood
     * for: the stress checks meet this window only in some runs; Fray's schedules put the timeout there.
     */
    @Test
    @Verifies(primitive = "Lock", property = "mutant caught by Fray: a woken competitor that times out drops the "
            + "wake-up it stood for", tool = Tool.MUTANT)
    void competitorDropsWakeUp() {
        caught(MutantCatalogue.COMPETITOR_DROPS_WAKE_UP, Check.of(FrayChecks::lockWokenCompetitorTimesOut));
    }

    private static void caught(Mutant m, Check check) {
        Catch.assertCaught(m, LIMIT, FrayChecks.forkOptions(FrayChecks.reportDir(m.id())), check);
    }
}
