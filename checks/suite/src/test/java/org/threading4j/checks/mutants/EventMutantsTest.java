package org.threading4j.checks.mutants;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/** Broken Events that the checks must catch; see {@link ConditionMutantsTest}. */
class EventMutantsTest {

    static final Duration LIMIT = Duration.ofMinutes(3);
    static final String FLAG_SYNC = "org/threading4j/internal/FlagSync.java";

    /** await answers by re-reading the flag instead of using its outcome (breaks set-and-clear). */
    static final Mutant REREADS_FLAG = new Mutant("event-await-rereads-flag",
            "await re-reads the flag after waking instead of using its outcome", FLAG_SYNC,
            "return outcome == SIGNALLED;", "return outcome == SIGNALLED && isSet();");

    /**
     * A registering waiter announces itself with a blind write instead of a CAS: a set() landing between its
     * read of the state and that write is overwritten, so the waiter parks with nobody to wake it.
     */
    static final Mutant SET_MISSES_REGISTERING = new Mutant("event-set-misses-registering-waiter",
            "set() can miss a waiter that is registering (no re-check of the flag when enqueueing)", FLAG_SYNC,
            "            if ((s & QUEUED) != 0 || STATE.compareAndSet(this, s, s | QUEUED)) {",
            "            if ((s & QUEUED) != 0 || (int) STATE.getAndSet(this, s | QUEUED) != -1) {");

    @Test
    @Verifies(primitive = "Event", property = "mutant caught: await re-reads the flag (set-and-clear broken)", tool = Tool.MUTANT)
    void rereadsFlag() {
        Catch.assertCaught(REREADS_FLAG, LIMIT,
                ConditionMutantsTest.check("contract.EventPrimitiveContractTest", "setAndClear"),
                ConditionMutantsTest.check("property.EventPropertyTest", "randomSchedulesFollowTheModel"),
                ConditionMutantsTest.check("lincheck.EventConcurrentLincheckTest", "setAndClearReleasesWaiters"));
    }

    @Test
    @Verifies(primitive = "Event", property = "mutant caught: set() misses a registering waiter", tool = Tool.MUTANT)
    void setMissesRegisteringWaiter() {
        Catch.assertCaught(SET_MISSES_REGISTERING, LIMIT,
                ConditionMutantsTest.check("lincheck.EventConcurrentLincheckTest", "setWakesRegisteringWaiters"),
                ConditionMutantsTest.check("stress.EventStressTest", "setAndClearRaceRegisteringWaiters"));
    }

    @Test
    @Verifies(primitive = "Event", property = "mutant caught: a waiter helping with set()'s wake-up claims one and never unparks it", tool = Tool.MUTANT)
    void helperDropsUnpark() {
        Catch.assertCaught(BarrierMutantTest.HELPER_DROPS_UNPARK, LIMIT,
                ConditionMutantsTest.check("stress.EventStressTest", "setAndClearRaceRegisteringWaiters"));
    }
}
