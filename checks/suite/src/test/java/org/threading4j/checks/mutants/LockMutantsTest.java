package org.threading4j.checks.mutants;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.threading4j.checks.contract.HandOffContractTest;
import org.threading4j.checks.contract.LockContractTest;
import org.threading4j.checks.mutants.Catch.Check;
import org.threading4j.checks.stress.LockStressTest;
import org.threading4j.checks.support.Depth;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/**
 * Mutant meta-tests for Lock and the engine under it: each mutant is a one-place edit of the library that
 * re-introduces a classic lock bug, and each test asserts that a real check (the stress harness of
 * {@code checks/stress}) fails against it. Checks run in a forked JVM with the race-widening seam on
 * ({@link RaceSeam}); the same checks also pass on a no-op edit with the seam on ({@link MutantFrameworkTest}).
 */
class LockMutantsTest {

    private static final Duration LIMIT = Duration.ofSeconds(90);

    static void assertCaught(Mutant m, Check... checks) {
        try (RaceSeam on = RaceSeam.on()) {
            Catch.assertCaught(m, LIMIT, checks);
        }
    }

    @Test
    @Verifies(primitive = "Lock", property = "mutant: release without unpark (lost wake-up) is caught", tool = Tool.MUTANT)
    void releaseWithoutUnpark() {
        assertCaught(MutantCatalogue.NO_UNPARK,
                Check.of(LockStressTest::handOffsToOneWaiter), Check.of(LockStressTest::freeForAll));
    }

    /**
     * C2's diagnostic scheduling stress: randomises instruction scheduling (LCM/GCM) and the IGVN worklist, so
     * that stores a plain access lets the compiler reorder do get reordered in some compilations.
     */
    static final List<String> SCHEDULING_STRESS = List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+StressLCM",
            "-XX:+StressGCM", "-XX:+StressIGVN");

    /**
     * Not caught on x86-64 (JDK 17 and 25): the checks below, at CI and deep depth, with and without C2's
     * scheduling stress, all passed against this mutant. On x86's TSO memory model a release store and a
     * plain store compile to the same {@code mov}; the only difference the mutant makes is that C2 may
     * reorder earlier plain stores (the queue links and size) after the unlocking store, and no run here
     * saw it do so. The mutant stays as a record of what was tried; it would need a weakly ordered machine
     * (AArch64, POWER) or a compiler that reorders the stores to be seen.
     */
    @Test
    @Disabled("not caught on x86-64: a plain and a release store are the same instruction under TSO; see the javadoc")
    @Verifies(primitive = "Lock", property = "mutant: the queue lock released by a plain store is caught",
            tool = Tool.MUTANT)
    void plainStoreReleasesQueueLock() {
        try (RaceSeam on = RaceSeam.on()) {
            Catch.assertCaught(MutantCatalogue.PLAIN_QUEUE_UNLOCK, LIMIT, SCHEDULING_STRESS,
                    Check.of(LockStressTest::freeForAll), Check.of(LockStressTest::handOffsToThreeWaiters),
                    Check.of(LockStressTest::handOffsToOneWaiter));
        }
    }

    @Test
    @Verifies(primitive = "Lock", property = "mutant: release without unpark (lost wake-up) is caught by the contract suite",
            tool = Tool.MUTANT)
    void releaseWithoutUnparkByContract() {
        // the contract test's hang guard is 30 s, so this costs 30 s: deep runs only
        Assumptions.assumeTrue(Depth.current() == Depth.DEEP, "deep runs only (30 s hang guard)");
        assertCaught(MutantCatalogue.NO_UNPARK, Check.of(LockContractTest::parkedAcquireIsWokenByRelease));
    }

    /**
     * The jcstress Termination test for the same claim, run against the mutant: jcstress's own JVMs get the
     * mutant's classes in front of {@code jcstress.jar} (which bundles the real library), so they shadow it.
     * Each stale fork costs jcstress about 15 s, so deep runs only, and only when the jcstress module has been
     * packaged.
     */
    @Test
    @Verifies(primitive = "Lock", property = "mutant: release without unpark is caught by jcstress Lock_03 (Termination)",
            tool = Tool.MUTANT)
    void releaseWithoutUnparkByJcstress() throws Exception {
        Assumptions.assumeTrue(Depth.current() == Depth.DEEP, "deep runs only (a stale jcstress fork costs ~15 s)");
        Path jar = Paths.get("..", "jcstress", "target", "jcstress.jar").toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.exists(jar), "checks/jcstress not packaged: " + jar);
        Mutant m = MutantCatalogue.NO_UNPARK;
        Path classes = MutantLibrary.build(m);
        Path dir = classes.getParent();
        Path log = dir.resolve("jcstress-Lock_03.log");
        List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString()));
        if (Runtime.version().feature() >= 22) {
            cmd.add("--enable-native-access=ALL-UNNAMED");
        }
        cmd.addAll(List.of("-cp", classes + File.pathSeparator + jar, "org.openjdk.jcstress.Main",
                "-t", "org\\.threading4j\\.litmus\\.lock\\.Lock_03_.*", "-m", "quick", "-sc", "false", "-iters", "1",
                "-time", "200", "-c", "2", "-r", dir.resolve("jcstress-results").toString()));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("jcstress did not finish in 15 minutes; see " + log);
        }
        String out = Files.readString(log);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (p.exitValue() == 0 || !out.contains("STALE")) {
            throw new AssertionError("mutant " + m + " survived jcstress Lock_03 (exit " + p.exitValue() + "); see " + log);
        }
        String line = String.format("caught by jcstress Lock_03_ReleaseWakesParkedAcquire in %.1f s: STALE, exit %d",
                seconds, p.exitValue());
        System.out.println("[mutant] no-unpark " + line);
        Evidence.explored(1, "mutant no-unpark " + line);
    }

    @Test
    @Verifies(primitive = "Lock", property = "mutant: a release that never hands the lock to a long waiter (unbounded unfairness) is caught",
            tool = Tool.MUTANT)
    void neverHandsOff() {
        assertCaught(MutantCatalogue.NEVER_HANDS_OFF, Check.of(HandOffContractTest::lockHandsOffToALongWaiter),
                Check.of(HandOffContractTest::rlockHandsOffToALongWaiter),
                Check.of(HandOffContractTest::semaphoreHandsOffToALongWaiter));
    }

    @Test
    @Verifies(primitive = "Lock", property = "mutant: a waiter that parks without re-checking for a free permit is caught",
            tool = Tool.MUTANT)
    void parkWithoutRecheck() {
        assertCaught(MutantCatalogue.PARK_WITHOUT_RECHECK,
                Check.of(LockStressTest::handOffsToOneWaiter), Check.of(LockStressTest::handOffsToThreeWaiters),
                Check.of(LockStressTest::freeForAll));
    }

    @Test
    @Verifies(primitive = "Lock", property = "mutant: release deciding from a stale 'nobody parked' read is caught",
            tool = Tool.MUTANT)
    void releaseFromStaleParkedRead() {
        assertCaught(MutantCatalogue.STALE_PARKED_RELEASE,
                Check.of(LockStressTest::handOffsToOneWaiter), Check.of(LockStressTest::handOffsToThreeWaiters),
                Check.of(LockStressTest::freeForAll));
    }

    @Test
    @Verifies(primitive = "Lock", property = "mutant: a timed-out or interrupted waiter left in the queue is caught",
            tool = Tool.MUTANT)
    void leaverStaysQueued() {
        assertCaught(MutantCatalogue.LEAVE_WITHOUT_UNLINK, Check.of(LockStressTest::freeForAll));
    }

    @Test
    @Verifies(primitive = "Lock", property = "mutant: an interrupted waiter that keeps the lock is caught", tool = Tool.MUTANT)
    void interruptedWaiterKeepsLock() {
        assertCaught(MutantCatalogue.INTERRUPTED_KEEPS_PERMIT, Check.of(LockStressTest::freeForAll));
    }

    @Test
    @Verifies(primitive = "Lock", property = "mutant: a woken competitor that takes the lock but stays counted awake is caught",
            tool = Tool.MUTANT)
    void competitorStaysCountedAwake() {
        assertCaught(MutantCatalogue.COMPETITOR_STAYS_AWAKE,
                Check.of(LockStressTest::handOffsToOneWaiter), Check.of(LockStressTest::handOffsToThreeWaiters),
                Check.of(LockStressTest::freeForAll));
    }
}
