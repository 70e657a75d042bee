package org.threading4j.checks.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.threading4j.Held;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/**
 * The contract of {@code Lock}, run against {@code LockSpec} ({@link LockSpecContractTest}) and
 * the real {@code Lock} ({@link LockContractTest}). Calls without a caller are made by caller 0 (the test
 * thread); {@code ...As(1)} by another thread. Every call here returns without waiting; blocking is tested
 * per subject, with real threads or with the spec's pending requests.
 */
abstract class LockContract {

    /** The Lock API as both subjects offer it; caller 0 is the test thread. */
    interface Subject extends AutoCloseable {
        boolean tryAcquire();

        boolean tryAcquire(Duration timeout) throws InterruptedException;

        void acquire();

        void acquireInterruptibly() throws InterruptedException;

        Held hold();

        void release();

        boolean locked();

        boolean tryAcquireAs(int caller);

        void releaseAs(int caller);

        /** {@code Thread.currentThread().interrupt()} by caller 0. */
        void interruptSelf();

        /** {@code Thread.currentThread().isInterrupted()} of caller 0. */
        boolean isInterrupted();

        @Override
        void close();
    }

    /** The subject under test, one per test instance. */
    abstract Subject s();

    @AfterEach
    void closeSubject() {
        s().close();
    }

    private static final Duration HUGE = Duration.ofSeconds(Long.MAX_VALUE);
    private static final String LOCK = "Lock";

    @Test
    @Verifies(primitive = LOCK, property = "tryAcquire takes a free lock only; locked() tells", tool = Tool.CONTRACT)
    void tryAcquireTakesAFreeLockOnly() {
        assertFalse(s().locked(), "a new lock is unlocked");
        assertTrue(s().tryAcquire());
        assertTrue(s().locked());
        assertFalse(s().tryAcquire(), "not reentrant: the holder's tryAcquire fails");
        assertFalse(s().tryAcquireAs(1));
        assertTrue(s().locked());
        s().release();
        assertFalse(s().locked());
        Evidence.explored(7, "calls");
    }

    @Test
    @Verifies(primitive = LOCK, property = "release of an unlocked lock: IMSE \"release unlocked lock\", state unchanged", tool = Tool.CONTRACT)
    void releaseOfUnlockedLockThrows() {
        IllegalMonitorStateException e = assertThrows(IllegalMonitorStateException.class, s()::release);
        assertEquals("release unlocked lock", e.getMessage());
        assertFalse(s().locked());
        assertTrue(s().tryAcquire(), "still usable after the bad release");
        s().release();
        e = assertThrows(IllegalMonitorStateException.class, () -> s().releaseAs(1));
        assertEquals("release unlocked lock", e.getMessage());
        assertFalse(s().locked());
        Evidence.explored(6, "calls");
    }

    @Test
    @Verifies(primitive = LOCK, property = "any thread may release", tool = Tool.CONTRACT)
    void anyThreadMayRelease() {
        assertTrue(s().tryAcquire());
        s().releaseAs(1);
        assertFalse(s().locked());
        assertTrue(s().tryAcquireAs(1));
        s().release();
        assertFalse(s().locked());
        Evidence.explored(4, "calls");
    }

    @Test
    @Verifies(primitive = LOCK, property = "acquire, acquireInterruptibly and hold take a free lock", tool = Tool.CONTRACT)
    void blockingFormsTakeAFreeLock() throws InterruptedException {
        s().acquire();
        assertTrue(s().locked());
        s().release();
        s().acquireInterruptibly();
        assertTrue(s().locked());
        s().release();
        try (Held h = s().hold()) {
            assertTrue(s().locked());
        }
        assertFalse(s().locked(), "close() released");
        Held h = s().hold();
        h.close();
        IllegalMonitorStateException e = assertThrows(IllegalMonitorStateException.class, h::close,
                "close() is a release: a second one is a release of an unlocked lock");
        assertEquals("release unlocked lock", e.getMessage());
        Evidence.explored(9, "calls");
    }

    @Test
    @Verifies(primitive = LOCK, property = "zero timeout tries once; huge timeout on a free lock succeeds", tool = Tool.CONTRACT)
    void timedTryAcquire() throws InterruptedException {
        assertTrue(s().tryAcquire(Duration.ZERO));
        assertFalse(s().tryAcquire(Duration.ZERO), "zero on a held lock: false at once");
        assertTrue(s().locked());
        s().release();
        assertTrue(s().tryAcquire(Duration.ofMillis(1)));
        s().release();
        assertTrue(s().tryAcquire(HUGE), "a Duration too large for long nanos means forever");
        s().release();
        assertFalse(s().locked());
        Evidence.explored(7, "calls");
    }

    @Test
    @Verifies(primitive = LOCK, property = "bad timeout (negative: IAE, null: NPE) changes nothing, checked before the interrupt", tool = Tool.CONTRACT)
    void badTimeoutChangesNothing() {
        for (boolean held : new boolean[] {false, true}) {
            if (held) {
                assertTrue(s().tryAcquire());
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> s().tryAcquire(Duration.ofNanos(-1)));
            assertEquals("timeout value must be a non-negative number", e.getMessage());
            assertThrows(NullPointerException.class, () -> s().tryAcquire(null));
            assertEquals(held, s().locked());
            s().interruptSelf();
            assertThrows(IllegalArgumentException.class, () -> s().tryAcquire(Duration.ofSeconds(-5)),
                    "arguments are checked before the pending interrupt");
            assertTrue(s().isInterrupted(), "the interrupt is still pending");
            assertEquals(held, s().locked());
            // consume the interrupt with a call that throws it
            assertThrows(InterruptedException.class, () -> s().tryAcquire(Duration.ZERO));
            assertFalse(s().isInterrupted());
        }
        s().release();
        Evidence.explored(12, "calls");
    }

    @Test
    @Verifies(primitive = LOCK, property = "pending interrupt: acquireInterruptibly/tryAcquire(Duration) throw, lock unchanged", tool = Tool.CONTRACT)
    void pendingInterruptThrowsAndChangesNothing() {
        s().interruptSelf();
        assertThrows(InterruptedException.class, s()::acquireInterruptibly);
        assertFalse(s().isInterrupted(), "the InterruptedException consumed the interrupt");
        assertFalse(s().locked(), "nothing acquired");
        for (Duration t : new Duration[] {Duration.ZERO, Duration.ofMillis(5), HUGE}) {
            s().interruptSelf();
            assertThrows(InterruptedException.class, () -> s().tryAcquire(t), "timeout " + t);
            assertFalse(s().isInterrupted());
            assertFalse(s().locked(), "nothing acquired");
        }
        assertTrue(s().tryAcquire());
        s().interruptSelf();
        assertThrows(InterruptedException.class, () -> s().tryAcquire(Duration.ZERO));
        assertTrue(s().locked(), "still held: the failed call released nothing");
        s().release();
        Evidence.explored(12, "calls");
    }

    @Test
    @Verifies(primitive = LOCK, property = "acquire(), tryAcquire() and hold() keep a pending interrupt", tool = Tool.CONTRACT)
    void uninterruptibleFormsKeepTheInterrupt() {
        s().interruptSelf();
        s().acquire();
        assertTrue(s().locked());
        assertTrue(s().isInterrupted(), "acquire() keeps the interrupt");
        s().release();
        assertTrue(s().tryAcquire());
        assertTrue(s().isInterrupted(), "tryAcquire() keeps the interrupt");
        s().release();
        try (Held h = s().hold()) {
            assertTrue(s().locked());
        }
        assertTrue(s().isInterrupted(), "hold() keeps the interrupt");
        assertFalse(s().locked());
        Evidence.explored(7, "calls");
    }
}
