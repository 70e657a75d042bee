package org.threading4j.checks.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.threading4j.BoundedSemaphore;
import org.threading4j.Semaphore;
import org.threading4j.checks.subjects.SemaphoreSubjects.Mode;
import org.threading4j.checks.subjects.SemaphoreSubjects.Status;
import org.threading4j.checks.subjects.SemaphoreSubjects;
import org.threading4j.checks.support.Depth;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Threads;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.checks.support.Workers;

/**
 * The Semaphore contract against the real class, plus what only a real semaphore has: default
 * constructors, time, interrupt status, and the blocker seen in thread dumps.
 */
public class SemaphorePrimitiveContractTest extends SemaphoreContract {

    @Override
    SemaphoreSubjects.Subject create(int value) {
        return SemaphoreSubjects.real(value, false);
    }

    @Test
    @Verifies(primitive = "Semaphore", property = "Semaphore() and BoundedSemaphore() have one permit", tool = Tool.CONTRACT)
    void defaults() {
        assertEquals(1, new Semaphore().value());
        BoundedSemaphore b = new BoundedSemaphore();
        assertEquals(1, b.value());
        assertThrows(IllegalStateException.class, b::release);
        Evidence.explored(2, "scenarios");
    }

    @Test
    @Verifies(primitive = "Semaphore", property = "interrupt pending on entry: interruptible forms throw, state unchanged", tool = Tool.CONTRACT)
    @Verifies(primitive = "BoundedSemaphore", property = "interrupt pending on entry: interruptible forms throw, state unchanged", tool = Tool.CONTRACT)
    void pendingInterrupt() {
        for (Semaphore s : new Semaphore[] {new Semaphore(1), new BoundedSemaphore(1)}) {
            Thread.currentThread().interrupt();
            assertThrows(InterruptedException.class, s::acquireInterruptibly);
            assertFalse(Thread.interrupted(), "InterruptedException clears the status");
            Thread.currentThread().interrupt();
            assertThrows(InterruptedException.class, () -> s.tryAcquire(Duration.ZERO));
            Thread.currentThread().interrupt();
            assertThrows(InterruptedException.class, () -> s.tryAcquire(Duration.ofSeconds(1)));
            assertEquals(1, s.value(), "a permit was taken by a call that threw");
            Thread.currentThread().interrupt();
            s.acquire(); // not interruptible: takes the permit and keeps the interrupt
            assertTrue(Thread.interrupted(), "acquire() must keep the interrupt");
            assertEquals(0, s.value());
            Thread.currentThread().interrupt();
            assertFalse(s.tryAcquire()); // tryAcquire() ignores interrupts: no exception
            assertTrue(Thread.interrupted());
            s.release();
        }
        Evidence.explored(2, "scenarios");
    }

    @Test
    @Verifies(primitive = "Semaphore", property = "timed acquire returns false at its deadline, taking nothing", tool = Tool.CONTRACT)
    void timedOut() throws InterruptedException {
        Semaphore s = new Semaphore(0);
        long t0 = System.nanoTime();
        assertFalse(s.tryAcquire(Duration.ofMillis(20)));
        assertTrue(System.nanoTime() - t0 >= Duration.ofMillis(20).toNanos(), "returned before its deadline");
        assertEquals(0, s.value());
        s.release();
        assertEquals(1, s.value(), "the timed-out waiter must not take a later permit");
        Evidence.explored(1, "scenario");
    }

    @Test
    @Verifies(primitive = "Semaphore", property = "a zero timeout never waits", tool = Tool.CONTRACT)
    void zeroTimeoutNeverWaits() {
        Semaphore s = new Semaphore(0);
        AtomicBoolean result = new AtomicBoolean(true);
        // nobody ever releases: a zero-timeout call that parked would hang and trip the watchdog
        Workers.run("zero-timeout", 1, Duration.ofSeconds(30), id -> {
            for (int i = 0; i < 1000; i++) {
                result.set(result.get() & !s.tryAcquire(Duration.ZERO));
                result.set(result.get() & !s.tryAcquire(Duration.ofNanos(0)));
            }
        });
        assertTrue(result.get());
        assertEquals(0, s.value());
        Evidence.explored(2000, "calls");
    }

    @Test
    @Verifies(primitive = "Semaphore", property = "a timeout too large for long nanoseconds waits for a release", tool = Tool.CONTRACT)
    void hugeTimeoutWaits() throws InterruptedException {
        Semaphore s = new Semaphore(0);
        AtomicBoolean got = new AtomicBoolean();
        Workers w = Workers.start("huge-timeout", 1, id -> got.set(s.tryAcquire(Duration.ofSeconds(Long.MAX_VALUE))));
        Threads.awaitParked(w.threads().get(0), s);
        s.release();
        w.join(Threads.GENEROUS);
        assertTrue(got.get());
        assertEquals(0, s.value());
        Evidence.explored(1, "scenario");
    }

    @Test
    @Verifies(primitive = "Semaphore", property = "acquire() interrupted while parked: returns with the permit, interrupt kept", tool = Tool.CONTRACT)
    void acquireKeepsInterrupt() {
        SemaphoreSubjects.Subject s = sem(0);
        int a = s.startAcquire(Mode.ACQUIRE);
        s.interrupt(a);
        assertEquals(Status.WAITING, s.status(a, Status.WAITING));
        s.release();
        assertEquals(Status.ACQUIRED, s.status(a, Status.ACQUIRED));
        assertTrue(s.interruptKept(a), "the interrupt was lost");
        Evidence.explored(1, "scenario");
    }

    /**
     * A waiter interrupted right after a release picked it (hand-off or wake-up) must honour the pick:
     * return with the permit, never throw {@code InterruptedException} and drop the permit. The waiter has
     * waited well over the hand-off threshold (about 1 ms) before the release, so the permit is handed to
     * it directly; the interrupt follows the release at once. Whether the interrupt lands before the waiter
     * returns is a race (then the status must still be set on return); the rounds where it did are counted.
     */
    @Test
    @Verifies(primitive = "Semaphore", property = "waiter interrupted as a permit is handed to it keeps it and reports success", tool = Tool.CONTRACT)
    public void interruptAtHandOffKeepsThePermit() {
        int rounds = Depth.pick(40, 400);
        int interruptSeen = 0;
        for (int r = 0; r < rounds; r++) {
            Semaphore s = new Semaphore(0);
            boolean timed = (r & 1) == 1;
            AtomicBoolean got = new AtomicBoolean();
            AtomicBoolean interruptedOnReturn = new AtomicBoolean();
            Workers w = Workers.start("handoff-r" + r, 1, id -> {
                if (timed) {
                    got.set(s.tryAcquire(Duration.ofHours(1)));
                } else {
                    s.acquireInterruptibly();
                    got.set(true);
                }
                interruptedOnReturn.set(Thread.currentThread().isInterrupted());
            });
            Thread waiter = w.threads().get(0);
            Threads.awaitParked(waiter, s);
            long parked = System.nanoTime();
            // a time requirement, not a synchronisation: the waiter must have waited past the hand-off threshold
            Threads.awaitCondition("2 ms past the waiter's park", () -> System.nanoTime() - parked > 2_000_000L);
            s.release();
            waiter.interrupt();
            w.join(Threads.GENEROUS); // rethrows an InterruptedException: the waiter dropped its permit
            assertTrue(got.get(), "round " + r + ": the waiter did not take the permit handed to it");
            assertEquals(0, s.value(), "round " + r + ": permit lost or doubled");
            interruptSeen += interruptedOnReturn.get() ? 1 : 0;
        }
        Evidence.explored(rounds, "hand-offs interrupted at once (" + interruptSeen + " with the interrupt landing before the waiter returned)");
    }

    @Test
    @Verifies(primitive = "Semaphore", property = "a parked waiter's blocker is the semaphore", tool = Tool.CONTRACT)
    void blockerIsTheSemaphore() throws InterruptedException {
        Semaphore s = new BoundedSemaphore(1);
        s.acquire();
        Workers w = Workers.start("blocker", 1, id -> s.acquire());
        Threads.awaitParked(w.threads().get(0), s); // fails unless getBlocker(thread) == s
        s.release();
        w.join(Threads.GENEROUS);
        assertEquals(0, s.value());
        Evidence.explored(1, "scenario");
    }
}
