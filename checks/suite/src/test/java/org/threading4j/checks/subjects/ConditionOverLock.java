package org.threading4j.checks.subjects;

import org.threading4j.specs.ConditionSpec;
import org.threading4j.specs.LockSpec;

/**
 * Lincheck's sequential specification of a condition over a {@code Lock}: the thread-agnostic calls, with
 * the Lincheck test's operation signatures. Errors are thrown (an exception is a result Lincheck compares),
 * and "owned" means "locked", so which thread calls does not matter. Equal states are equal objects.
 */
public final class ConditionOverLock {
    private final LockSpec lock = new LockSpec();
    private final ConditionSpec condition = new ConditionSpec(lock);

    public boolean tryAcquire() {
        return lock.tryAcquire();
    }

    public void release() {
        lock.release();
    }

    public boolean locked() {
        return lock.locked();
    }

    public void signal() {
        condition.signal(0, 1);
    }

    public void signal(int n) {
        condition.signal(0, n);
    }

    public void signalAll() {
        condition.signalAll(0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConditionOverLock && toString().equals(o.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return condition.toString();
    }
}
