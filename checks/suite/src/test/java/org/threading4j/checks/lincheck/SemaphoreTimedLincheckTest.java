package org.threading4j.checks.lincheck;

import java.time.Duration;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.junit.jupiter.api.Test;
import org.threading4j.Semaphore;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.specs.SemaphoreSpec;

/**
 * Timed {@code tryAcquire(1 ms)} among {@code tryAcquire}, {@code release(n)} and {@code value} on
 * {@code Semaphore(0)}, stress only (model checking freezes {@code System.nanoTime()}, so a deadline never
 * passes there). Sequentially a timed acquire is a {@code tryAcquire()}: nobody can release during it; a
 * concurrent release may satisfy it later, which linearizes after that release. A waiter that times out
 * while being handed a permit must keep it and answer true, or leave it: a lost or doubled permit shows up
 * as a later {@code value()} or {@code tryAcquire()} that no order explains.
 */
@Param(name = "n", gen = IntGen.class, conf = "1:2")
public class SemaphoreTimedLincheckTest {

    /** The model: Semaphore(0); a timed acquire is a tryAcquire. */
    public static class Spec extends SemaphoreSpec {
        public Spec() {
            super(0);
        }

        public boolean tryAcquire1ms() {
            return tryAcquire();
        }
    }

    private final Semaphore sem = new Semaphore(0);

    @Operation
    public boolean tryAcquire1ms() throws InterruptedException {
        return sem.tryAcquire(Duration.ofMillis(1));
    }

    @Operation
    public boolean tryAcquire() {
        return sem.tryAcquire();
    }

    @Operation
    public void release(@Param(name = "n") int n) {
        sem.release(n);
    }

    @Operation
    public int value() {
        return sem.value();
    }

    @Test
    @Verifies(primitive = "Semaphore", property = "timed acquire linearizable; no permit lost or doubled on timeout", tool = Tool.LINCHECK_STRESS)
    void stress() {
        LincheckBounds.Bounds b = LincheckBounds.SEMAPHORE_TIMED_STRESS;
        b.stress().sequentialSpecification(Spec.class).minimizeFailedScenario(false)
                .check(SemaphoreTimedLincheckTest.class);
        Evidence.explored(b.explored(), "invocations");
    }
}
