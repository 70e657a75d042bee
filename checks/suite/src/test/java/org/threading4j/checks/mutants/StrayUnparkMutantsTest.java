package org.threading4j.checks.mutants;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threading4j.checks.mutants.Catch.Check;
import org.threading4j.checks.property.ConditionPropertyTest;
import org.threading4j.checks.property.EventPropertyTest;
import org.threading4j.checks.property.SemaphorePropertyTest;
import org.threading4j.checks.property.TimerPropertyTest;
import org.threading4j.checks.stress.BarrierStressTest;
import org.threading4j.checks.stress.ConditionStressTest;
import org.threading4j.checks.stress.EventStressTest;
import org.threading4j.checks.stress.LockStressTest;
import org.threading4j.checks.stress.RLockStressTest;
import org.threading4j.checks.stress.SemaphoreStressTest;
import org.threading4j.checks.stress.TimerStressTest;
import org.threading4j.checks.support.StrayUnparks;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/**
 * Primitives that take a return from {@code park} for a wake-up, one mutant per primitive: in
 * {@code WaitQueue.park}, a waiter of that primitive that returns from {@code park} still undecided leaves
 * the queue as if a waker had decided its wait ({@link MutantCatalogue#LOCK_PARK_RETURN_IS_WAKE_UP} and the
 * other {@code *_PARK_RETURN_IS_WAKE_UP}). Any code may unpark any
 * thread, so this is a real bug, but one that ordinary runs rarely provoke (a thread seldom returns from
 * {@code park} with nobody having meant to wake it); the stress and property checks must catch it when
 * they run under {@link StrayUnparks}, which the forked JVMs here always do.
 */
class StrayUnparkMutantsTest {

    static final Duration LIMIT = Duration.ofMinutes(3);

    /** The forked check JVMs run their stress and property checks under stray unparks. */
    static final List<String> STRAYS_ON = List.of("-D" + StrayUnparks.PROPERTY + "=true");

    @Test
    @Verifies(primitive = "Lock", property = "mutant caught under stray unparks: a return from park taken as being handed the lock", tool = Tool.MUTANT)
    void lock() {
        Catch.assertCaught(MutantCatalogue.LOCK_PARK_RETURN_IS_WAKE_UP, LIMIT, STRAYS_ON,
                Check.of(LockStressTest::handOffsToOneWaiter),
                Check.of(LockStressTest::freeForAll));
    }

    @Test
    @Verifies(primitive = "RLock", property = "mutant caught under stray unparks: a return from park taken as being handed the lock", tool = Tool.MUTANT)
    void rlock() {
        Catch.assertCaught(MutantCatalogue.RLOCK_PARK_RETURN_IS_WAKE_UP, LIMIT, STRAYS_ON,
                Check.of(RLockStressTest::handOffsToTwoWaiters),
                Check.of(RLockStressTest::freeForAll));
    }

    @Test
    @Verifies(primitive = "Condition", property = "mutant caught under stray unparks: a return from park taken as a signal", tool = Tool.MUTANT)
    void condition() {
        Catch.assertCaught(MutantCatalogue.CONDITION_PARK_RETURN_IS_WAKE_UP, LIMIT, STRAYS_ON,
                Check.of(ConditionPropertyTest::randomSchedulesFollowTheModel),
                Check.of(ConditionStressTest::signalRacesTimeoutAndInterrupt));
    }

    @Test
    @Verifies(primitive = "Semaphore", property = "mutant caught under stray unparks: a return from park taken as being handed a permit", tool = Tool.MUTANT)
    void semaphore() {
        Catch.assertCaught(MutantCatalogue.SEMAPHORE_PARK_RETURN_IS_WAKE_UP, LIMIT, STRAYS_ON,
                Check.of(SemaphorePropertyTest::permitsConservedWithTimedAndInterruptedWaiters),
                Check.of(SemaphoreStressTest::permitsConservedUnderTimeoutsAndInterrupts));
    }

    @Test
    @Verifies(primitive = "BoundedSemaphore", property = "mutant caught under stray unparks: a return from park taken as being handed a permit", tool = Tool.MUTANT)
    void boundedSemaphore() {
        Catch.assertCaught(MutantCatalogue.BOUNDED_SEMAPHORE_PARK_RETURN_IS_WAKE_UP, LIMIT, STRAYS_ON,
                Check.of(SemaphorePropertyTest::permitsConservedWithTimedAndInterruptedWaiters));
    }

    @Test
    @Verifies(primitive = "Event", property = "mutant caught under stray unparks: a return from park taken as set()", tool = Tool.MUTANT)
    void event() {
        Catch.assertCaught(MutantCatalogue.EVENT_PARK_RETURN_IS_WAKE_UP, LIMIT, STRAYS_ON,
                Check.of(EventPropertyTest::randomSchedulesFollowTheModel),
                Check.of(EventStressTest::setAndClearRaceRegisteringWaiters));
    }

    @Test
    @Verifies(primitive = "Barrier", property = "mutant caught under stray unparks: a return from park taken as the trip", tool = Tool.MUTANT)
    void barrier() {
        Catch.assertCaught(MutantCatalogue.BARRIER_PARK_RETURN_IS_WAKE_UP, LIMIT, STRAYS_ON,
                Check.of(BarrierStressTest::cleanCycles)); // by a hang: a party left the queue the trip drains
    }

    @Test
    @Verifies(primitive = "Timer", property = "mutant caught under stray unparks: a return from park taken as cancel()", tool = Tool.MUTANT)
    void timer() {
        Catch.assertCaught(MutantCatalogue.TIMER_PARK_RETURN_IS_WAKE_UP, LIMIT, STRAYS_ON,
                Check.of(TimerPropertyTest::realTimerFollowsSpec),
                Check.of(TimerStressTest::cancelRacingFire));
    }
}
