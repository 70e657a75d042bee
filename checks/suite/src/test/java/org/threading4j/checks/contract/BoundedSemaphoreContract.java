package org.threading4j.checks.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.threading4j.checks.subjects.SemaphoreSubjects.Mode;
import org.threading4j.checks.subjects.SemaphoreSubjects.Status;
import org.threading4j.checks.subjects.SemaphoreSubjects.Subject;
import org.threading4j.checks.subjects.SemaphoreSubjects;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.specs.BoundedSemaphoreSpec;
import org.threading4j.specs.SemaphoreSpec;

/**
 * The BoundedSemaphore contract (the one check it adds to Semaphore), run against the model
 * ({@link BoundedSemaphoreSpecContractTest}) and the real class ({@link BoundedSemaphorePrimitiveContractTest}).
 */
abstract class BoundedSemaphoreContract {

    private Subject current;

    abstract Subject create(int value);

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
    @Verifies(primitive = "BoundedSemaphore", property = "initial value is the bound; negative throws IAE", tool = Tool.CONTRACT)
    void initialValue() {
        assertEquals(3, sem(3).value());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> create(-1));
        assertEquals(SemaphoreSpec.NEGATIVE_VALUE, e.getMessage());
        Evidence.explored(2, "scenarios");
    }

    @Test
    @Verifies(primitive = "BoundedSemaphore", property = "release above the initial value throws ISE, nothing released", tool = Tool.CONTRACT)
    void overReleaseRefused() {
        Subject s = sem(2);
        IllegalStateException e = assertThrows(IllegalStateException.class, s::release);
        assertEquals(BoundedSemaphoreSpec.TOO_MANY, e.getMessage());
        assertEquals(2, s.value());
        assertTrue(s.tryAcquire());
        s.release();
        assertEquals(2, s.value());
        assertThrows(IllegalStateException.class, s::release);
        Evidence.explored(1, "scenario");
    }

    @Test
    @Verifies(primitive = "BoundedSemaphore", property = "release(n) is all or nothing: value + n > initial releases none", tool = Tool.CONTRACT)
    void releaseNAllOrNothing() {
        Subject s = sem(3);
        assertTrue(s.tryAcquire());
        assertTrue(s.tryAcquire());
        assertEquals(1, s.value());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.release(3));
        assertEquals(BoundedSemaphoreSpec.TOO_MANY, e.getMessage());
        assertEquals(1, s.value());
        s.release(2);
        assertEquals(3, s.value());
        Evidence.explored(1, "scenario");
    }

    @Test
    @Verifies(primitive = "BoundedSemaphore", property = "n < 1 is checked first: IAE, not ISE, on a full semaphore", tool = Tool.CONTRACT)
    void argumentCheckedFirst() {
        Subject s = sem(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.release(0));
        assertEquals(SemaphoreSpec.BAD_N, e.getMessage());
        assertEquals(1, s.value());
        Evidence.explored(1, "scenario");
    }

    @Test
    @Verifies(primitive = "BoundedSemaphore", property = "BoundedSemaphore(0).release() always throws", tool = Tool.CONTRACT)
    void zeroBound() {
        Subject s = sem(0);
        assertThrows(IllegalStateException.class, s::release);
        assertThrows(IllegalStateException.class, () -> s.release(Integer.MAX_VALUE));
        assertEquals(0, s.value());
        Evidence.explored(1, "scenario");
    }

    @Test
    @Verifies(primitive = "BoundedSemaphore", property = "a release within the bound goes to a waiter first", tool = Tool.CONTRACT)
    void releaseToWaiterThenBound() {
        Subject s = sem(1);
        assertTrue(s.tryAcquire());
        int a = s.startAcquire(Mode.INTERRUPTIBLY);
        int b = s.startAcquire(Mode.ACQUIRE);
        s.release();
        assertEquals(Status.ACQUIRED, s.status(a, Status.ACQUIRED));
        assertEquals(Status.WAITING, s.status(b, Status.WAITING));
        assertEquals(0, s.value());
        assertThrows(IllegalStateException.class, () -> s.release(2));
        assertEquals(Status.WAITING, s.status(b, Status.WAITING));
        s.release();
        assertEquals(Status.ACQUIRED, s.status(b, Status.ACQUIRED));
        s.release();
        assertEquals(1, s.value());
        assertThrows(IllegalStateException.class, s::release);
        Evidence.explored(1, "scenario");
    }
}
