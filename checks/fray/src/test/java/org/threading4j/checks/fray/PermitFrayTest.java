package org.threading4j.checks.fray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pastalab.fray.core.command.SystemTimeDelegateType;
import org.pastalab.fray.junit.junit5.FrayTestExtension;
import org.pastalab.fray.junit.junit5.annotations.FrayTest;
import org.threading4j.BoundedSemaphore;
import org.threading4j.Lock;
import org.threading4j.Semaphore;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/**
 * The permit engine's wake-n path under Fray: {@code release(n)} of a Semaphore and a BoundedSemaphore with
 * three waiters, one of them timing out (mock clock), and a Lock released to two waiters and a timed one.
 * Asserted: every untimed waiter gets a permit, a timed-out waiter took none, permits are conserved
 * (what is left equals what was released minus what was taken), and the Lock excludes.
 */
@ExtendWith({FrayTestExtension.class, FrayEvidence.class})
class PermitFrayTest {

    @FrayTest(iterations = 400, resetClassLoaderPerIteration = false,
            systemTimeDelegateType = SystemTimeDelegateType.MOCK)
    @Verifies(primitive = "Semaphore", property = "release(2) + release(1) racing 3 waiters (one timed): "
            + "no lost wake-up, permits conserved", tool = Tool.FRAY)
    void semaphoreReleaseN() throws Exception {
        Semaphore s = new Semaphore(0);
        releaseN(s, s::release);
    }

    @FrayTest(iterations = 400, resetClassLoaderPerIteration = false,
            systemTimeDelegateType = SystemTimeDelegateType.MOCK)
    @Verifies(primitive = "BoundedSemaphore", property = "release(2) + release(1) racing 3 waiters (one timed): "
            + "no lost wake-up, permits conserved, bound kept", tool = Tool.FRAY)
    void boundedSemaphoreReleaseN() throws Exception {
        BoundedSemaphore s = new BoundedSemaphore(3);
        for (int i = 0; i < 3; i++) {
            s.acquire();
        }
        releaseN(s, s::release);
    }

    /** Releases of 2 and 1 permits from two threads, while two untimed and one timed waiter acquire. */
    private static void releaseN(Semaphore s, java.util.function.IntConsumer release) throws Exception {
        Actor a = Actor.start("waiter-a", () -> {
            s.acquire();
            return true;
        });
        Actor b = Actor.start("waiter-b", () -> {
            s.acquire();
            return true;
        });
        Actor timed = Actor.start("timed", () -> s.tryAcquire(Duration.ofMillis(1)));
        Actor two = Actor.start("release-2", () -> {
            release.accept(2);
            return null;
        });
        release.accept(1);
        two.join().assertNoThrow();
        a.join().assertReturned(true);
        b.join().assertReturned(true);
        boolean timedGot = (Boolean) timed.join().result();
        assertEquals(timedGot ? 0 : 1, s.value(), "3 released, " + (timedGot ? 3 : 2) + " taken");
    }

    /** Mutual exclusion depth: how many threads are inside the critical section (guarded by the lock). */
    private static final class Section {
        int inside;
        int entries;

        void enter() {
            inside++;
            assertEquals(1, inside, "two threads inside the lock");
            entries++;
            Thread.yield(); // a scheduling point inside the section
            inside--;
        }
    }

    @FrayTest(iterations = 400, resetClassLoaderPerIteration = false,
            systemTimeDelegateType = SystemTimeDelegateType.MOCK)
    @Verifies(primitive = "Lock", property = "release to 2 waiters and a timed one: no lost wake-up, "
            + "mutual exclusion, hold conserved", tool = Tool.FRAY)
    void lockReleaseToWaiters() throws Exception {
        Lock lock = new Lock();
        Section section = new Section();
        lock.acquire();
        Actor a = Actor.start("waiter-a", () -> {
            lock.acquire();
            section.enter();
            lock.release();
            return true;
        });
        Actor b = Actor.start("waiter-b", () -> {
            lock.acquire();
            section.enter();
            lock.release();
            return true;
        });
        Actor timed = Actor.start("timed", () -> {
            if (!lock.tryAcquire(Duration.ofMillis(1))) {
                return false;
            }
            section.enter();
            lock.release();
            return true;
        });
        section.enter();
        lock.release();
        a.join().assertReturned(true);
        b.join().assertReturned(true);
        boolean timedGot = (Boolean) timed.join().result();
        assertEquals(timedGot ? 4 : 3, section.entries);
        assertFalse(lock.locked(), "every acquire released");
    }

    /**
     * A timed waiter queued first, an untimed one behind it, and a holder that releases and barges back in
     * several times: a release may wake the timed waiter as the competitor for the free lock and count it
     * awake, so the next release wakes nobody; if the timed waiter then times out, it must wake the untimed
     * one for the lock it stood for.
     */
    @FrayTest(iterations = 1500, resetClassLoaderPerIteration = false,
            systemTimeDelegateType = SystemTimeDelegateType.MOCK)
    @Verifies(primitive = "Lock", property = "a woken competitor that times out passes its wake-up on "
            + "(barging holder, timed and untimed waiter)", tool = Tool.FRAY)
    void lockWokenCompetitorTimesOut() throws Exception {
        Lock lock = new Lock();
        lock.acquire();
        Actor timed = Actor.start("timed", () -> {
            if (!lock.tryAcquire(Duration.ofMillis(1))) {
                return false;
            }
            lock.release();
            return true;
        });
        Actor.awaitQueued(timed.thread()); // queued or not, the releases below must let both through
        Actor untimed = Actor.start("untimed", () -> {
            lock.acquire();
            lock.release();
            return true;
        });
        Actor.awaitQueued(untimed.thread());
        for (int i = 0; i < 3; i++) {
            lock.release();
            lock.acquire(); // barge back in before the woken waiter takes it
        }
        lock.release();
        timed.join().assertNoThrow();
        untimed.join().assertReturned(true);
        assertFalse(lock.locked(), "every acquire released");
    }
}
