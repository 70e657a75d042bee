package org.threading4j.checks.lincheck;

import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.junit.jupiter.api.Test;
import org.threading4j.Condition;
import org.threading4j.Lock;
import org.threading4j.checks.subjects.ConditionOverLock;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/**
 * The non-blocking surface of a Condition over a Lock, linearizable against {@link ConditionOverLock} (over {@code ConditionSpec}):
 * the delegated lock calls and the ownership check of every signal form (over a Lock, "owned" means
 * "locked", so the calling thread does not matter). {@code await} is left out on purpose: it releases the
 * lock in the middle of the call, so it is not atomic by design, and its reacquire blocks on a lock that a
 * {@code tryAcquire} of the scenario may never release. Waiting is checked by
 * {@link ConditionConcurrentLincheckTest} instead.
 */
@Param(name = "n", gen = IntGen.class, conf = "-1:3")
public class ConditionLincheckTest {

    private final Condition condition = new Condition(new Lock());

    @Operation
    public boolean tryAcquire() {
        return condition.tryAcquire();
    }

    @Operation
    public void release() {
        condition.release();
    }

    @Operation
    public boolean locked() {
        return condition.locked();
    }

    @Operation
    public void signal() {
        condition.signal();
    }

    @Operation
    public void signal(@Param(name = "n") int n) {
        condition.signal(n);
    }

    @Operation
    public void signalAll() {
        condition.signalAll();
    }

    @Test
    @Verifies(primitive = "Condition", property = "lock delegation and signal ownership checks are linearizable (vs ConditionSpec)", tool = Tool.LINCHECK_STRESS)
    void stress() {
        LincheckBounds.Bounds b = LincheckBounds.CONDITION_STRESS;
        b.stress().sequentialSpecification(ConditionOverLock.class).check(ConditionLincheckTest.class);
        Evidence.explored(b.explored(), "invocations");
    }

    @Test
    @Verifies(primitive = "Condition", property = "lock delegation and signal ownership checks are linearizable (vs ConditionSpec)", tool = Tool.LINCHECK_MODEL)
    void modelChecking() {
        LincheckBounds.Bounds b = LincheckBounds.CONDITION_MODEL;
        b.modelChecking().sequentialSpecification(ConditionOverLock.class)
                .check(ConditionLincheckTest.class);
        Evidence.explored(b.explored(), "invocations");
    }
}
