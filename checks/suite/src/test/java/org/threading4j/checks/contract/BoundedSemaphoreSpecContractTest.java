package org.threading4j.checks.contract;

import org.threading4j.checks.subjects.SemaphoreSubjects;

/** The BoundedSemaphore contract against the sequential model. */
class BoundedSemaphoreSpecContractTest extends BoundedSemaphoreContract {
    @Override
    SemaphoreSubjects.Subject create(int value) {
        return SemaphoreSubjects.model(value, true);
    }
}
