package org.threading4j.checks.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The documentation's samples are tests: every {@code ```java} block of every Markdown file in the
 * repository is classified, compiled against the public API and, if it is a program, run (one dynamic test
 * per block). Writes one verification-report row per Markdown file (tool {@code DOC_SAMPLES}).
 */
class DocSamplesTest {

    private static final Path ROOT = Path.of(System.getProperty("threading4j.repoRoot", "../..")).toAbsolutePath()
            .normalize();
    private static final Duration TIMEOUT =
            Duration.ofSeconds(Long.getLong("threading4j.samples.timeoutSeconds", 60));

    private static MarkdownSamples.Extraction found;
    private static SampleCheck check;
    /** Per Markdown file: outcome counts and failures, for the summary and the report rows. */
    private static final Map<String, Tally> TALLIES = new LinkedHashMap<>();

    private static final class Tally {
        final Map<SampleCheck.Outcome, Integer> outcomes = new LinkedHashMap<>();
        int failed;
        double seconds;
    }

    @BeforeAll
    static void extract() throws IOException, URISyntaxException {
        found = MarkdownSamples.scan(ROOT);
        Path library = Path.of(org.threading4j.Lock.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path work = Path.of(System.getProperty("threading4j.samples.workDir", "target/samples"));
        check = new SampleCheck(library, work, TIMEOUT);
        for (Sample s : found.samples()) {
            TALLIES.computeIfAbsent(s.file(), f -> new Tally());
        }
    }

    @Test
    void everyJavaBlockIsClassifiedAndSeen() {
        if (!found.errors().isEmpty()) {
            fail(found.errors().size() + " problem(s) with the ```java blocks of the Markdown files:\n  "
                    + String.join("\n  ", found.errors()));
        }
        Map<String, Long> perFile = found.samples().stream()
                .collect(Collectors.groupingBy(Sample::file, LinkedHashMap::new, Collectors.counting()));
        for (Map.Entry<String, Integer> e : found.javaFences().entrySet()) {
            assertEquals(e.getValue().longValue(), perFile.getOrDefault(e.getKey(), 0L),
                    e.getKey() + ": ```java blocks in the file vs samples extracted");
        }
    }

    /** Guards against a scan that finds nothing (wrong root) and so proves nothing. */
    @Test
    void theDocumentationHasSamples() {
        for (String file : List.of("README.md", "docs/lock.md", "docs/threading-module.md")) {
            assertTrue(found.samples().stream().anyMatch(s -> s.file().equals(file)),
                    "no samples found in " + ROOT.resolve(file));
        }
    }

    @TestFactory
    Stream<DynamicNode> samples() {
        Map<String, List<Sample>> byFile = found.samples().stream()
                .collect(Collectors.groupingBy(Sample::file, LinkedHashMap::new, Collectors.toList()));
        return byFile.entrySet().stream().map(e -> DynamicContainer.dynamicContainer(e.getKey(),
                ROOT.resolve(e.getKey()).toUri(), e.getValue().stream().map(DocSamplesTest::test)));
    }

    private static DynamicTest test(Sample s) {
        String name = s.where() + " " + s.kind().name().toLowerCase(Locale.ROOT)
                + (s.release() > Sample.BASELINE_RELEASE ? " (Java " + s.release() + "+)" : "");
        URI source = URI.create(ROOT.resolve(s.file()).toUri() + "?line=" + s.fenceLine());
        return DynamicTest.dynamicTest(name, source, () -> {
            Tally t = TALLIES.get(s.file());
            long start = System.nanoTime();
            SampleCheck.Result r;
            try {
                r = check.check(s);
            } catch (AssertionError | RuntimeException e) {
                t.failed++;
                throw e;
            } finally {
                t.seconds += (System.nanoTime() - start) / 1e9;
            }
            t.outcomes.merge(r.outcome(), 1, Integer::sum);
            System.out.println("[samples] " + s.where() + ": " + r.outcome().name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + (r.detail().isEmpty() ? "" : " (" + r.detail() + ")"));
            if (r.outcome() == SampleCheck.Outcome.SKIPPED) {
                Assumptions.abort(s.where() + ": skipped: " + r.detail());
            }
        });
    }

    /** The build's run id: the report keeps only this build's rows (as the suite's evidence rows carry it). */
    private static final String RUN_ID = System.getProperty("threading4j.runId", "").replaceAll("[\\t\\n\\r]", " ");

    @AfterAll
    static void evidence() {
        StringBuilder rows = new StringBuilder();
        System.out.println("[samples] per file: run as programs / compiled only / rejected as expected / skipped");
        for (Map.Entry<String, Tally> e : TALLIES.entrySet()) {
            Tally t = e.getValue();
            int ran = t.outcomes.getOrDefault(SampleCheck.Outcome.RAN, 0);
            int compiled = t.outcomes.getOrDefault(SampleCheck.Outcome.COMPILED, 0);
            int rejected = t.outcomes.getOrDefault(SampleCheck.Outcome.REJECTED_AS_EXPECTED, 0);
            int skipped = t.outcomes.getOrDefault(SampleCheck.Outcome.SKIPPED, 0);
            int total = ran + compiled + rejected + skipped + t.failed;
            List<String> parts = new ArrayList<>();
            count(parts, ran, "run as a program");
            count(parts, compiled, "compiled only");
            count(parts, rejected, "rejected by javac, as the page says");
            count(parts, skipped, "skipped (needs a newer Java)");
            count(parts, t.failed, "FAILED");
            String explored = total + (total == 1 ? " sample: " : " samples: ") + String.join(", ", parts);
            System.out.printf(Locale.ROOT, "[samples]   %-32s %2d / %2d / %2d / %2d%s  %.1f s%n", e.getKey(), ran,
                    compiled, rejected, skipped, t.failed > 0 ? "  (" + t.failed + " failed)" : "", t.seconds);
            String result = t.failed > 0 ? "FAIL" : skipped == total ? "SKIPPED" : "PASS";
            rows.append(String.join("\t", "Documentation", "Java samples compile against the public API and run: "
                            + e.getKey(), "DOC_SAMPLES", "DocSamplesTest " + e.getKey(), result, explored,
                    String.format(Locale.ROOT, "%.1f", t.seconds), Runtime.version().toString(), RUN_ID,
                    t.failed > 0 ? t.failed + " samples failed: see the test's failures" : "")).append('\n');
        }
        int blocks = found.javaFences().values().stream().mapToInt(Integer::intValue).sum();
        rows.append(String.join("\t", "Documentation",
                "every Java block of the Markdown files is classified and extracted", "DOC_SAMPLES",
                "DocSamplesTest.everyJavaBlockIsClassifiedAndSeen",
                found.errors().isEmpty() ? "PASS" : "FAIL", found.javaFences().size() + " files, " + blocks
                        + " Java blocks, " + found.errors().size() + " problems", "0.0",
                Runtime.version().toString(), RUN_ID, "")).append('\n');
        String dir = System.getProperty("threading4j.evidenceDir");
        if (dir == null || dir.isEmpty() || rows.length() == 0) {
            return;
        }
        Path file = Path.of(dir, DocSamplesTest.class.getName() + ".tsv");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, rows.toString().getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void count(List<String> parts, int n, String what) {
        if (n > 0) {
            parts.add(n + " " + what);
        }
    }
}
