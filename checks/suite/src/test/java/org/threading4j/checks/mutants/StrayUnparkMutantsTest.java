package org.threading4j.checks.mutants;

import static org.threading4j.checks.mutants.ConditionMutantsTest.check;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threading4j.checks.support.StrayUnparks;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/**
 * Primitives that take a return from {@code park} for a wake-up, one mutant per primitive: in
 * {@code WaitQueue.park}, a waiter of that primitive that returns from {@code park} still undecided leaves
 * the queue as if a waker had decided its wait (see {@link #parkReturnIsWakeUp}). Any code may unpark any
 * thread, so this is a real bug, but one that ordinary runs rarely provoke (a thread seldom returns from
 * {@code park} with nobody having meant to wake it); the stress and property checks must catch it when
 * they run under {@link StrayUnparks}, which the forked JVMs here always do.
 */
class StrayUnparkMutantsTest {

    static final Duration LIMIT = Duration.ofMinutes(3);
    static final String WAIT_QUEUE = "org/threading4j/internal/WaitQueue.java";

    /** The forked check JVMs run their stress and property checks under stray unparks. */
    static final List<String> STRAYS_ON = List.of("-D" + StrayUnparks.PROPERTY + "=true");

    /**
     * Waiters of {@code primitive} (the queue's blocker is exactly that public class, or, for Lock and RLock,
     * the owner record of one) that return from
     * {@code park} still undecided (or ignore an interrupt, which also ends a park) leave the queue with
     * {@code outcome}, as if a waker had decided it: {@code GRANTED} (handed a permit, or the trip's index)
     * for the lock-like primitives and the barrier, {@code SIGNALLED} (notified, set, cancelled) for the rest.
     */
    static Mutant parkReturnIsWakeUp(Class<?> primitive, String outcome) {
        String name = primitive.getSimpleName();
        return new Mutant(name.toLowerCase() + "-park-return-taken-as-" + outcome.toLowerCase(),
                "a " + name + " waiter that returns from park undecided leaves as " + outcome
                        + " (a stray unpark taken for a wake-up)",
                WAIT_QUEUE,
                "        int outcome;\n"
                        + "        for (;;) {\n"
                        + "            outcome = w.status;\n"
                        + "            if (outcome != WAITING) {\n",
                "        int outcome;\n"
                        + "        for (boolean parked = false;; parked = true) {\n"
                        + "            outcome = w.status;\n"
                        + "            if (outcome == WAITING && parked && (blocker.getClass() == " + primitive.getName()
                        + ".class || blocker instanceof LockOwner && ((LockOwner) blocker).lock().getClass() == "
                        + primitive.getName() + ".class)) {\n"
                        + "                outcome = leave(w, " + outcome + ");\n"
                        + "            }\n"
                        + "            if (outcome != WAITING) {\n");
    }

    @Test
    @Verifies(primitive = "Lock", property = "mutant caught under stray unparks: a return from park taken as being handed the lock", tool = Tool.MUTANT)
    void lock() {
        Catch.assertCaught(parkReturnIsWakeUp(org.threading4j.Lock.class, "GRANTED"), LIMIT, STRAYS_ON,
                check("stress.LockStressTest", "handOffsToOneWaiter"),
                check("stress.LockStressTest", "freeForAll"));
    }

    @Test
    @Verifies(primitive = "RLock", property = "mutant caught under stray unparks: a return from park taken as being handed the lock", tool = Tool.MUTANT)
    void rlock() {
        Catch.assertCaught(parkReturnIsWakeUp(org.threading4j.RLock.class, "GRANTED"), LIMIT, STRAYS_ON,
                check("stress.RLockStressTest", "handOffsToTwoWaiters"),
                check("stress.RLockStressTest", "freeForAll"));
    }

    @Test
    @Verifies(primitive = "Condition", property = "mutant caught under stray unparks: a return from park taken as a signal", tool = Tool.MUTANT)
    void condition() {
        Catch.assertCaught(parkReturnIsWakeUp(org.threading4j.Condition.class, "SIGNALLED"), LIMIT, STRAYS_ON,
                check("property.ConditionPropertyTest", "randomSchedulesFollowTheModel"),
                check("stress.ConditionStressTest", "signalRacesTimeoutAndInterrupt"));
    }

    @Test
    @Verifies(primitive = "Semaphore", property = "mutant caught under stray unparks: a return from park taken as being handed a permit", tool = Tool.MUTANT)
    void semaphore() {
        Catch.assertCaught(parkReturnIsWakeUp(org.threading4j.Semaphore.class, "GRANTED"), LIMIT, STRAYS_ON,
                check("property.SemaphorePropertyTest", "permitsConservedWithTimedAndInterruptedWaiters"),
                check("stress.SemaphoreStressTest", "permitsConservedUnderTimeoutsAndInterrupts"));
    }

    @Test
    @Verifies(primitive = "BoundedSemaphore", property = "mutant caught under stray unparks: a return from park taken as being handed a permit", tool = Tool.MUTANT)
    void boundedSemaphore() {
        Catch.assertCaught(parkReturnIsWakeUp(org.threading4j.BoundedSemaphore.class, "GRANTED"), LIMIT, STRAYS_ON,
                check("property.SemaphorePropertyTest", "permitsConservedWithTimedAndInterruptedWaiters"));
    }

    @Test
    @Verifies(primitive = "Event", property = "mutant caught under stray unparks: a return from park taken as set()", tool = Tool.MUTANT)
    void event() {
        Catch.assertCaught(parkReturnIsWakeUp(org.threading4j.Event.class, "SIGNALLED"), LIMIT, STRAYS_ON,
                check("property.EventPropertyTest", "randomSchedulesFollowTheModel"),
                check("stress.EventStressTest", "setAndClearRaceRegisteringWaiters"));
    }

    @Test
    @Verifies(primitive = "Barrier", property = "mutant caught under stray unparks: a return from park taken as the trip", tool = Tool.MUTANT)
    void barrier() {
        Catch.assertCaught(parkReturnIsWakeUp(org.threading4j.Barrier.class, "GRANTED"), LIMIT, STRAYS_ON,
                check("stress.BarrierStressTest", "cleanCycles")); // by a hang: a party left the queue the trip drains
    }

    @Test
    @Verifies(primitive = "Timer", property = "mutant caught under stray unparks: a return from park taken as cancel()", tool = Tool.MUTANT)
    void timer() {
        Catch.assertCaught(parkReturnIsWakeUp(org.threading4j.Timer.class, "SIGNALLED"), LIMIT, STRAYS_ON,
                check("property.TimerPropertyTest", "realTimerFollowsSpec"),
                check("stress.TimerStressTest", "cancelRacingFire"));
    }
}
