package org.threading4j.checks.fray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pastalab.fray.core.command.SystemTimeDelegateType;
import org.pastalab.fray.junit.junit5.FrayTestExtension;
import org.pastalab.fray.junit.junit5.annotations.FrayTest;
import org.threading4j.Timer;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/**
 * Timer's cancel-versus-fire decision under Fray (mock clock): a cancel() racing the timer thread's start,
 * its first wait and its deadline, while two threads join the timer (the "finished" flag is a wake-all
 * path too). Asserted: the action ran exactly once iff no cancel() returned true, at most one cancel()
 * won, both joiners return, and the timer is finished afterwards.
 */
@ExtendWith({FrayTestExtension.class, FrayEvidence.class})
class TimerFrayTest {

    /** Counts the action's runs; written by the timer's thread, read after join (which publishes it). */
    private static final class Runs implements Runnable {
        volatile int count;

        @Override
        public void run() {
            count++;
        }
    }

    @FrayTest(iterations = 500, resetClassLoaderPerIteration = false,
            systemTimeDelegateType = SystemTimeDelegateType.MOCK)
    @Verifies(primitive = "Timer", property = "cancel() racing start and the first wait: fires iff not "
            + "cancelled, joiners all return", tool = Tool.FRAY)
    void cancelRacingStartAndFirstWait() throws Exception {
        Runs runs = new Runs();
        Timer t = new Timer(Duration.ofMillis(1), runs);
        Actor canceller = Actor.start("canceller", t::cancel); // may come before start()
        t.start();
        Actor j1 = Actor.start("joiner-1", () -> {
            t.join();
            return t.isAlive();
        });
        Actor j2 = Actor.start("joiner-2", () -> {
            t.join();
            return t.isAlive();
        });
        boolean cancelled = (Boolean) canceller.join().result();
        j1.join().assertReturned(false);
        j2.join().assertReturned(false);
        assertEquals(cancelled ? 0 : 1, runs.count, "cancel() returned " + cancelled);
        assertEquals(cancelled, t.isCancelled());
        assertFalse(t.cancel(), "the decision is made once");
    }

    @FrayTest(iterations = 400, resetClassLoaderPerIteration = false,
            systemTimeDelegateType = SystemTimeDelegateType.MOCK)
    @Verifies(primitive = "Timer", property = "two cancel() racing the deadline: at most one wins, "
            + "fires iff none did", tool = Tool.FRAY)
    void twoCancelsRacingTheDeadline() throws Exception {
        Runs runs = new Runs();
        Timer t = new Timer(Duration.ofMillis(1), runs);
        t.start();
        Actor c1 = Actor.start("cancel-1", t::cancel);
        Actor c2 = Actor.start("cancel-2", t::cancel);
        Actor joiner = Actor.start("joiner", () -> {
            t.join();
            return true;
        });
        int won = ((Boolean) c1.join().result() ? 1 : 0) + ((Boolean) c2.join().result() ? 1 : 0);
        joiner.join().assertReturned(true);
        t.join();
        assertTrue(won <= 1, won + " cancels won");
        assertEquals(won == 1 ? 0 : 1, runs.count);
        assertEquals(won == 1, t.isCancelled());
        assertFalse(t.isAlive());
    }
}
