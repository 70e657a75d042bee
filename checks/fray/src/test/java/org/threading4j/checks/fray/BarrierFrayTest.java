package org.threading4j.checks.fray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pastalab.fray.core.command.SystemTimeDelegateType;
import org.pastalab.fray.junit.junit5.FrayTestExtension;
import org.pastalab.fray.junit.junit5.annotations.FrayTest;
import org.threading4j.Barrier;
import org.threading4j.BrokenBarrierException;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/**
 * Barrier's wake-all paths under Fray: the trip (which departs every parked party, the released parties
 * helping to unpark the others), and the breaks that release a whole cycle at once (timeout, reset, abort).
 */
@ExtendWith({FrayTestExtension.class, FrayEvidence.class})
class BarrierFrayTest {

    /** Three parties, two cycles: every party returns a distinct index each cycle, after the action ran. */
    @FrayTest(iterations = 400, resetClassLoaderPerIteration = false)
    @Verifies(primitive = "Barrier", property = "no lost wake-up: the trip releases every party (3 parties, "
            + "2 cycles, helpers)", tool = Tool.FRAY)
    void tripReleasesEveryParty() throws Exception {
        int[] actions = new int[1]; // written by the last arrival only; the trip publishes it
        Barrier b = new Barrier(3, () -> actions[0]++);
        Actor[] parties = new Actor[3];
        for (int i = 0; i < parties.length; i++) {
            parties[i] = Actor.start("party-" + i, () -> {
                int first = b.await();
                int seenFirst = actions[0];
                int second = b.await();
                int seenSecond = actions[0];
                return new int[] {first, seenFirst, second, seenSecond};
            });
        }
        boolean[][] index = new boolean[2][3];
        for (Actor p : parties) {
            int[] r = (int[]) p.join().result();
            assertFalse(index[0][r[0]], "index " + r[0] + " twice in cycle 1");
            assertFalse(index[1][r[2]], "index " + r[2] + " twice in cycle 2");
            index[0][r[0]] = true;
            index[1][r[2]] = true;
            assertTrue(r[1] >= 1, "returned from cycle 1 before its action: " + Arrays.toString(r));
            assertEquals(2, r[3], "cycle 2's action not seen: " + Arrays.toString(r));
        }
        assertEquals(2, actions[0]);
        assertFalse(b.isBroken());
    }

    /**
     * Three parties, one waiting with a timeout (mock clock): the cycle either trips for all three or breaks
     * for all three (the timed party's timeout broke it before the last arrival); never a mix, never a hang.
     */
    @FrayTest(iterations = 400, resetClassLoaderPerIteration = false,
            systemTimeDelegateType = SystemTimeDelegateType.MOCK)
    @Verifies(primitive = "Barrier", property = "break by timeout releases every waiting party; all or none trip",
            tool = Tool.FRAY)
    void timeoutBreaksForEveryParty() throws Exception {
        Barrier b = new Barrier(3);
        Actor timed = Actor.start("timed", () -> b.await(Duration.ofMillis(1)));
        Actor plain = Actor.start("untimed", () -> b.await());
        Actor last = Actor.start("last", () -> b.await());
        Actor[] all = {timed, plain, last};
        int broken = 0;
        boolean[] index = new boolean[3];
        for (Actor p : all) {
            p.join();
            if (p.thrown() != null) {
                p.assertThrew(BrokenBarrierException.class);
                broken++;
            } else {
                int i = (Integer) p.result();
                assertFalse(index[i], "index " + i + " twice");
                index[i] = true;
            }
        }
        assertTrue(broken == 0 || broken == 3, broken + " of 3 parties broken: a cycle must trip or break whole");
        assertEquals(broken == 3, b.isBroken());
    }

    /**
     * Two parties of three queued, then reset() from another thread: both get BrokenBarrierException, the
     * barrier is not broken, and a full cycle trips afterwards.
     */
    @FrayTest(iterations = 300, resetClassLoaderPerIteration = false)
    @Verifies(primitive = "Barrier", property = "reset() releases every waiting party; usable again",
            tool = Tool.FRAY)
    void resetReleasesWaitingParties() throws Exception {
        Barrier b = new Barrier(3);
        Actor a = Actor.start("party-a", () -> b.await());
        Actor c = Actor.start("party-b", () -> b.await());
        if (!Actor.awaitQueued(a.thread()) || !Actor.awaitQueued(c.thread())) {
            b.abort(); // not this scenario (a party was never scheduled): release them and end the schedule
            a.join().assertThrew(BrokenBarrierException.class);
            c.join().assertThrew(BrokenBarrierException.class);
            return;
        }
        Actor resetter = Actor.start("resetter", () -> {
            b.reset();
            return null;
        });
        a.join().assertThrew(BrokenBarrierException.class);
        c.join().assertThrew(BrokenBarrierException.class);
        resetter.join().assertNoThrow();
        assertFalse(b.isBroken());
        Actor[] next = {Actor.start("next-0", () -> b.await()), Actor.start("next-1", () -> b.await()),
                        Actor.start("next-2", () -> b.await())};
        int sum = 0;
        for (Actor p : next) {
            sum += (Integer) p.join().result();
        }
        assertEquals(0 + 1 + 2, sum);
    }

    /**
     * Two parties of three arriving while abort() runs: both get BrokenBarrierException (queued ones are
     * released, later ones fail at once) and the barrier stays broken.
     */
    @FrayTest(iterations = 300, resetClassLoaderPerIteration = false)
    @Verifies(primitive = "Barrier", property = "abort() releases every waiting party and breaks the barrier",
            tool = Tool.FRAY)
    void abortReleasesWaitingParties() throws Exception {
        Barrier b = new Barrier(3);
        Actor a = Actor.start("party-a", () -> b.await());
        Actor c = Actor.start("party-b", () -> b.await());
        b.abort();
        a.join().assertThrew(BrokenBarrierException.class);
        c.join().assertThrew(BrokenBarrierException.class);
        assertTrue(b.isBroken());
        assertEquals(0, b.waiting());
    }
}
