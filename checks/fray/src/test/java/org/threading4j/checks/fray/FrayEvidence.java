package org.threading4j.checks.fray;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.threading4j.checks.support.Evidence;

/**
 * Records, for a {@code @FrayTest}'s report row, how many schedules Fray explored. Fray runs the test method
 * in a class loader of its own (so a call to {@link Evidence} inside the test would reach another copy of
 * it); the count is therefore read after the run from the log Fray writes for each test, under
 * {@code $fray.workDir/<class>/<method>/fray.log} (with {@code -Dfray.organize.by.test=true}). On a failure
 * the count ends with the schedule that failed.
 */
public final class FrayEvidence implements AfterTestExecutionCallback {

    private static final Pattern FINISHED = Pattern.compile("Total iter: (\\d+), Elapsed time: (\\d+)ms");

    @Override
    public void afterTestExecution(ExtensionContext context) {
        Path log = logOf(context.getRequiredTestClass().getName(), context.getRequiredTestMethod().getName());
        long[] run = finished(log);
        if (run == null) {
            Evidence.explored(0, "Fray schedules (no " + log + ")");
            return;
        }
        // Fray counts schedules from 0: after a pass the count is the number run, after a failure the index
        // of the failing one.
        if (context.getExecutionException().isPresent()) {
            Evidence.explored(run[0] + 1, "Fray schedules (POS), failed at the last");
        } else {
            Evidence.explored(run[0], "Fray schedules (POS)");
        }
    }

    /** Fray's log for one test method. */
    static Path logOf(String className, String method) {
        return Paths.get(System.getProperty("fray.workDir", "target/fray/fray-report"), className, method,
                "fray.log");
    }

    /** {schedules run, milliseconds} from the last "Run finished" line of a Fray log, or null if none. */
    static long[] finished(Path log) {
        if (!Files.isRegularFile(log)) {
            return null;
        }
        try {
            long[] last = null;
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                Matcher m = FINISHED.matcher(line);
                if (m.find()) {
                    last = new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
                }
            }
            return last;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
