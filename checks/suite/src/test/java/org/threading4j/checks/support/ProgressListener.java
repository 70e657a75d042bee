package org.threading4j.checks.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints the suite's progress, one line when a test class starts and one when it ends: check kind,
 * primitive, class, how many classes are done of how many, elapsed time and an estimate of the rest, e.g.
 * <pre>
 * [progress] 12/98 done    lincheck Lock LockLincheckTest: passed in 41.2 s | elapsed 3m12s | rest ~25m
 * </pre>
 * The estimate starts from {@link Budget}'s table (a class's own row, else its kind's time shared equally
 * among the kind's classes) and is corrected by how fast the finished classes actually ran compared with it.
 *
 * <p>It also appends each class start and end, and the JVM's uptime at the plan's end, to the file named by
 * {@code threading4j.progressFile} (if set), so the report can tell a class that never finished (its JVM
 * was killed by the fork timeout, or crashed) from one that passed. Registered for the surefire JVM by {@code META-INF/services}; the forked mutant
 * JVMs run checks without the JUnit launcher, so they print nothing.
 */
public final class ProgressListener implements TestExecutionListener {

    /** Report order of primitives; the longest matching prefix of a class name wins. */
    private static final List<String> PRIMITIVES = List.of("BoundedSemaphore", "Semaphore", "RLock", "Lock",
            "Condition", "Event", "Barrier", "Timer");
    /** Expected seconds of a class the table says nothing about. */
    private static final double UNKNOWN_CLASS_SECONDS = 10;

    private TestPlan plan;
    private final Map<String, String> topClassOf = new HashMap<>();   // unique id -> top-level class name
    private final Map<String, Double> expected = new LinkedHashMap<>(); // top-level class -> expected s
    private final Map<String, Long> startedAt = new HashMap<>();
    private final Map<String, String> problems = new LinkedHashMap<>(); // class -> what went wrong
    private final Map<String, Integer> skippedTests = new HashMap<>(); // class -> tests skipped by an assumption
    private final Set<String> finished = new HashSet<>();
    private long planStart;
    private int done;
    private double expectedDone;
    private double actualDone;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        planStart = System.nanoTime();
        List<String> classes = new ArrayList<>();
        for (TestIdentifier root : testPlan.getRoots()) {
            collectTopClasses(root, classes);
        }
        Budget budget = Budget.current();
        Map<String, Integer> perKind = new TreeMap<>();
        for (String c : classes) {
            perKind.merge(kind(c), 1, Integer::sum);
        }
        double total = 0;
        for (String c : classes) {
            double own = budget.expectedSeconds(c);
            double kindTotal = budget.expectedSeconds(kind(c));
            double e = own >= 0 ? own : kindTotal >= 0 ? kindTotal / perKind.get(kind(c)) : UNKNOWN_CLASS_SECONDS;
            expected.put(c, e);
            total += e;
        }
        print(String.format(Locale.ROOT, "%d test classes %s; depth %s; %s; JUnit checks expected to take ~%s",
                classes.size(), perKind, Depth.current().name().toLowerCase(Locale.ROOT), budget.describe(),
                clock(total)));
        record("plan-start", "", budget.describe(), 0); // the report shows this line as the run's budget
    }

    private void collectTopClasses(TestIdentifier id, List<String> into) {
        String cls = className(id);
        if (cls != null) {
            into.add(cls);
            topClassOf.put(id.getUniqueId(), cls);
            for (TestIdentifier d : plan.getDescendants(id)) {
                topClassOf.put(d.getUniqueId(), cls);
            }
            return;
        }
        for (TestIdentifier child : plan.getChildren(id)) {
            collectTopClasses(child, into);
        }
    }

    private static String className(TestIdentifier id) {
        return id.getSource().filter(s -> s instanceof ClassSource)
                .map(s -> ((ClassSource) s).getClassName()).orElse(null);
    }

    private boolean isTopClass(TestIdentifier id) {
        String cls = className(id);
        return cls != null && cls.equals(topClassOf.get(id.getUniqueId())) && expected.containsKey(cls)
                && plan.getParent(id).map(p -> className(p) == null).orElse(true);
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (plan == null || !isTopClass(id)) {
            return;
        }
        String cls = className(id);
        startedAt.put(cls, System.nanoTime());
        print(String.format(Locale.ROOT, "%d/%d start   %s | elapsed %s | rest ~%s", done + 1, expected.size(),
                label(cls), clock(elapsed()), clock(rest(cls))));
        record("class-start", cls, "", 0);
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (plan != null && isTopClass(id)) {
            String cls = className(id);
            done++;
            finished.add(cls); // not in the speed ratio: a skipped class says nothing about speed
            print(String.format(Locale.ROOT, "%d/%d skipped %s (%s)", done, expected.size(), label(cls), reason));
            record("class-end", cls, "SKIPPED", 0);
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (plan == null) {
            return;
        }
        String top = topClassOf.get(id.getUniqueId());
        if (top != null && id.isTest() && result.getStatus() == TestExecutionResult.Status.ABORTED) {
            skippedTests.merge(top, 1, Integer::sum); // an assumption did not hold: skipped, not failed
        } else if (top != null && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            problems.merge(top, id.isTest() ? "a test failed" : "set-up failed", (a, b) -> a + "; " + b);
        }
        if (!isTopClass(id)) {
            return;
        }
        String cls = className(id);
        Long start = startedAt.remove(cls);
        double seconds = start == null ? 0 : (System.nanoTime() - start) / 1e9;
        done++;
        finished.add(cls);
        expectedDone += expected.get(cls);
        actualDone += seconds;
        Integer skipped = skippedTests.remove(cls);
        String status = problems.containsKey(cls) ? "FAILED"
                : "passed" + (skipped == null ? "" : " (" + skipped + (skipped == 1 ? " test" : " tests") + " skipped)");
        print(String.format(Locale.ROOT, "%d/%d done    %s: %s in %.1f s | elapsed %s | rest ~%s", done,
                expected.size(), label(cls), status, seconds, clock(elapsed()), clock(rest(null))));
        record("class-end", cls, status.startsWith("passed") ? "PASS" : "FAIL", seconds);
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (plan == null) {
            return;
        }
        print(String.format(Locale.ROOT, "%d/%d test classes done in %s; %d with failures%s", done,
                expected.size(), clock(elapsed()), problems.size(),
                problems.isEmpty() ? "" : ": " + String.join(", ", problems.keySet())));
        // The JVM's uptime, so the report can tell a plan that ended at surefire's fork timeout (the JVM is
        // then killed, and surefire only logs it when test failures are ignored).
        record("plan-end", "", done + " of " + expected.size() + " classes",
                ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
    }

    /**
     * Expected seconds left: the classes not yet finished at their expected time, scaled by how the finished
     * ones compared with theirs, less what the running class has already spent.
     */
    private double rest(String running) {
        double left = 0;
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            if (!finished.contains(e.getKey())) {
                left += e.getValue();
            }
        }
        double ratio = expectedDone > 0 && actualDone > 0 ? actualDone / expectedDone : 1;
        Long start = running == null ? null : startedAt.get(running);
        double spent = start == null ? 0 : (System.nanoTime() - start) / 1e9;
        return Math.max(0, left * ratio - spent);
    }

    private double elapsed() {
        return (System.nanoTime() - planStart) / 1e9;
    }

    /** {@code lincheck Lock LockLincheckTest}. */
    private static String label(String cls) {
        String simple = cls.substring(cls.lastIndexOf('.') + 1);
        String primitive = "-";
        for (String p : PRIMITIVES) {
            if (simple.startsWith(p)) {
                primitive = p;
                break;
            }
        }
        return kind(cls) + " " + primitive + " " + simple;
    }

    /** The check kind: the package under {@code org.threading4j.checks} (contract, lincheck, ...). */
    static String kind(String cls) {
        String prefix = "org.threading4j.checks.";
        if (!cls.startsWith(prefix)) {
            return "other";
        }
        String rest = cls.substring(prefix.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? "other" : rest.substring(0, dot);
    }

    /** {@code 45s}, {@code 3m12s}, {@code 1h05m}. */
    static String clock(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }

    private static void print(String line) {
        System.out.println("[progress] " + line);
        System.out.flush();
    }

    /** Appends {@code run, event, class, status, seconds, epoch millis} to the progress file, if any. */
    private static void record(String event, String cls, String status, double seconds) {
        String file = System.getProperty("threading4j.progressFile");
        if (file == null || file.isEmpty()) {
            return;
        }
        String line = String.join("\t", System.getProperty("threading4j.runId", ""), event, cls,
                status.replace('\t', ' ').replace('\n', ' '),
                String.format(Locale.ROOT, "%.1f", seconds), String.valueOf(System.currentTimeMillis())) + "\n";
        Path path = Paths.get(file);
        try {
            Files.createDirectories(path.getParent());
            Files.write(path, line.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
