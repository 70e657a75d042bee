package org.threading4j.checks.stress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.threading4j.checks.support.Threads;
import org.threading4j.checks.support.Workers;

/**
 * A stress harness with a watchdog for anything with a lock's surface (Lock, RLock; a one-permit Semaphore
 * fits too): many threads hand the lock around for a bounded time through every acquiring method, while a
 * driver interrupts threads waiting in {@code acquireInterruptibly}, and a watchdog samples the run.
 *
 * <p>Invariants, each reported by name with a thread dump:
 * <ul>
 *   <li><b>mutual exclusion</b>: nobody finds another thread inside the critical section, and a plain,
 *       non-atomic counter bumped inside it equals the number of successful acquisitions at the end;</li>
 *   <li><b>no lost wake-up</b>: the lock is never free for long while a thread stays parked on it with no
 *       progress anywhere (the watchdog's liveness probe), and every worker finishes (end-of-run hang
 *       detection);</li>
 *   <li><b>no lost permit</b>: the lock is never held for long by nobody (no thread inside the critical
 *       section, no progress), and it is free at the end;</li>
 *   <li><b>an interrupted waiter holds nothing</b>: after {@code InterruptedException} the thread does not
 *       own the lock (checked where ownership is visible, i.e. RLock; for Lock a permit kept by an
 *       interrupted waiter shows up as a lost permit);</li>
 *   <li>for owned locks, a <b>release by a non-owner</b> is refused with {@code IllegalMonitorStateException}
 *       and changes nothing.</li>
 * </ul>
 *
 * <p>Two workloads: {@link #run} (a free-for-all of all methods, with timed and interrupted waiters) and
 * {@link #handOffs} (one holder, waiters arriving just as it releases, and no later release to repair a lost
 * wake-up: the case where the free-for-all's traffic hides a lost wake-up). Neither uses sleeps to
 * coordinate; the only pauses are pacing of the interrupter and random spins that vary timing.
 */
public final class MutexStress {

    /** What the harness drives. */
    public interface Subject {
        /** The object parked threads report as their blocker. */
        Object blocker();

        void acquire();

        void acquireInterruptibly() throws InterruptedException;

        boolean tryAcquire();

        boolean tryAcquire(Duration timeout) throws InterruptedException;

        void release();

        boolean locked();

        /** Reentrant locks: the depth of nested holds to take inside the critical section (1 for Lock). */
        default int maxNesting() {
            return 1;
        }

        /** Owned locks: whether the calling thread holds it; {@code null} where there is no owner (Lock). */
        default Boolean heldByCurrentThread() {
            return null;
        }
    }

    /** Bounds of a run. */
    public record Config(int threads, Duration runFor, Duration stuckAfter, Duration hangLimit, boolean interrupter) {
        /** The defaults: {@code threads} on this machine's cores, stuck after 2 s, workers end within 30 s. */
        public static Config of(int threads, Duration runFor) {
            return new Config(threads, runFor, Duration.ofSeconds(2), Duration.ofSeconds(30), true);
        }
    }

    /** What a run did, for the report. */
    public record Result(long acquisitions, long timeouts, long interrupts, long parkedSeen, long foreignReleases,
            long foreignWhileHeld) {
        @Override
        public String toString() {
            return acquisitions + " acquisitions, " + timeouts + " timed out, " + interrupts + " interrupted, "
                    + foreignReleases + " releases by non-holders (" + foreignWhileHeld + " while locked)";
        }
    }

    private static final int NOBODY = -1;

    private final String name;
    private final Subject lock;
    private final Config config;

    /** Guarded by the lock under test: who is inside the critical section, and how often anyone entered. */
    private int occupant = NOBODY;
    private long counter;

    /** Per worker: completed operations (progress), written with release stores, read by the watchdog. */
    private final AtomicLongArray progress;
    /** Per worker: 1 while it is inside {@code acquireInterruptibly}, for the interrupter. */
    private final AtomicIntegerArray interruptible;
    private final AtomicReference<AssertionError> failure = new AtomicReference<>();
    private volatile boolean stop;

    private MutexStress(String name, Subject lock, Config config) {
        this.name = name;
        this.lock = lock;
        this.config = config;
        this.progress = new AtomicLongArray(config.threads());
        this.interruptible = new AtomicIntegerArray(config.threads());
    }

    // ---------------------------------------------------------------------------------------------
    // Free-for-all
    // ---------------------------------------------------------------------------------------------

    /**
     * {@code config.threads()} threads hand the lock around until {@code config.runFor()} has passed, each
     * step one of: {@code acquire()}, {@code acquireInterruptibly()} (the driver interrupts such waiters at
     * random), {@code tryAcquire()}, {@code tryAcquire(d)} with d from 0 to 2 ms, and, for owned locks, a
     * release attempt by a thread that does not hold the lock.
     */
    public static Result run(String name, Subject lock, Config config) {
        return new MutexStress(name, lock, config).freeForAll();
    }

    private static final class Counts {
        long acquired, timedOut, interrupted, foreignReleases, foreignWhileHeld;
    }

    private Result freeForAll() {
        int n = config.threads();
        long end = System.nanoTime() + config.runFor().toNanos();
        Counts[] counts = new Counts[n];
        Counts[] counted = counts;
        Workers workers = Workers.start(name, n, reporting(id -> {
            Counts c = new Counts();
            counted[id] = c;
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            long ops = 0;
            while (!stop && System.nanoTime() - end < 0) {
                step(id, rnd, c);
                Thread.interrupted(); // an interrupt aimed at the step just finished must not leak into the next
                progress.lazySet(id, ++ops);
            }
        }));
        Thread driver = config.interrupter() ? interrupter(workers, end) : null;
        long parkedSeen = watch(workers, end);
        if (driver != null) {
            try {
                driver.join(config.hangLimit().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long acquired = 0, timedOut = 0, interrupted = 0, foreign = 0, foreignHeld = 0;
        for (Counts c : counts) {
            if (c == null) {
                continue; // a worker that never started (the run was stopped early)
            }
            acquired += c.acquired;
            timedOut += c.timedOut;
            interrupted += c.interrupted;
            foreign += c.foreignReleases;
            foreignHeld += c.foreignWhileHeld;
        }
        if (failure.get() == null) {
            check(counter == acquired, "mutual exclusion: the counter bumped under the lock is " + counter + " but "
                + acquired + " acquisitions succeeded (an update was lost)");
            check(!lock.locked(), "no lost permit: the lock is still locked after every worker released it");
        }
        rethrow();
        return new Result(acquired, timedOut, interrupted, parkedSeen, foreign, foreignHeld);
    }

    private void step(int id, ThreadLocalRandom rnd, Counts c) {
        int dice = rnd.nextInt(100);
        if (dice < 30) {
            lock.acquire();
            critical(id, rnd, c);
        } else if (dice < 55) {
            boolean got = false;
            interruptible.set(id, 1);
            try {
                lock.acquireInterruptibly();
                got = true;
            } catch (InterruptedException e) {
                interruptedWithoutLock(c, "acquireInterruptibly()");
            } finally {
                interruptible.set(id, 0);
            }
            if (got) {
                critical(id, rnd, c);
            }
        } else if (dice < 70) {
            if (lock.tryAcquire()) {
                critical(id, rnd, c);
            }
        } else if (dice < 95 || lock.heldByCurrentThread() == null) {
            Duration d = rnd.nextInt(8) == 0 ? Duration.ZERO : Duration.ofNanos(rnd.nextLong(2_000_000L));
            boolean got;
            try {
                got = lock.tryAcquire(d);
            } catch (InterruptedException e) {
                interruptedWithoutLock(c, "tryAcquire(" + d + ")"); // a stray interrupt meant for a former step
                return;
            }
            if (got) {
                critical(id, rnd, c);
            } else {
                c.timedOut++;
                check(lock.heldByCurrentThread() != Boolean.TRUE, "a timed-out tryAcquire(" + d + ") holds the lock");
            }
        } else {
            foreignRelease(c);
        }
    }

    private void interruptedWithoutLock(Counts c, String call) {
        c.interrupted++;
        check(lock.heldByCurrentThread() != Boolean.TRUE,
                "an interrupted waiter holds the lock: " + call + " threw InterruptedException but the thread owns it");
    }

    /** Owned locks only: a thread that does not hold the lock tries to release it. */
    private void foreignRelease(Counts c) {
        c.foreignReleases++;
        if (lock.locked()) {
            c.foreignWhileHeld++;
        }
        if (lock.heldByCurrentThread()) {
            fail("owner check: a thread that never acquired the lock is its owner");
            return;
        }
        try {
            lock.release();
            fail("owner check: release() by a thread that does not hold the lock was accepted");
        } catch (IllegalMonitorStateException expected) {
            // as specified; and nothing changed, which the other invariants watch
        }
    }

    /** The critical section, entered with one hold of the lock; leaves it released. */
    private void critical(int id, ThreadLocalRandom rnd, Counts c) {
        int other = occupant;
        if (other != NOBODY) {
            fail("mutual exclusion: " + name + "-" + id + " acquired the lock while " + name + "-" + other
                    + " was inside");
        }
        occupant = id;
        counter++;
        c.acquired++;
        int depth = 1 + rnd.nextInt(lock.maxNesting());
        for (int i = 1; i < depth; i++) {
            lock.acquire(); // reentrant: must not block
        }
        if (rnd.nextInt(8) == 0) {
            Thread.yield(); // sometimes give up the core while holding the lock: the others pile up and park
        } else {
            for (int spins = rnd.nextInt(256); spins > 0; spins--) {
                Thread.onSpinWait();
            }
        }
        if (occupant != id) {
            fail("mutual exclusion: " + name + "-" + occupant + " entered while " + name + "-" + id + " was inside");
        }
        for (int i = 1; i < depth; i++) {
            lock.release();
            check(lock.heldByCurrentThread() != Boolean.FALSE, "an inner release() freed a nested hold");
        }
        occupant = NOBODY;
        lock.release();
    }

    /** Interrupts threads waiting in acquireInterruptibly, at random, until the run ends. */
    private Thread interrupter(Workers workers, long end) {
        List<Thread> threads = workers.threads();
        Thread t = new Thread(() -> {
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            while (!stop && System.nanoTime() - end < 0) {
                int id = rnd.nextInt(threads.size());
                if (interruptible.get(id) == 1) {
                    threads.get(id).interrupt();
                }
                LockSupport.parkNanos(rnd.nextLong(20_000L, 200_000L)); // pacing, not coordination
            }
        }, name + "-interrupter");
        t.setDaemon(true);
        t.start();
        return t;
    }

    // ---------------------------------------------------------------------------------------------
    // Hand-offs
    // ---------------------------------------------------------------------------------------------

    /**
     * Rounds of one hand-off, for {@code runFor}: a holder takes the lock, {@code waiters} threads start to
     * acquire it (each round one of {@code acquire()}, {@code acquireInterruptibly()} or a
     * {@code tryAcquire} with an hour's timeout), and the holder releases after a random spin (sometimes only
     * once a waiter is seen parked), so that releases land anywhere in the waiters' path to parking. Each
     * waiter then takes and releases the lock once. Nothing else happens until the round ends, so a lost
     * wake-up leaves a waiter parked on a free lock, which the watchdog reports after {@code stuckAfter}.
     */
    public static Result handOffs(String name, Subject lock, int waiters, Duration runFor) {
        Config config = new Config(waiters + 1, runFor, Duration.ofSeconds(2), Duration.ofSeconds(30), false);
        return new MutexStress(name, lock, config).handOffRounds(waiters, false);
    }

    /**
     * {@link #handOffs}, except that each round about half the waiters call {@code tryAcquire} with a
     * timeout of 0 to 200 µs instead, and go without the lock that round if it expires. A waiter woken by a
     * release may so give up before it takes the lock: whatever it was woken for must then pass to a waiter
     * still parked, since nothing else happens in the round that could wake that one.
     */
    public static Result handOffsWithGivingUp(String name, Subject lock, int waiters, Duration runFor) {
        Config config = new Config(waiters + 1, runFor, Duration.ofSeconds(2), Duration.ofSeconds(30), false);
        return new MutexStress(name, lock, config).handOffRounds(waiters, true);
    }

    private Result handOffRounds(int waiters, boolean givingUp) {
        long[] gaveUp = new long[waiters + 1]; // per waiter, written by that waiter only, read after the join
        long end = System.nanoTime() + config.runFor().toNanos();
        AtomicLongArray round = new AtomicLongArray(1); // published by the holder: round r has started
        long[] rounds = new long[1];
        Workers workers = Workers.start(name, waiters + 1, reporting(id -> {
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            Counts c = new Counts();
            if (id == 0) { // the holder
                for (long r = 1; !stop && System.nanoTime() - end < 0; r++) {
                    lock.acquire();
                    occupant = 0; // the holder is inside too, as far as the watchdog is concerned
                    round.set(0, r);
                    int how = rnd.nextInt(8);
                    if (how == 0) {
                        awaitSomeoneParked(waiters);
                    } else {
                        for (int spins = rnd.nextInt(how < 4 ? 64 : 4096); spins > 0; spins--) {
                            Thread.onSpinWait();
                        }
                    }
                    occupant = NOBODY;
                    lock.release();
                    progress.lazySet(0, r);
                    // the round ends when every waiter has been through; the watchdog bounds the wait
                    for (int w = 1; w <= waiters; w++) {
                        for (int spins = 0; progress.get(w) < r && !stop; spins++) {
                            pause(spins);
                        }
                    }
                    rounds[0] = r;
                }
                stop = true;
                round.set(0, Long.MAX_VALUE);
            } else {
                for (long r = 1;; r++) {
                    for (int spins = 0; round.get(0) < r; spins++) {
                        if (stop) {
                            return;
                        }
                        pause(spins);
                    }
                    if (round.get(0) == Long.MAX_VALUE) {
                        return;
                    }
                    if (givingUp && rnd.nextBoolean()) {
                        Duration d = Duration.ofNanos(rnd.nextLong(200_000L));
                        if (lock.tryAcquire(d)) {
                            synchronizedCritical(id, c);
                        } else {
                            gaveUp[id]++;
                            check(lock.heldByCurrentThread() != Boolean.TRUE, "a timed-out tryAcquire(" + d
                                    + ") holds the lock");
                        }
                        progress.lazySet(id, r);
                        continue;
                    }
                    int how = rnd.nextInt(3);
                    if (how == 0) {
                        lock.acquire();
                    } else if (how == 1) {
                        lock.acquireInterruptibly();
                    } else if (!lock.tryAcquire(Duration.ofHours(1))) {
                        fail("tryAcquire(1 hour) returned false");
                        return;
                    }
                    synchronizedCritical(id, c);
                    progress.lazySet(id, r);
                }
            }
        }));
        long parkedSeen = watch(workers, end);
        long timedOut = 0;
        for (long g : gaveUp) {
            timedOut += g;
        }
        if (failure.get() == null) {
            check(counter == rounds[0] * waiters - timedOut, "mutual exclusion: the counter bumped under the lock is "
                    + counter + " after " + rounds[0] + " rounds of " + waiters + " hand-offs with " + timedOut
                    + " timed out (an update was lost)");
            check(!lock.locked(), "no lost permit: the lock is still locked after the last hand-off");
        }
        rethrow();
        return new Result(counter, timedOut, 0, parkedSeen, 0, 0);
    }

    private void synchronizedCritical(int id, Counts c) {
        int other = occupant;
        if (other != NOBODY) {
            fail("mutual exclusion: " + name + "-" + id + " acquired the lock while " + name + "-" + other
                    + " was inside");
        }
        occupant = id;
        counter++;
        c.acquired++;
        occupant = NOBODY;
        lock.release();
    }

    /** A worker body that also reports its failure to the watchdog, which then ends the run at once. */
    private Workers.Body reporting(Workers.Body body) {
        return id -> {
            try {
                body.run(id);
            } catch (Throwable e) {
                fail(name + "-" + id + " failed: " + e, e);
                throw e;
            }
        };
    }

    /** Spin a little, then park briefly (a parked thread is not RUNNABLE, which the watchdog relies on). */
    private static void pause(int spins) {
        if (spins < 1_000) {
            Thread.onSpinWait();
        } else {
            LockSupport.parkNanos(20_000L);
        }
    }

    private void awaitSomeoneParked(int waiters) {
        List<Thread> all = currentWorkers;
        if (all.size() <= waiters) {
            return; // the watchdog has not started yet
        }
        long deadline = System.nanoTime() + 200_000_000L; // a waiter may have been too fast: then just go on
        while (System.nanoTime() - deadline < 0 && !stop) {
            for (int w = 1; w <= waiters; w++) {
                if (parkedOnLock(all.get(w))) {
                    return;
                }
            }
            Thread.onSpinWait();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Watchdog
    // ---------------------------------------------------------------------------------------------

    private volatile List<Thread> currentWorkers = List.of();

    private boolean parkedOnLock(Thread t) {
        return Threads.isParkedOn(t, lock.blocker());
    }

    /**
     * Samples the run every millisecond until every worker has finished: fails (stopping the run) when the
     * lock is free while a worker is parked on it, or held by nobody, with no progress anywhere for
     * {@code stuckAfter}; or when workers are still running {@code hangLimit} after the end of the run.
     * Returns how many samples saw some worker parked (evidence that waiting really happened).
     *
     * <p>"No progress for {@code stuckAfter}" must have been watched, not assumed: when the gap since the
     * previous sample exceeds {@link #SAMPLE_GAP} (the watchdog itself did not run: a GC pause, a stolen
     * core, the whole JVM stalled), the no-progress clock restarts, since the workers may have been frozen
     * too and the first sample after the stall can meet a transient state (a waiter resolved but not yet
     * unparked). And a stuck verdict needs {@link #STUCK_SAMPLES} consecutive samples that agree. A real
     * lost wake-up or lost permit stays stuck, so it is still reported, at most a few samples later (and a
     * run whose watchdog keeps being starved still ends in the {@code hangLimit} failure).
     */
    private long watch(Workers workers, long end) {
        currentWorkers = workers.threads();
        List<Thread> threads = workers.threads();
        long hardEnd = end + config.hangLimit().toNanos();
        long stuckNanos = config.stuckAfter().toNanos();
        long lastProgress = -1, lastChange = System.nanoTime(), previousSample = lastChange, parkedSeen = 0;
        int stuckSamples = 0;
        for (;;) {
            boolean alive = false;
            for (Thread t : threads) {
                alive |= t.isAlive();
            }
            if (!alive) {
                break;
            }
            long now = System.nanoTime();
            if (now - previousSample > SAMPLE_GAP.toNanos()) {
                lastChange = now; // the watchdog did not run: it has not seen the run stand still
                stuckSamples = 0;
            }
            previousSample = now;
            long sum = 0;
            for (int i = 0; i < threads.size(); i++) {
                sum += progress.get(i);
            }
            if (sum != lastProgress) {
                lastProgress = sum;
                lastChange = now;
            }
            List<String> parked = new ArrayList<>();
            for (Thread t : threads) {
                if (parkedOnLock(t)) {
                    parked.add(t.getName());
                }
            }
            if (!parked.isEmpty()) {
                parkedSeen++;
            }
            if (failure.get() != null) {
                stop = true;
                return parkedSeen; // a worker has already reported; its threads may be stuck: do not wait
            }
            boolean lostWakeUp = false, lostPermit = false;
            if (now - lastChange > stuckNanos) {
                boolean locked = lock.locked();
                lostWakeUp = !locked && !parked.isEmpty();
                lostPermit = locked && occupant == NOBODY && !anyRunnable(threads);
            }
            stuckSamples = lostWakeUp || lostPermit ? stuckSamples + 1 : 0;
            if (stuckSamples >= STUCK_SAMPLES) {
                if (lostWakeUp) {
                    abandon(threads, "no lost wake-up: the lock has been free for " + config.stuckAfter()
                            + " with no progress while " + parked + " stay parked on it");
                    return parkedSeen;
                }
                if (lostPermit) {
                    abandon(threads, "no lost permit: the lock has been locked for " + config.stuckAfter()
                            + " with nobody inside the critical section and no progress (a permit lost, or handed"
                            + " to a waiter that was never woken); parked: " + parked);
                    return parkedSeen;
                }
            }
            if (now - hardEnd > 0) {
                abandon(threads, "workers still running " + config.hangLimit() + " after the end of the run");
                return parkedSeen;
            }
            LockSupport.parkNanos(1_000_000L); // sampling period
        }
        workers.join(Duration.ofSeconds(5)); // all ended: rethrows worker exceptions
        return parkedSeen;
    }

    /** A longer gap between two samples means the watchdog did not run meanwhile (see {@link #watch}). */
    private static final Duration SAMPLE_GAP = Duration.ofMillis(100);
    /** Consecutive samples that must agree on a stuck verdict (see {@link #watch}). */
    private static final int STUCK_SAMPLES = 3;

    private static boolean anyRunnable(List<Thread> threads) {
        for (Thread t : threads) {
            if (t.getState() == Thread.State.RUNNABLE) {
                return true;
            }
        }
        return false;
    }

    /** Reports a stuck run: records the failure with a thread dump and leaves the stuck daemons behind. */
    private void abandon(List<Thread> threads, String what) {
        stop = true;
        fail(name + ": " + what + "\n" + Workers.threadDump());
        for (Thread t : threads) {
            t.interrupt();
        }
    }

    private void check(boolean ok, String invariant) {
        if (!ok) {
            fail(invariant);
        }
    }

    private void fail(String message) {
        fail(message, null);
    }

    private void fail(String message, Throwable cause) {
        AssertionError e = new AssertionError(message, cause);
        if (!failure.compareAndSet(null, e)) {
            failure.get().addSuppressed(e);
        }
        stop = true;
    }

    private void rethrow() {
        AssertionError e = failure.get();
        if (e != null) {
            throw e;
        }
    }
}
