package org.threading4j.checks.stress;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.threading4j.RLock;
import org.threading4j.checks.support.Depth;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/**
 * RLock under {@link MutexStress}: as {@link LockStressTest}, with nested holds (up to three) inside the
 * critical section, ownership checked after every timed-out or interrupted wait, and release attempts by
 * threads that do not hold the lock. The methods are also the checks the RLock mutant meta-tests run.
 */
public class RLockStressTest {

    /** The RLock as the harness sees it. */
    static MutexStress.Subject subject(RLock lock) {
        return new MutexStress.Subject() {
            @Override
            public Object blocker() {
                return lock;
            }

            @Override
            public void acquire() {
                lock.acquire();
            }

            @Override
            public void acquireInterruptibly() throws InterruptedException {
                lock.acquireInterruptibly();
            }

            @Override
            public boolean tryAcquire() {
                return lock.tryAcquire();
            }

            @Override
            public boolean tryAcquire(Duration timeout) throws InterruptedException {
                return lock.tryAcquire(timeout);
            }

            @Override
            public void release() {
                lock.release();
            }

            @Override
            public boolean locked() {
                return lock.locked();
            }

            @Override
            public int maxNesting() {
                return 3;
            }

            @Override
            public Boolean heldByCurrentThread() {
                return lock.isHeldByCurrentThread();
            }
        };
    }

    @Test
    @Verifies(primitive = "RLock", property = "mutual exclusion with nested holds (8 threads, all acquire methods)",
            tool = Tool.STRESS)
    @Verifies(primitive = "RLock", property = "no lost wake-up (watchdog: never free while a thread stays parked)",
            tool = Tool.STRESS)
    @Verifies(primitive = "RLock", property = "timed-out and interrupted waiters own nothing; no permit lost",
            tool = Tool.STRESS)
    @Verifies(primitive = "RLock", property = "release() by a non-owner is refused under contention", tool = Tool.STRESS)
    public void freeForAll() {
        MutexStress.Result r = MutexStress.run("rlock", subject(new RLock()),
                MutexStress.Config.of(8, Duration.ofMillis(Depth.pick(1_500, 20_000))));
        Evidence.explored(r.acquisitions(), "acquisitions by 8 threads (" + r + ")");
        System.out.println("[stress] rlock free-for-all: " + r);
    }

    @Test
    @Verifies(primitive = "RLock", property = "no lost wake-up: release() wakes a waiter arriving at any moment",
            tool = Tool.STRESS)
    public void handOffsToTwoWaiters() {
        MutexStress.Result r = MutexStress.handOffs("rlock-handoff", subject(new RLock()), 2,
                Duration.ofMillis(Depth.pick(1_000, 15_000)));
        Evidence.explored(r.acquisitions(), "hand-offs to 2 waiters");
    }
}
