package org.threading4j.checks.fray;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pastalab.fray.core.command.SystemTimeDelegateType;
import org.pastalab.fray.junit.junit5.FrayTestExtension;
import org.pastalab.fray.junit.junit5.annotations.FrayTest;
import org.threading4j.Event;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/**
 * Event's wake-all path ({@code set()} resolving every queued waiter, the woken waiters helping to unpark
 * the rest) under Fray's controlled scheduler: every interleaving point of the waiters, the setter and the
 * helpers is a scheduling decision, so a schedule that loses a wake-up shows up as a deadlock.
 */
@ExtendWith({FrayTestExtension.class, FrayEvidence.class})
class EventFrayTest {

    /** Three waiters and one set(), every interleaving of registration, parking, resolving and helping. */
    @FrayTest(iterations = 1000, resetClassLoaderPerIteration = false)
    @Verifies(primitive = "Event", property = "no lost wake-up: set() wakes every waiter (3 waiters, helpers)",
            tool = Tool.FRAY)
    void setWakesEveryWaiter() throws Exception {
        Event e = new Event();
        Actor[] waiters = new Actor[3];
        for (int i = 0; i < waiters.length; i++) {
            waiters[i] = Actor.start("waiter-" + i, () -> {
                e.await();
                return e.isSet();
            });
        }
        e.set();
        for (Actor w : waiters) {
            w.join().assertReturned(true); // no clear(): the flag stays up
        }
    }

    /**
     * Four waiters, one set(), and a thread that unparks every waiter at arbitrary points (any code may call
     * {@code LockSupport.unpark} on any thread). A waiter woken that way while set() is still resolving sees
     * its own outcome early and helps: helpers then run during the resolve and meet claimed, decided and
     * undecided nodes in every order, which a schedule without stray unparks reaches only when a waiter has
     * not parked yet.
     */
    @FrayTest(iterations = 1000, resetClassLoaderPerIteration = false)
    @Verifies(primitive = "Event", property = "no lost wake-up: set() wakes every waiter while stray unparks wake "
            + "them early (4 waiters, helpers during the resolve)", tool = Tool.FRAY)
    void setWakesEveryWaiterUnderStrayUnparks() throws Exception {
        Event e = new Event();
        Actor[] waiters = new Actor[4];
        for (int i = 0; i < waiters.length; i++) {
            waiters[i] = Actor.start("waiter-" + i, () -> {
                e.await();
                return e.isSet();
            });
        }
        for (Actor w : waiters) {
            Actor.awaitQueued(w.thread()); // queued or not, set() below must release them
        }
        Actor stray = Actor.start("stray-unparks", () -> {
            for (int round = 0; round < 2; round++) {
                for (Actor w : waiters) {
                    LockSupport.unpark(w.thread());
                }
            }
            return null;
        });
        e.set();
        stray.join().assertNoThrow();
        for (Actor w : waiters) {
            w.join().assertReturned(true);
        }
    }

    /**
     * Two queued waiters, then set() and clear() from two threads at once: a waiter chosen by the set()
     * returns even if the flag is down again when it runs; a clear() first leaves them queued until a
     * later set().
     */
    @FrayTest(iterations = 300, resetClassLoaderPerIteration = false)
    @Verifies(primitive = "Event", property = "set() racing clear(): waiters queued before set() return true",
            tool = Tool.FRAY)
    void setRacingClear() throws Exception {
        Event e = new Event();
        Actor a = Actor.start("waiter-a", () -> e.await(Duration.ofDays(1)));
        Actor b = Actor.start("waiter-b", () -> e.await(Duration.ofDays(1)));
        if (!Actor.awaitQueued(a.thread()) || !Actor.awaitQueued(b.thread())) {
            e.set(); // not this scenario (a waiter was never scheduled): release them and end the schedule
            a.join().assertReturned(true);
            b.join().assertReturned(true);
            return;
        }
        Actor setter = Actor.start("setter", () -> {
            e.set();
            return null;
        });
        Actor clearer = Actor.start("clearer", () -> {
            e.clear();
            return null;
        });
        setter.join().assertNoThrow();
        clearer.join().assertNoThrow();
        // set() came before or after clear(); either way it found a and b queued and chose both.
        a.join().assertReturned(true);
        b.join().assertReturned(true);
    }

    /** Two queued waiters while a third registers as set() runs: all three return, the flag stays up. */
    @FrayTest(iterations = 400, resetClassLoaderPerIteration = false)
    @Verifies(primitive = "Event", property = "set() wakes a waiter registering while it runs", tool = Tool.FRAY)
    void setWithRegisteringWaiter() throws Exception {
        Event e = new Event();
        Actor a = Actor.start("waiter-a", () -> {
            e.await();
            return true;
        });
        Actor b = Actor.start("waiter-b", () -> {
            e.await();
            return true;
        });
        Actor.awaitQueued(a.thread()); // queued or not, set() below must release them
        Actor.awaitQueued(b.thread());
        Actor late = Actor.start("registering", () -> e.await(Duration.ofDays(1)));
        e.set();
        a.join().assertReturned(true);
        b.join().assertReturned(true);
        late.join().assertReturned(true); // queued before set() (chosen) or saw the flag up: true either way
        assertTrue(e.isSet());
    }

    /**
     * A timed waiter (mock clock: it may time out at any clock read), an untimed one and one that is
     * interrupted, all racing one set(): the untimed waiter always returns true; a timed-out waiter returns
     * false only if set() had not chosen it; an interrupted one either throws (and was not chosen) or returns
     * true with its interrupt status kept.
     */
    @FrayTest(iterations = 500, resetClassLoaderPerIteration = false,
            systemTimeDelegateType = SystemTimeDelegateType.MOCK)
    @Verifies(primitive = "Event", property = "set() with timed-out and interrupted waiters: no lost wake-up, "
            + "outcomes decided once", tool = Tool.FRAY)
    void setWithTimedAndInterruptedWaiters() throws Exception {
        Event e = new Event();
        Actor timed = Actor.start("timed", () -> e.await(Duration.ofMillis(1)));
        Actor plain = Actor.start("untimed", () -> {
            e.await();
            return true;
        });
        Actor interrupted = Actor.start("interrupted", () -> {
            e.await();
            return true;
        });
        interrupted.thread().interrupt();
        e.set();
        plain.join().assertReturned(true);
        timed.join().assertNoThrow();
        interrupted.join();
        if (interrupted.thrown() != null) {
            interrupted.assertThrew(InterruptedException.class);
            assertFalse(interrupted.interruptedAtEnd(), "InterruptedException clears the status");
        } else {
            interrupted.assertReturned(true);
            assertTrue(interrupted.interruptedAtEnd(), "an interrupt that lost to set() is kept");
        }
        assertTrue(e.isSet());
    }
}
