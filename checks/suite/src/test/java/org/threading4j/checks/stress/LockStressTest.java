package org.threading4j.checks.stress;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.threading4j.Lock;
import org.threading4j.checks.support.Depth;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/**
 * Lock under {@link MutexStress}: eight threads on two cores handing the lock around through every acquiring
 * method with timed and interrupted waiters mixed in, and hand-off rounds where a lost wake-up cannot be
 * repaired by later traffic. The methods are also the checks the Lock mutant meta-tests run (no JUnit set-up,
 * hangs bounded by the harness's watchdog).
 */
public class LockStressTest {

    /** The Lock as the harness sees it. */
    static MutexStress.Subject subject(Lock lock) {
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
        };
    }

    @Test
    @Verifies(primitive = "Lock", property = "mutual exclusion (8 threads, all acquire methods)", tool = Tool.STRESS)
    @Verifies(primitive = "Lock", property = "no lost wake-up (watchdog: never free while a thread stays parked)",
            tool = Tool.STRESS)
    @Verifies(primitive = "Lock", property = "timed-out and interrupted waiters hold nothing; no permit lost",
            tool = Tool.STRESS)
    public void freeForAll() {
        MutexStress.Result r = MutexStress.run("lock", subject(new Lock()),
                MutexStress.Config.of(8, Duration.ofMillis(Depth.pick(1_500, 20_000))));
        Evidence.explored(r.acquisitions(), "acquisitions by 8 threads (" + r + ")");
        System.out.println("[stress] lock free-for-all: " + r);
    }

    @Test
    @Verifies(primitive = "Lock", property = "no lost wake-up: release() wakes a waiter arriving at any moment",
            tool = Tool.STRESS)
    public void handOffsToOneWaiter() {
        MutexStress.Result r = MutexStress.handOffs("lock-handoff", subject(new Lock()), 1,
                Duration.ofMillis(Depth.pick(1_000, 15_000)));
        Evidence.explored(r.acquisitions(), "hand-offs to 1 waiter");
    }

    @Test
    @Verifies(primitive = "Lock", property = "no lost wake-up: release() wakes a waiter arriving at any moment",
            tool = Tool.STRESS)
    public void handOffsToThreeWaiters() {
        MutexStress.Result r = MutexStress.handOffs("lock-handoff3", subject(new Lock()), 3,
                Duration.ofMillis(Depth.pick(1_000, 15_000)));
        Evidence.explored(r.acquisitions(), "hand-offs to 3 waiters");
    }

    @Test
    @Verifies(primitive = "Lock", property = "no lost wake-up: a woken waiter that times out passes its wake-up on",
            tool = Tool.STRESS)
    public void handOffsWithGivingUp() {
        // 5 s at CI depth: much shorter runs let the competitor-drops-wake-up mutant survive now and then
        MutexStress.Result r = MutexStress.handOffsWithGivingUp("lock-giveup", subject(new Lock()), 3,
                Duration.ofMillis(Depth.pick(5_000, 15_000)));
        Evidence.explored(r.acquisitions(), "hand-offs to 3 waiters, " + r.timeouts() + " timed out");
        System.out.println("[stress] lock hand-offs with giving up: " + r);
    }
}
