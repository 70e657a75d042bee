package org.threading4j.checks.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Declares which property of which primitive a test checks, and with which tool. The
 * {@link EvidenceExtension} turns each run of such a test into a row of the verification report
 * (primitive, property, tool, what was explored, result), so the report lists exactly the checks that ran.
 * {@link StrayUnparks.Extension} runs stress, property and virtual-thread checks under stray unparks when
 * that switch is on.
 *
 * <pre>{@code
 * @Test
 * @Verifies(primitive = "Lock", property = "mutual exclusion", tool = Tool.LINCHECK_MODEL)
 * void modelChecking() { ... Evidence.explored(n, "invocations"); }
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Repeatable(Verifies.All.class)
@ExtendWith({EvidenceExtension.class, StrayUnparks.Extension.class})
public @interface Verifies {
    /** The primitive's class name: Lock, RLock, Condition, Semaphore, BoundedSemaphore, Event, Barrier, Timer. */
    String primitive();

    /** The property, in words a user reads: "mutual exclusion", "no lost wake-up"... */
    String property();

    Tool tool();

    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @ExtendWith({EvidenceExtension.class, StrayUnparks.Extension.class})
    @interface All {
        Verifies[] value();
    }
}
