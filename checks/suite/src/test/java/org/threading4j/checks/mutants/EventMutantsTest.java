package org.threading4j.checks.mutants;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.threading4j.checks.contract.EventPrimitiveContractTest;
import org.threading4j.checks.lincheck.EventConcurrentLincheckTest;
import org.threading4j.checks.mutants.Catch.Check;
import org.threading4j.checks.property.EventPropertyTest;
import org.threading4j.checks.stress.EventStressTest;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/** Broken Events that the checks must catch; see {@link ConditionMutantsTest}. */
class EventMutantsTest {

    static final Duration LIMIT = Duration.ofMinutes(3);

    @Test
    @Verifies(primitive = "Event", property = "mutant caught: await re-reads the flag (set-and-clear broken)", tool = Tool.MUTANT)
    void rereadsFlag() {
        Catch.assertCaught(MutantCatalogue.EVENT_REREADS_FLAG, LIMIT,
                Check.of(EventPrimitiveContractTest::setAndClear),
                Check.of(EventPropertyTest::randomSchedulesFollowTheModel),
                Check.of(EventConcurrentLincheckTest::setAndClearReleasesWaiters));
    }

    @Test
    @Verifies(primitive = "Event", property = "mutant caught: set() misses a registering waiter", tool = Tool.MUTANT)
    void setMissesRegisteringWaiter() {
        Catch.assertCaught(MutantCatalogue.EVENT_SET_MISSES_REGISTERING, LIMIT,
                Check.of(EventConcurrentLincheckTest::setWakesRegisteringWaiters),
                Check.of(EventStressTest::setAndClearRaceRegisteringWaiters));
    }

    @Test
    @Verifies(primitive = "Event", property = "mutant caught: a waiter helping with set()'s wake-up claims one and never unparks it", tool = Tool.MUTANT)
    void helperDropsUnpark() {
        Catch.assertCaught(MutantCatalogue.HELPER_DROPS_UNPARK, LIMIT,
                Check.of(EventStressTest::setAndClearRaceRegisteringWaiters));
    }
}
