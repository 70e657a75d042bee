package org.threading4j.checks.contract;

import org.threading4j.checks.subjects.SemaphoreSubjects;

/** The Semaphore contract against the sequential model. */
class SemaphoreSpecContractTest extends SemaphoreContract {
    @Override
    SemaphoreSubjects.Subject create(int value) {
        return SemaphoreSubjects.model(value, false);
    }
}
