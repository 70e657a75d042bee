package org.threading4j.checks.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A wall-time budget for the whole build, {@code -Dthreading4j.budget=PT30M} (an ISO-8601 duration), turned
 * into one depth factor {@code f} that every check's bounds follow ({@link Depth#pick(int, int)}).
 *
 * <p><b>The model.</b> Each check's cost grows about linearly with its bounds (Lincheck invocations, property
 * examples, stress durations, jcstress iterations). A bound at factor {@code f} is {@code ci + (deep - ci) * f}:
 * {@code f = 0} is CI depth, {@code f = 1} is deep depth, {@code f > 1} extrapolates past deep. The build's
 * time is then {@code T(f) = T_ci + (T_deep - T_ci) * f}, with {@code T_ci} and {@code T_deep} the sums of
 * the kind rows of {@code durations.tsv} (seconds on 2 cores at each depth; the {@code build} row covers
 * compilation, the benchmark smoke run and the report, which no depth changes). Solving
 * {@code T(f) = budget} gives {@code f}, clamped to {@code [0, MAX_FACTOR]}: a budget below the CI-depth
 * estimate runs at CI depth (CI depth is the floor the mutant meta-tests were tuned to; less would let
 * known bugs through), and a budget far above deep stops at {@code MAX_FACTOR} times the deep extra work.
 *
 * <p>Without a budget nothing changes: the depth is {@code threading4j.depth} ({@code ci} or {@code deep}),
 * and {@link #factor()} is exactly 0 or 1.
 *
 * <p>This file depends on the JDK only, so the jcstress module can run it as a single-file program
 * ({@code java Budget.java jcstress-args <budget> <durations.tsv>}) to scale its options the same way.
 */
public final class Budget {

    /** The system property holding the budget; unset or empty means no budget. */
    public static final String PROPERTY = "threading4j.budget";
    /** The upper clamp of the factor: twenty times the deep-minus-CI work is the most a budget buys. */
    static final double MAX_FACTOR = 20;
    /** The resource, next to this class, with the measured (or estimated) durations. */
    static final String TABLE = "durations.tsv";

    private static volatile Budget current;

    private final Duration budget;       // null: no budget
    private final double factor;         // 0 = ci, 1 = deep
    private final double ciSeconds;      // T_ci of the model (0 when no table)
    private final double deepSeconds;    // T_deep of the model
    private final Map<String, double[]> table;

    private Budget(Duration budget, double factor, double ciSeconds, double deepSeconds, Map<String, double[]> table) {
        this.budget = budget;
        this.factor = factor;
        this.ciSeconds = ciSeconds;
        this.deepSeconds = deepSeconds;
        this.table = table;
    }

    /**
     * The budget of this JVM, from the system properties {@value #PROPERTY} and {@code threading4j.depth}.
     *
     * @throws IllegalArgumentException if the budget is not an ISO-8601 duration
     */
    public static Budget current() {
        Budget b = current;
        if (b == null) {
            // Racing first calls compute the same value from the same inputs; either write may win.
            b = of(System.getProperty(PROPERTY, ""),
                    "deep".equalsIgnoreCase(System.getProperty("threading4j.depth", "ci")),
                    readTable(Budget.class.getResourceAsStream(TABLE)));
            current = b;
        }
        return b;
    }

    /** The budget for {@code spec} (empty: none, then {@code deep} decides the factor, 0 or 1). */
    static Budget of(String spec, boolean deep, Map<String, double[]> table) {
        double ci = total(table, 0), dp = total(table, 1);
        if (spec == null || spec.isBlank()) {
            return new Budget(null, deep ? 1 : 0, ci, dp, table);
        }
        Duration d;
        try {
            d = Duration.parse(spec.strip().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(PROPERTY + "=" + spec + " is not an ISO-8601 duration (e.g. PT30M, PT1H30M)", e);
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(PROPERTY + "=" + spec + " must be positive");
        }
        return new Budget(d, factor(d.toMillis() / 1000.0, ci, dp), ci, dp, table);
    }

    /** {@code f} with {@code T_ci + (T_deep - T_ci) * f = budget}, clamped to {@code [0, MAX_FACTOR]}. */
    static double factor(double budgetSeconds, double ciSeconds, double deepSeconds) {
        if (deepSeconds <= ciSeconds) {
            return budgetSeconds >= deepSeconds ? 1 : 0; // no usable table: all or nothing
        }
        double f = (budgetSeconds - ciSeconds) / (deepSeconds - ciSeconds);
        return Math.max(0, Math.min(MAX_FACTOR, f));
    }

    /** True if a budget was given. */
    public boolean isSet() {
        return budget != null;
    }

    /** The budget, or null. */
    public Duration budget() {
        return budget;
    }

    /** The depth factor: 0 at CI depth, 1 at deep depth, in between or beyond under a budget. */
    public double factor() {
        return factor;
    }

    /** {@code ci + (deep - ci) * factor}, rounded; exactly {@code ci} or {@code deep} without a budget. */
    public long scale(long ci, long deep) {
        if (budget == null) {
            return factor >= 1 ? deep : ci;
        }
        double v = ci + (deep - (double) ci) * factor;
        return Math.round(Math.max(Long.MIN_VALUE, Math.min(Long.MAX_VALUE, v)));
    }

    /** The model's estimate of the whole build at this factor, in seconds (0 if there is no table). */
    public double expectedSeconds() {
        return ciSeconds + (deepSeconds - ciSeconds) * factor;
    }

    /**
     * The expected seconds of one table row ({@code lincheck}, or a test class's name) at this factor, or
     * -1 if the table has no such row.
     */
    public double expectedSeconds(String key) {
        double[] row = table.get(key);
        return row == null ? -1 : row[0] + (row[1] - row[0]) * factor;
    }

    /** One line for logs and the report: budget, factor and what the model expects. */
    public String describe() {
        if (budget == null) {
            return String.format(Locale.ROOT, "no budget (depth factor %.0f); model: ci %s, deep %s",
                    factor, minutes(ciSeconds), minutes(deepSeconds));
        }
        return String.format(Locale.ROOT, "budget %s: depth factor %.2f (0 = ci, 1 = deep), expected %s%s",
                budget, factor, minutes(expectedSeconds()),
                factor == 0 && budget.toSeconds() < ciSeconds ? " (the budget is below the CI-depth estimate "
                        + minutes(ciSeconds) + "; running at CI depth, the floor)" : "");
    }

    private static String minutes(double seconds) {
        return String.format(Locale.ROOT, "%.0f min", seconds / 60);
    }

    /**
     * The jcstress options for this factor: CI depth is {@code -iters 1 -sc false}, deep depth is jcstress's
     * {@code quick} mode ({@code -iters 5}, split compilation on); in between the iterations interpolate and
     * split compilation stays off, beyond deep the iterations grow.
     */
    public String jcstressArgs() {
        long iters = Math.max(1, scale(1, 5));
        return "-m quick -c 2 -time 200 -iters " + iters + (factor >= 1 ? "" : " -sc false");
    }

    /** Sum of one column over the kind rows (keys without a dot; class rows refine the progress ETA only). */
    private static double total(Map<String, double[]> table, int column) {
        double sum = 0;
        for (Map.Entry<String, double[]> e : table.entrySet()) {
            String key = e.getKey();
            if (key.indexOf('.') >= 0 || (key.equals("vthreads") && Runtime.version().feature() < 21)) {
                continue; // virtual-thread checks run on JDK 21+ only
            }
            sum += e.getValue()[column];
        }
        return sum;
    }

    /** Rows {@code key <TAB> ci seconds <TAB> deep seconds}; {@code #} starts a comment. */
    static Map<String, double[]> readTable(InputStream in) {
        Map<String, double[]> rows = new LinkedHashMap<>();
        if (in == null) {
            return rows;
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                int hash = line.indexOf('#');
                String s = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (s.isEmpty()) {
                    continue;
                }
                String[] c = s.split("\\s+");
                if (c.length < 3) {
                    throw new IllegalArgumentException(TABLE + ": expected 'key ci deep' in: " + line);
                }
                rows.put(c[0], new double[] {Double.parseDouble(c[1]), Double.parseDouble(c[2])});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /**
     * {@code jcstress-args <budget> <durations.tsv>}: prints the jcstress options for the budget (used by
     * checks/jcstress); {@code describe <budget> <durations.tsv>}: prints {@link #describe()}.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 3 || !(args[0].equals("jcstress-args") || args[0].equals("describe"))) {
            System.err.println("usage: java Budget.java jcstress-args|describe <ISO-8601 budget> <durations.tsv>");
            System.exit(2);
        }
        Path tablePath = Paths.get(args[2]);
        Budget b;
        try (InputStream in = Files.newInputStream(tablePath)) {
            b = of(args[1], false, readTable(in));
        }
        System.out.println(args[0].equals("jcstress-args") ? b.jcstressArgs() : b.describe());
    }
}
