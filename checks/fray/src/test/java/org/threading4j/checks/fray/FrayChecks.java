package org.threading4j.checks.fray;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Fray tests as checks for the mutant framework ({@code Catch}): each method runs one {@code @FrayTest}
 * through the JUnit launcher, in the JVM {@code Catch} forked with the mutant's classes first on the class
 * path (Fray's own class loader reads {@code java.class.path} in that order too), and throws if the Fray
 * test failed. A Fray test that could not run at all (not on Fray's JDK, not found) is no catch: the JVM
 * then reports a broken check, so the mutant test fails instead of counting it as caught.
 */
public final class FrayChecks {

    /** How many times a check runs its Fray test before the mutant counts as surviving it. */
    static final int ROUNDS = 3;

    public void eventSetWakesEveryWaiter() {
        run(EventFrayTest.class, "setWakesEveryWaiter");
    }

    public void eventSetUnderStrayUnparks() {
        run(EventFrayTest.class, "setWakesEveryWaiterUnderStrayUnparks");
    }

    public void eventSetWithRegisteringWaiter() {
        run(EventFrayTest.class, "setWithRegisteringWaiter");
    }

    public void barrierTripReleasesEveryParty() {
        run(BarrierFrayTest.class, "tripReleasesEveryParty");
    }

    public void semaphoreReleaseN() {
        run(PermitFrayTest.class, "semaphoreReleaseN");
    }

    public void lockReleaseToWaiters() {
        run(PermitFrayTest.class, "lockReleaseToWaiters");
    }

    public void lockWokenCompetitorTimesOut() {
        run(PermitFrayTest.class, "lockWokenCompetitorTimesOut");
    }

    public void conditionSignalNWithTimingOutWaiterLock() {
        run(ConditionFrayTest.class, "signalNWithTimingOutWaiterLock");
    }

    /**
     * Options for a forked JVM that runs Fray tests as this one does: the agent and JVMTI library that
     * prepare-fray gave surefire, with Fray's report directory moved to {@code reportDir}.
     */
    static List<String> forkOptions(Path reportDir) {
        List<String> options = new ArrayList<>();
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-javaagent:") || arg.startsWith("-agentpath:")) {
                options.add(arg);
            }
        }
        if (options.size() != 2) {
            throw new IllegalStateException("not running with Fray's agent and JVMTI library: "
                    + ManagementFactory.getRuntimeMXBean().getInputArguments());
        }
        options.add("-Dfray.workDir=" + reportDir.toAbsolutePath());
        options.add("-Dfray.organize.by.test=true");
        return options;
    }

    /**
     * Runs the Fray test up to {@link #ROUNDS} times (each launch explores fresh random schedules; the JVM's
     * start-up, not the schedules, is most of a fork's cost) and throws at the first failure.
     */
    private static void run(Class<?> test, String method) {
        long schedules = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectMethod(test, method)).build();
            Launcher launcher = LauncherFactory.create();
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            launcher.execute(request, listener);
            TestExecutionSummary summary = listener.getSummary();
            long[] run = FrayEvidence.finished(FrayEvidence.logOf(test.getName(), method));
            if (summary.getTotalFailureCount() > 0) {
                Throwable t = summary.getFailures().get(0).getException();
                String where = run == null ? "" : String.format(" at schedule %d (round %d of %d; %d ms of Fray)",
                        schedules + run[0] + 1, round, ROUNDS, run[1]);
                throw new AssertionError(test.getSimpleName() + "." + method + " failed" + where + ": " + t, t);
            }
            if (summary.getTestsSucceededCount() != 1 || run == null) {
                // not a verdict on the mutant: the Fray test did not run (skipped, not found, not on Fray's JDK)
                System.out.println("VERDICT: BROKEN " + test.getSimpleName() + "." + method
                        + " did not run under Fray (" + summary.getTestsFoundCount() + " found, "
                        + summary.getTestsSkippedCount() + " skipped, " + summary.getTestsAbortedCount()
                        + " aborted)");
                System.out.flush();
                Runtime.getRuntime().halt(3);
            }
            schedules += run[0];
            System.out.println("Fray: " + test.getSimpleName() + "." + method + " round " + round + " passed "
                    + run[0] + " schedules in " + run[1] + " ms");
        }
    }

    /** Fray's report directory for the checks of one mutant. */
    static Path reportDir(String mutantId) {
        return Paths.get("target", "fray-mutants", mutantId);
    }
}
