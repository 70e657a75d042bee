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
 * The contract of {@code RLock}, run against {@code RLockSpec} ({@link RLockSpecContractTest})
 * and the real {@code RLock} ({@link RLockContractTest}). Every call names its caller: 0 is the test
 * thread, 1 and 2 are other threads. Every call here returns without waiting.
 */
public abstract class RLockContract {

    /** The RLock API as both subjects offer it, each call made by the given caller. */
    interface Subject extends AutoCloseable {
        boolean tryAcquire(int c);

        boolean tryAcquire(int c, Duration timeout) throws InterruptedException;

        void acquire(int c);

        void acquireInterruptibly(int c) throws InterruptedException;

        /** {@code hold()} by {@code c}; the returned Held's {@code close()} also runs as {@code c}. */
        Held hold(int c);

        void release(int c);

        boolean locked(int c);

        boolean isHeldByCurrentThread(int c);

        int holdCount(int c);

        void interrupt(int c);

        boolean isInterrupted(int c);

        @Override
        void close();
    }

    abstract Subject s();

    @AfterEach
    void closeSubject() {
        s().close();
    }

    private static final String RLOCK = "RLock";
    private static final String UN_ACQUIRED = "cannot release un-acquired lock";

    /** locked(), holdCount() and isHeldByCurrentThread() as seen by callers 0, 1 and 2. */
    private void assertState(int owner, int count) {
        for (int c = 0; c <= 2; c++) {
            assertEquals(owner >= 0, s().locked(c), "locked() seen by caller " + c);
            assertEquals(c == owner, s().isHeldByCurrentThread(c), "isHeldByCurrentThread() of caller " + c);
            assertEquals(c == owner ? count : 0, s().holdCount(c), "holdCount() of caller " + c);
        }
    }

    @Test
    @Verifies(primitive = RLOCK, property = "recursion: holdCount counts the owner's holds; others see locked, count 0", tool = Tool.CONTRACT)
    void recursionCountsHolds() {
        assertState(-1, 0);
        assertTrue(s().tryAcquire(0));
        assertTrue(s().tryAcquire(0));
        s().acquire(0);
        assertState(0, 3);
        assertFalse(s().tryAcquire(1), "another caller cannot take it");
        assertState(0, 3);
        s().release(0);
        s().release(0);
        assertState(0, 1);
        s().release(0);
        assertState(-1, 0);
        assertTrue(s().tryAcquire(1), "free for anyone after the last release");
        assertState(1, 1);
        s().release(1);
        Evidence.explored(9 + 6 * 9, "calls");
    }

    @Test
    @Verifies(primitive = RLOCK, property = "release by a non-owner: IMSE \"cannot release un-acquired lock\", state unchanged", tool = Tool.CONTRACT)
    public void nonOwnerReleaseThrows() {
        IllegalMonitorStateException e = assertThrows(IllegalMonitorStateException.class, () -> s().release(0));
        assertEquals(UN_ACQUIRED, e.getMessage(), "release of a free RLock");
        assertState(-1, 0);
        assertTrue(s().tryAcquire(0));
        assertTrue(s().tryAcquire(0));
        e = assertThrows(IllegalMonitorStateException.class, () -> s().release(1));
        assertEquals(UN_ACQUIRED, e.getMessage(), "release by another thread");
        assertState(0, 2);
        s().release(0);
        s().release(0);
        e = assertThrows(IllegalMonitorStateException.class, () -> s().release(0));
        assertEquals(UN_ACQUIRED, e.getMessage(), "one release too many");
        assertState(-1, 0);
        Evidence.explored(8 + 3 * 9, "calls");
    }

    @Test
    @Verifies(primitive = RLOCK, property = "the owner's acquire never waits, whatever the method", tool = Tool.CONTRACT)
    void ownerNeverWaits() throws InterruptedException {
        s().acquire(0);
        s().acquireInterruptibly(0);
        assertTrue(s().tryAcquire(0));
        assertTrue(s().tryAcquire(0, Duration.ZERO), "zero timeout: the owner still gets a hold");
        assertTrue(s().tryAcquire(0, Duration.ofHours(1)));
        assertTrue(s().tryAcquire(0, Duration.ofSeconds(Long.MAX_VALUE)));
        try (Held h = s().hold(0)) {
            assertState(0, 7);
        }
        assertState(0, 6);
        for (int i = 0; i < 6; i++) {
            s().release(0);
        }
        assertState(-1, 0);
        Evidence.explored(14 + 3 * 9, "calls");
    }

    @Test
    @Verifies(primitive = RLOCK, property = "zero timeout on another's lock: false at once; huge timeout on a free lock succeeds", tool = Tool.CONTRACT)
    void timedTryAcquire() throws InterruptedException {
        assertTrue(s().tryAcquire(1, Duration.ZERO));
        assertFalse(s().tryAcquire(0, Duration.ZERO));
        assertFalse(s().tryAcquire(2, Duration.ZERO));
        assertState(1, 1);
        s().release(1);
        assertTrue(s().tryAcquire(0, Duration.ofSeconds(Long.MAX_VALUE)));
        assertState(0, 1);
        s().release(0);
        Evidence.explored(6 + 2 * 9, "calls");
    }

    @Test
    @Verifies(primitive = RLOCK, property = "bad timeout (negative: IAE even for the owner, null: NPE) changes nothing", tool = Tool.CONTRACT)
    void badTimeoutChangesNothing() {
        for (int owner : new int[] {-1, 0}) {
            if (owner == 0) {
                assertTrue(s().tryAcquire(0));
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> s().tryAcquire(0, Duration.ofMillis(-1)), "arguments are checked before ownership");
            assertEquals("timeout value must be a non-negative number", e.getMessage());
            assertThrows(NullPointerException.class, () -> s().tryAcquire(0, null));
            assertState(owner, owner == 0 ? 1 : 0);
            s().interrupt(0);
            assertThrows(IllegalArgumentException.class, () -> s().tryAcquire(0, Duration.ofSeconds(-1)),
                    "arguments are checked before the pending interrupt");
            assertTrue(s().isInterrupted(0));
            assertThrows(InterruptedException.class, () -> s().tryAcquire(0, Duration.ZERO));
            assertFalse(s().isInterrupted(0));
            assertState(owner, owner == 0 ? 1 : 0);
        }
        s().release(0);
        Evidence.explored(14 + 4 * 9, "calls");
    }

    @Test
    @Verifies(primitive = RLOCK, property = "pending interrupt: acquireInterruptibly/tryAcquire(Duration) throw, even for the owner, holds unchanged", tool = Tool.CONTRACT)
    void pendingInterruptThrowsAndChangesNothing() {
        for (int owner : new int[] {-1, 0, 1}) {
            if (owner >= 0) {
                assertTrue(s().tryAcquire(owner));
                assertTrue(s().tryAcquire(owner));
            }
            int count = owner >= 0 ? 2 : 0;
            s().interrupt(0);
            assertThrows(InterruptedException.class, () -> s().acquireInterruptibly(0));
            assertFalse(s().isInterrupted(0));
            assertState(owner, count);
            for (Duration t : new Duration[] {Duration.ZERO, Duration.ofMillis(5)}) {
                s().interrupt(0);
                assertThrows(InterruptedException.class, () -> s().tryAcquire(0, t));
                assertFalse(s().isInterrupted(0));
                assertState(owner, count);
            }
            if (owner >= 0) {
                s().release(owner);
                s().release(owner);
            }
        }
        Evidence.explored(3 * (3 * 3 + 3 * 9), "calls");
    }

    @Test
    @Verifies(primitive = RLOCK, property = "acquire(), tryAcquire() and hold() keep a pending interrupt", tool = Tool.CONTRACT)
    void uninterruptibleFormsKeepTheInterrupt() {
        s().interrupt(0);
        s().acquire(0);
        assertTrue(s().isInterrupted(0));
        assertTrue(s().tryAcquire(0));
        assertTrue(s().isInterrupted(0));
        try (Held h = s().hold(0)) {
            assertState(0, 3);
        }
        assertTrue(s().isInterrupted(0));
        s().release(0);
        s().release(0);
        assertState(-1, 0);
        Evidence.explored(10 + 2 * 9, "calls");
    }

    @Test
    @Verifies(primitive = RLOCK, property = "hold(): with-blocks nest; close() releases one hold of its caller", tool = Tool.CONTRACT)
    void holdNests() {
        try (Held outer = s().hold(1)) {
            try (Held inner = s().hold(1)) {
                assertState(1, 2);
            }
            assertState(1, 1);
        }
        assertState(-1, 0);
        Held h = s().hold(2);
        h.close();
        IllegalMonitorStateException e = assertThrows(IllegalMonitorStateException.class, h::close);
        assertEquals(UN_ACQUIRED, e.getMessage());
        Evidence.explored(7 + 3 * 9, "calls");
    }
}
