package org.threading4j.checks.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.threading4j.Held;
import org.threading4j.checks.subjects.SemaphoreSubjects.Mode;
import org.threading4j.checks.subjects.SemaphoreSubjects.Status;
import org.threading4j.checks.subjects.SemaphoreSubjects.Subject;
import org.threading4j.checks.subjects.SemaphoreSubjects;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.specs.SemaphoreSpec;

/**
 * The Semaphore contract, run against the model ({@link SemaphoreSpecContractTest}) and the real semaphore
 * ({@link SemaphorePrimitiveContractTest}). Blocking acquires are background waiters (see
 * {@link SemaphoreSubjects}); every answer here is deterministic.
 */
abstract class SemaphoreContract {

    private Subject current;

    abstract Subject create(int value);

    /** A fresh subject, closed after the test. */
    Subject sem(int value) {
        current = create(value);
        return current;
    }

    @AfterEach
    void closeSubject() {
        if (current != null) {
            current.close();
        }
    }

    @Test
    @Verifies(primitive = "Semaphore", property = "initial value; negative initial value throws IAE", tool = Tool.CONTRACT)
    void initialValue() {
        assertEquals(0, sem(0).value());
        assertEquals(5, sem(5).value());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> create(-1));
        assertEquals(SemaphoreSpec.NEGATIVE_VALUE, e.getMessage());
        Evidence.explored(3, "scenarios");
    }

    @Test
    @Verifies(primitive = "Semaphore", property = "tryAcquire takes a free permit; false and unchanged at zero", tool = Tool.CONTRACT)
    void tryAcquire() {
        Subject s = sem(2);
        assertTrue(s.tryAcquire());
        assertTrue(s.tryAcquire());
        assertEquals(0, s.value());
        assertFalse(s.tryAcquire());
        assertEquals(0, s.value());
        Evidence.explored(1, "scenario");
    }

    @Test
    @Verifies(primitive = "Semaphore", property = "release(n) adds n; n < 1 throws IAE and changes nothing", tool = Tool.CONTRACT)
    void releaseN() {
        Subject s = sem(0);
        s.release();
        s.release(3);
        assertEquals(4, s.value());
        for (int bad : new int[] {0, -1, Integer.MIN_VALUE}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.release(bad));
            assertEquals(SemaphoreSpec.BAD_N, e.getMessage());
            assertEquals(4, s.value());
        }
        Evidence.explored(1, "scenario");
    }

    @Test
    @Verifies(primitive = "Semaphore", property = "value above Integer.MAX_VALUE refused with ISE, nothing released", tool = Tool.CONTRACT)
    void overflowRefused() {
        Subject s = sem(Integer.MAX_VALUE - 1);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.release(2));
        assertEquals(SemaphoreSpec.OVERFLOW, e.getMessage());
        assertEquals(Integer.MAX_VALUE - 1, s.value());
        s.release();
        assertEquals(Integer.MAX_VALUE, s.value());
        Evidence.explored(1, "scenario");
    }

    @Test
    @Verifies(primitive = "Semaphore", property = "zero timeout tries once; null NPE, negative IAE, unchanged", tool = Tool.CONTRACT)
    void timeoutArguments() throws InterruptedException {
        Subject s = sem(1);
        assertThrows(NullPointerException.class, () -> s.tryAcquire(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.tryAcquire(Duration.ofNanos(-1)));
        assertEquals(SemaphoreSpec.NEGATIVE_TIMEOUT, e.getMessage());
        assertEquals(1, s.value());
        assertTrue(s.tryAcquire(Duration.ZERO));
        assertFalse(s.tryAcquire(Duration.ZERO));
        assertEquals(0, s.value());
        Evidence.explored(1, "scenario");
    }

    @Test
    @Verifies(primitive = "Semaphore", property = "hold() takes a permit, close() returns it", tool = Tool.CONTRACT)
    void hold() {
        Subject s = sem(2);
        try (Held h = s.hold()) {
            assertEquals(1, s.value());
            try (Held h2 = s.hold()) {
                assertEquals(0, s.value());
            }
        }
        assertEquals(2, s.value());
        Evidence.explored(1, "scenario");
    }

    @Test
    @Verifies(primitive = "Semaphore", property = "release(n) wakes min(n, waiters), oldest first", tool = Tool.CONTRACT)
    void releaseWakesMinOfNAndWaiters() {
        Subject s = sem(0);
        int a = s.startAcquire(Mode.ACQUIRE);
        int b = s.startAcquire(Mode.INTERRUPTIBLY);
        int c = s.startAcquire(Mode.TIMED);
        s.release(2);
        assertEquals(Status.ACQUIRED, s.status(a, Status.ACQUIRED));
        assertEquals(Status.ACQUIRED, s.status(b, Status.ACQUIRED));
        assertEquals(Status.WAITING, s.status(c, Status.WAITING));
        assertEquals(0, s.value());
        s.release(3);
        assertEquals(Status.ACQUIRED, s.status(c, Status.ACQUIRED));
        assertEquals(2, s.value());
        Evidence.explored(1, "scenario");
    }

    @Test
    @Verifies(primitive = "Semaphore", property = "racing-release shape: two release() with two waiters wake both", tool = Tool.CONTRACT)
    void twoReleasesWakeTwoWaiters() {
        Subject s = sem(0);
        int a = s.startAcquire(Mode.ACQUIRE);
        int b = s.startAcquire(Mode.ACQUIRE);
        s.release();
        s.release();
        assertEquals(Status.ACQUIRED, s.status(a, Status.ACQUIRED));
        assertEquals(Status.ACQUIRED, s.status(b, Status.ACQUIRED));
        assertEquals(0, s.value());
        Evidence.explored(1, "scenario");
    }

    @Test
    @Verifies(primitive = "Semaphore", property = "interrupted waiter leaves owning nothing; the next release goes on", tool = Tool.CONTRACT)
    void interruptedWaiterLeavesNothing() {
        Subject s = sem(0);
        int a = s.startAcquire(Mode.INTERRUPTIBLY);
        int b = s.startAcquire(Mode.TIMED);
        int c = s.startAcquire(Mode.INTERRUPTIBLY);
        s.interrupt(a);
        assertEquals(Status.INTERRUPTED, s.status(a, Status.INTERRUPTED));
        s.interrupt(b);
        assertEquals(Status.INTERRUPTED, s.status(b, Status.INTERRUPTED));
        assertEquals(0, s.value());
        s.release();
        assertEquals(Status.ACQUIRED, s.status(c, Status.ACQUIRED));
        assertEquals(0, s.value());
        s.release();
        assertEquals(1, s.value());
        Evidence.explored(1, "scenario");
    }

    @Test
    @Verifies(primitive = "Semaphore", property = "acquire() is not interruptible: it keeps waiting", tool = Tool.CONTRACT)
    void acquireIgnoresInterrupt() {
        Subject s = sem(0);
        int a = s.startAcquire(Mode.ACQUIRE);
        s.interrupt(a);
        assertEquals(Status.WAITING, s.status(a, Status.WAITING));
        s.release();
        assertEquals(Status.ACQUIRED, s.status(a, Status.ACQUIRED));
        assertEquals(0, s.value());
        Evidence.explored(1, "scenario");
    }

    @Test
    @Verifies(primitive = "Semaphore", property = "a free permit is taken at once by a blocking acquire", tool = Tool.CONTRACT)
    void blockingAcquireWithFreePermit() {
        Subject s = sem(1);
        int a = s.startAcquire(Mode.TIMED);
        assertEquals(Status.ACQUIRED, s.status(a, Status.ACQUIRED));
        assertEquals(0, s.value());
        Evidence.explored(1, "scenario");
    }
}
