package org.threading4j.bench.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Per-thread operation counts of a contended benchmark and their Jain fairness index,
 * {@code J = (sum x)^2 / (n * sum x^2)}: 1.0 when every thread completed the same number of operations,
 * {@code 1/n} when one thread did all of them.
 *
 * <p>Use: a benchmark method takes a {@link Counter} and bumps {@code counter.ops} once per operation
 * (outside the critical section, the same for every peer). Each counter registers with this
 * benchmark-wide state at the start of an iteration; when the iteration ends (after every thread stopped),
 * the index of that measurement iteration is appended to the file named by the system property
 * {@value #FILE_PROPERTY} (one CSV line per iteration; forks append in turn), or printed when the property
 * is not set. JMH's JSON has no slot for it, so the report joins the two by benchmark name, parameters and
 * thread count.
 */
@State(Scope.Benchmark)
public class Fairness {

    /** System property naming the CSV file the indices are appended to. */
    public static final String FILE_PROPERTY = "bench.fairness.file";

    private final ConcurrentLinkedQueue<Counter> counters = new ConcurrentLinkedQueue<>();

    /** One thread's operations in the current iteration. */
    @State(Scope.Thread)
    public static class Counter {
        /** Bumped by the benchmark method, once per completed operation. */
        public long ops;

        @Setup(Level.Iteration)
        public void register(Fairness fairness) {
            ops = 0;
            fairness.counters.add(this);
        }
    }

    /** Jain's index of {@code counts}; 1.0 for no or only idle threads. */
    public static double jain(long[] counts) {
        double sum = 0, squares = 0;
        for (long c : counts) {
            sum += c;
            squares += (double) c * c;
        }
        return squares == 0 ? 1.0 : sum * sum / (counts.length * squares);
    }

    @TearDown(Level.Iteration)
    public void record(BenchmarkParams benchmark, IterationParams iteration) {
        List<Counter> all = new ArrayList<>(counters);
        counters.clear();
        if (iteration.getType() != IterationType.MEASUREMENT || all.isEmpty()) {
            return;
        }
        long[] counts = new long[all.size()];
        long min = Long.MAX_VALUE, max = 0;
        for (int i = 0; i < counts.length; i++) {
            counts[i] = all.get(i).ops;
            min = Math.min(min, counts[i]);
            max = Math.max(max, counts[i]);
        }
        Map<String, String> params = new TreeMap<>();
        for (String key : benchmark.getParamsKeys()) {
            params.put(key, benchmark.getParam(key));
        }
        StringBuilder p = new StringBuilder();
        params.forEach((k, v) -> p.append(p.length() == 0 ? "" : ";").append(k).append('=').append(v));
        String line = String.format(java.util.Locale.ROOT, "%s,%s,%d,%.6f,%d,%d%n",
                benchmark.getBenchmark(), p, benchmark.getThreads(), jain(counts), min, max);
        String file = System.getProperty(FILE_PROPERTY);
        if (file == null || file.isEmpty()) {
            System.out.print("fairness: " + line);
            return;
        }
        try {
            Path path = Paths.get(file);
            Files.write(path, line.getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
