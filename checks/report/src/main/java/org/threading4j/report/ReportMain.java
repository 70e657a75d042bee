package org.threading4j.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes the verification report: per primitive, each property, the tool that checked it, what was explored
 * and the result, from the evidence rows the checks wrote during this build ({@code evidence/*.tsv}, one row
 * per {@code @Verifies} annotation of each finished test) and from jcstress's HTML results.
 *
 * <p>Usage: {@code ReportMain <verification dir> <jcstress results dir>}. Writes
 * {@code <verification dir>/report.md} and prints its path. Exits with 1 if any row failed, so a build
 * never reports success over a failed check.
 */
public final class ReportMain {

    /** Report order; anything else goes after these. */
    private static final List<String> PRIMITIVES = List.of("Lock", "RLock", "Condition", "Semaphore",
            "BoundedSemaphore", "Event", "Barrier", "Timer");

    /** One line of evidence. */
    record Row(String primitive, String property, String tool, String check, String result, String explored,
               String seconds, String jdk) {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Paths.get(args.length > 0 ? args[0] : "target/verification");
        Path jcstressResults = args.length > 1 ? Paths.get(args[1]) : null;
        List<Row> rows = new ArrayList<>(readEvidence(dir.resolve("evidence")));
        if (jcstressResults != null) {
            rows.addAll(readJcstress(jcstressResults));
        }
        String depth = System.getProperty("threading4j.depth", "ci");
        String report = render(rows, depth, jcstressResults);
        Files.createDirectories(dir);
        Path out = dir.resolve("report.md");
        Files.writeString(out, report, StandardCharsets.UTF_8);
        long failed = rows.stream().filter(r -> r.result().equals("FAIL")).count();
        System.out.println();
        System.out.println("Verification report (" + rows.size() + " checks, " + failed + " failed): "
                + out.toAbsolutePath());
        System.out.println();
        if (failed > 0) {
            System.exit(1);
        }
    }

    static List<Row> readEvidence(Path evidence) throws IOException {
        if (!Files.isDirectory(evidence)) {
            return List.of();
        }
        // Keep the last row per (check, property, tool): a re-run without clean appends.
        Map<String, Row> byKey = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(evidence)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".tsv")).sorted().collect(Collectors.toList())) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    String[] c = line.split("\t", -1);
                    if (c.length < 8) {
                        continue;
                    }
                    Row r = new Row(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
                    byKey.remove(r.check() + "|" + r.property() + "|" + r.tool());
                    byKey.put(r.check() + "|" + r.property() + "|" + r.tool(), r);
                }
            }
        }
        return new ArrayList<>(byKey.values());
    }

    /** A test's row in jcstress's {@code index.html}: name, sample magnitude, verdict. */
    private static final Pattern JC_INDEX_ROW = Pattern.compile(
            "<a href=\"[^\"]+\">(org\\.threading4j\\.litmus\\.\\w+\\.(\\w+))</a></td>\\s*<td>(.*?)</td>\\s*<td class=\"\\w+\">(\\w+)</td>",
            Pattern.DOTALL);
    /** A JVM configuration's status cell in a test's own page. */
    private static final Pattern JC_CONFIG = Pattern.compile(">(OK|FAILED|ERROR|ACCEPTABLE|WARN)</td>");

    /**
     * Rows from jcstress's HTML report ({@code <dir>/index.html} and one page per test): the verdict, the
     * number of JVM configurations run and the order of magnitude of samples.
     */
    static List<Row> readJcstress(Path resultsDir) throws IOException {
        Path index = resultsDir.resolve("index.html");
        if (!Files.exists(index)) {
            return List.of();
        }
        String html = Files.readString(index, StandardCharsets.UTF_8);
        List<Row> rows = new ArrayList<>();
        Matcher m = JC_INDEX_ROW.matcher(html);
        while (m.find()) {
            String test = m.group(1), simple = m.group(2);
            String samples = m.group(3).replaceAll("<sup>(\\d+)</sup>", "^$1").replaceAll("<[^>]*>", "").strip();
            String verdict = m.group(4).equals("PASSED") ? "PASS" : "FAIL";
            int configs = 0;
            Path page = resultsDir.resolve(test + ".html");
            if (Files.exists(page)) {
                Matcher c = JC_CONFIG.matcher(Files.readString(page, StandardCharsets.UTF_8));
                while (c.find()) {
                    configs++;
                }
            }
            int us = simple.indexOf('_');
            String primitive = us > 0 ? simple.substring(0, us) : simple;
            rows.add(new Row(primitive, claim(simple), "JCSTRESS", simple, verdict,
                    configs + " JVM configurations, about " + samples + " samples", "", Runtime.version().toString()));
        }
        return rows;
    }

    /** {@code Lock_02_ReleaseHappensBeforeAcquire} → "release happens before acquire". */
    static String claim(String simple) {
        String s = simple.replaceFirst("^[A-Za-z]+_\\d+_", "");
        return s.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z])([A-Z][a-z])", "$1 $2")
                .toLowerCase(Locale.ROOT);
    }

    static String render(List<Row> rows, String depth, Path jcstressResults) {
        StringBuilder sb = new StringBuilder();
        long pass = rows.stream().filter(r -> r.result().equals("PASS")).count();
        long fail = rows.stream().filter(r -> r.result().equals("FAIL")).count();
        long skip = rows.stream().filter(r -> r.result().equals("SKIPPED")).count();
        sb.append("# threading4j verification report\n\n");
        sb.append("- Generated: ").append(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME)).append('\n');
        sb.append("- Depth: `").append(depth).append("` (ci = the test command; deep = the main job)\n");
        sb.append("- JDK: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(Runtime.version()).append('\n');
        sb.append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs, ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch")).append('\n');
        sb.append("- Result: **").append(pass).append(" passed, ").append(fail).append(" failed, ")
                .append(skip).append(" skipped**\n\n");
        sb.append("Each row is one check of one property. *Explored* is the work behind the verdict (Lincheck "
                + "scenarios and invocations, model-based sequences, stress hand-overs, jcstress JVM "
                + "configurations); see `docs/verification.md` for what each tool can and cannot prove.\n\n");

        Map<String, List<Row>> byPrimitive = new TreeMap<>((a, b) -> {
            int ia = PRIMITIVES.indexOf(a), ib = PRIMITIVES.indexOf(b);
            ia = ia < 0 ? 99 : ia;
            ib = ib < 0 ? 99 : ib;
            return ia != ib ? Integer.compare(ia, ib) : a.compareTo(b);
        });
        for (Row r : rows) {
            byPrimitive.computeIfAbsent(r.primitive(), k -> new ArrayList<>()).add(r);
        }
        sb.append("## Summary\n\n| primitive | checks | passed | failed | skipped | tools |\n|---|---|---|---|---|---|\n");
        for (Map.Entry<String, List<Row>> e : byPrimitive.entrySet()) {
            List<Row> rs = e.getValue();
            sb.append("| ").append(e.getKey()).append(" | ").append(rs.size())
                    .append(" | ").append(rs.stream().filter(r -> r.result().equals("PASS")).count())
                    .append(" | ").append(rs.stream().filter(r -> r.result().equals("FAIL")).count())
                    .append(" | ").append(rs.stream().filter(r -> r.result().equals("SKIPPED")).count())
                    .append(" | ").append(rs.stream().map(r -> toolLabel(r.tool())).distinct().sorted()
                            .collect(Collectors.joining(", ")))
                    .append(" |\n");
        }
        sb.append('\n');
        for (Map.Entry<String, List<Row>> e : byPrimitive.entrySet()) {
            sb.append("## ").append(e.getKey()).append("\n\n");
            sb.append("| property | tool | check | explored | result | s |\n|---|---|---|---|---|---|\n");
            List<Row> rs = new ArrayList<>(e.getValue());
            rs.sort((a, b) -> a.tool().equals("MUTANT") != b.tool().equals("MUTANT")
                    ? (a.tool().equals("MUTANT") ? 1 : -1)
                    : a.property().compareTo(b.property()));
            for (Row r : rs) {
                sb.append("| ").append(esc(r.property())).append(" | ").append(toolLabel(r.tool()))
                        .append(" | `").append(esc(r.check())).append("` | ").append(esc(r.explored()))
                        .append(" | ").append(mark(r.result())).append(" | ").append(r.seconds()).append(" |\n");
            }
            sb.append('\n');
        }
        if (rows.stream().noneMatch(r -> r.tool().equals("JCSTRESS"))) {
            sb.append("_No jcstress results found (" + jcstressResults + "): the jcstress rows are missing._\n");
        }
        return sb.toString();
    }

    private static String toolLabel(String tool) {
        switch (tool) {
            case "CONTRACT": return "contract";
            case "LINCHECK_STRESS": return "Lincheck stress";
            case "LINCHECK_MODEL": return "Lincheck model checking";
            case "LINCHECK_CONCURRENT": return "Lincheck runConcurrentTest";
            case "PROPERTY": return "QuickTheories";
            case "PROPERTY_PARALLEL": return "QuickTheories parallel";
            case "STRESS": return "stress + watchdog";
            case "VIRTUAL_THREADS": return "virtual threads + JFR";
            case "FRAY": return "Fray";
            case "MUTANT": return "mutant meta-test";
            case "JCSTRESS": return "jcstress";
            default: return tool;
        }
    }

    private static String mark(String result) {
        switch (result) {
            case "PASS": return "pass";
            case "FAIL": return "**FAIL**";
            default: return "skipped";
        }
    }

    private static String esc(String s) {
        return s.replace("|", "\\|");
    }
}
