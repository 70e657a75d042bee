package org.threading4j.checks.contract;

import org.threading4j.checks.subjects.SemaphoreSubjects;

/** The BoundedSemaphore contract against the real class. */
class BoundedSemaphorePrimitiveContractTest extends BoundedSemaphoreContract {
    @Override
    SemaphoreSubjects.Subject create(int value) {
        return SemaphoreSubjects.real(value, true);
    }
}
