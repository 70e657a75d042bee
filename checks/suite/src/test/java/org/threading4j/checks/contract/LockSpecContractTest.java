package org.threading4j.checks.contract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.threading4j.Held;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.specs.LockSpec;

/**
 * The Lock contract run against {@link LockSpec}, plus the spec's waiting model: the same scenarios that
 * {@link LockContractTest} runs with real parked threads, written as pending requests.
 */
class LockSpecContractTest extends LockContract {

    private final LockSpec spec = new LockSpec();
    private final Subject subject = new Subject() {
        @Override public boolean tryAcquire() { return spec.tryAcquire(); }
        @Override public boolean tryAcquire(Duration t) throws InterruptedException { return noWait(spec.tryAcquire(0, t)); }
        @Override public void acquire() { noWait(spec.acquire(0)); }
        @Override public void acquireInterruptibly() throws InterruptedException { noWait(spec.acquireInterruptibly(0)); }
        @Override public Held hold() { noWait(spec.acquire(0)); return spec::release; }
        @Override public void release() { spec.release(); }
        @Override public boolean locked() { return spec.locked(); }
        @Override public boolean tryAcquireAs(int caller) { return spec.tryAcquire(); }
        @Override public void releaseAs(int caller) { spec.release(); }
        @Override public void interruptSelf() { spec.interrupt(0); }
        @Override public boolean isInterrupted() { return spec.isInterrupted(0); }
        @Override public void close() { }
    };

    private boolean noWait(boolean acquired) {
        if (!acquired && spec.waiting(0)) {
            throw new AssertionError("caller 0 would wait here; the contract only makes calls that return");
        }
        return acquired;
    }

    @Override
    Subject s() {
        return subject;
    }

    @Test
    @Verifies(primitive = "Lock", property = "spec: a waiting acquire proceeds only once the lock is released (by anyone)", tool = Tool.CONTRACT)
    void waitingAcquireProceedsAfterRelease() {
        assertTrue(spec.acquire(0));
        assertFalse(spec.acquire(0), "not reentrant: the holder's second acquire waits");
        assertTrue(spec.waiting(0));
        assertFalse(spec.proceed(0), "still locked");
        spec.release(); // by caller 1: any caller may release
        assertTrue(spec.proceed(0));
        assertTrue(spec.locked());
        assertFalse(spec.waiting(0));
        Evidence.explored(7, "steps");
    }

    @Test
    @Verifies(primitive = "Lock", property = "spec: timeout and interrupt end a wait, leaving the lock as it was", tool = Tool.CONTRACT)
    void timeoutAndInterruptEndWaitsCleanly() throws InterruptedException {
        assertTrue(spec.tryAcquire());
        assertFalse(spec.tryAcquire(1, Duration.ofMillis(10)));
        assertTrue(spec.waiting(1));
        spec.timeOut(1);
        assertFalse(spec.waiting(1));
        assertTrue(spec.locked(), "the holder's lock is intact");
        assertFalse(spec.acquireInterruptibly(2));
        assertTrue(spec.interrupt(2), "the interrupt ends the interruptible wait");
        assertFalse(spec.isInterrupted(2), "and is consumed by its InterruptedException");
        assertFalse(spec.acquire(3));
        assertFalse(spec.interrupt(3), "acquire() keeps waiting");
        spec.release();
        assertTrue(spec.proceed(3));
        assertTrue(spec.isInterrupted(3), "the interrupt is still pending after acquire() returns");
        assertThrows(IllegalStateException.class, () -> spec.proceed(2), "2 is no longer waiting");
        Evidence.explored(13, "steps");
    }
}
