package org.threading4j.checks.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.threading4j.Held;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.specs.RLockSpec;

/**
 * The RLock contract run against {@link RLockSpec}, plus the spec's waiting model: the scenarios that
 * {@link RLockContractTest} runs with real parked threads, written as pending requests.
 */
class RLockSpecContractTest extends RLockContract {

    private final RLockSpec spec = new RLockSpec();
    private final Subject subject = new Subject() {
        @Override public boolean tryAcquire(int c) { return spec.tryAcquire(c); }
        @Override public boolean tryAcquire(int c, Duration t) throws InterruptedException { return noWait(c, spec.tryAcquire(c, t)); }
        @Override public void acquire(int c) { noWait(c, spec.acquire(c)); }
        @Override public void acquireInterruptibly(int c) throws InterruptedException { noWait(c, spec.acquireInterruptibly(c)); }
        @Override public Held hold(int c) { noWait(c, spec.acquire(c)); return () -> spec.release(c); }
        @Override public void release(int c) { spec.release(c); }
        @Override public boolean locked(int c) { return spec.locked(c); }
        @Override public boolean isHeldByCurrentThread(int c) { return spec.isHeldByCurrentThread(c); }
        @Override public int holdCount(int c) { return spec.holdCount(c); }
        @Override public void interrupt(int c) { spec.interrupt(c); }
        @Override public boolean isInterrupted(int c) { return spec.isInterrupted(c); }
        @Override public void close() { }
    };

    private boolean noWait(int c, boolean acquired) {
        if (!acquired && spec.waiting(c)) {
            throw new AssertionError("caller " + c + " would wait here; the contract only makes calls that return");
        }
        return acquired;
    }

    @Override
    Subject s() {
        return subject;
    }

    @Test
    @Verifies(primitive = "RLock", property = "spec: a waiter proceeds only after the owner's last release", tool = Tool.CONTRACT)
    void waiterProceedsAfterLastRelease() {
        assertTrue(spec.acquire(0));
        assertTrue(spec.acquire(0));
        assertFalse(spec.acquire(1));
        assertTrue(spec.waiting(1));
        spec.release(0);
        assertFalse(spec.proceed(1), "one hold is left");
        spec.release(0);
        assertTrue(spec.proceed(1));
        assertEquals(1, spec.holdCount(1));
        assertTrue(spec.isHeldByCurrentThread(1));
        Evidence.explored(9, "steps");
    }

    @Test
    @Verifies(primitive = "RLock", property = "spec: timeout and interrupt end a wait, the owner's holds intact", tool = Tool.CONTRACT)
    void timeoutAndInterruptEndWaitsCleanly() throws InterruptedException {
        assertTrue(spec.tryAcquire(0));
        assertTrue(spec.tryAcquire(0));
        assertFalse(spec.tryAcquire(1, Duration.ofMillis(10)));
        spec.timeOut(1);
        assertFalse(spec.acquireInterruptibly(2));
        assertTrue(spec.interrupt(2));
        assertFalse(spec.waiting(1));
        assertFalse(spec.waiting(2));
        assertEquals(2, spec.holdCount(0));
        assertEquals(0, spec.holdCount(1) + spec.holdCount(2));
        Evidence.explored(10, "steps");
    }
}
