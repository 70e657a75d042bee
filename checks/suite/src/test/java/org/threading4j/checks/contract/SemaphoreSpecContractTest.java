package org.threading4j.checks.contract;

/** The Semaphore contract against the sequential model. */
class SemaphoreSpecContractTest extends SemaphoreContract {
    @Override
    SemaphoreSubjects.Subject create(int value) {
        return SemaphoreSubjects.model(value, false);
    }
}
