package org.threading4j.checks.contract;

/** The BoundedSemaphore contract against the real class. */
class BoundedSemaphorePrimitiveContractTest extends BoundedSemaphoreContract {
    @Override
    SemaphoreSubjects.Subject create(int value) {
        return SemaphoreSubjects.real(value, true);
    }
}
