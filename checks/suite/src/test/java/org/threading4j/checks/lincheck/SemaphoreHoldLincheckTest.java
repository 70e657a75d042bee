package org.threading4j.checks.lincheck;

import java.util.concurrent.atomic.AtomicInteger;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Test;
import org.threading4j.Held;
import org.threading4j.Semaphore;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.specs.SemaphoreSpec;

/**
 * The blocking {@code hold()} / {@code acquire()} inside a compound operation that always releases
 * ({@code with sem:}), on {@code Semaphore(2)} with three threads: at most two may be inside at once, and
 * nobody may be stuck (every scenario is net zero, so a hang is a bug). {@code value()} is left out: it
 * legitimately reads 0 or 1 while others are inside, which no atomic {@code holdOnce()} explains.
 */
public class SemaphoreHoldLincheckTest {

    /**
     * The model: Semaphore(2). Both operations are net-zero, so sequentially a permit is always free, the
     * acquire never waits, and the answer (at most two inside) is true.
     */
    public static class Spec extends SemaphoreSpec {
        public Spec() {
            super(2);
        }

        public boolean holdOnce() {
            if (value() == 0) {
                throw new IllegalStateException("would block for ever: no permit and nothing in flight");
            }
            return true;
        }

        public boolean acquireRelease() {
            return holdOnce();
        }
    }

    private final Semaphore sem = new Semaphore(2);
    private final AtomicInteger inside = new AtomicInteger();

    /** {@code with sem:} answering whether at most two threads were inside. */
    @Operation
    public boolean holdOnce() {
        try (Held h = sem.hold()) {
            boolean ok = inside.incrementAndGet() <= 2;
            inside.decrementAndGet();
            return ok;
        }
    }

    /** acquire() then release() by hand, the form without {@code Held}. */
    @Operation
    public boolean acquireRelease() {
        sem.acquire();
        try {
            boolean ok = inside.incrementAndGet() <= 2;
            inside.decrementAndGet();
            return ok;
        } finally {
            sem.release();
        }
    }

    @Test
    @Verifies(primitive = "Semaphore", property = "at most value holders inside; blocking acquire makes progress", tool = Tool.LINCHECK_STRESS)
    void stress() {
        LincheckBounds.Bounds b = LincheckBounds.SEMAPHORE_HOLD_STRESS;
        b.stress().sequentialSpecification(Spec.class).minimizeFailedScenario(false)
                .check(SemaphoreHoldLincheckTest.class);
        Evidence.explored(b.explored(), "invocations");
    }

    @Test
    @Verifies(primitive = "Semaphore", property = "at most value holders inside; blocking acquire makes progress", tool = Tool.LINCHECK_MODEL)
    void modelChecking() {
        LincheckBounds.Bounds b = LincheckBounds.SEMAPHORE_HOLD_MODEL;
        b.modelChecking().sequentialSpecification(Spec.class)
                .check(SemaphoreHoldLincheckTest.class);
        Evidence.explored(b.explored(), "invocations");
    }
}
