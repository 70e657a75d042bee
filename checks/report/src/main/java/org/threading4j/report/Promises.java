package org.threading4j.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The promises tables of {@code docs/verification.md} (section "Promises": one table per primitive, columns
 * id, promise, stated in, checks, kind, note) and each promise's result in this build: the results of the
 * checks it names, looked up in the evidence rows, surefire's XML and jcstress's results.
 *
 * <p>A check is {@code Class#method} (a JUnit test; the class by simple or full name, an inherited test by
 * the class that runs it) or a bare class name (a jcstress test, or every test of a class, such as the
 * documentation samples, whose dynamic tests surefire names after their Markdown lines). A name that
 * matches no class and method in the checks' sources ({@code checks/*}{@code /src}) is an error, so that a
 * typo in the table cannot pass as "not run".
 */
final class Promises {

    /** The file, relative to the build root. */
    static final String FILE = "docs/verification.md";

    private static final Pattern CHECK = Pattern.compile("`([A-Za-z_$][\\w$.]*)(?:#(\\w+))?`");

    /** A check named in the table: a class (simple name) and, unless it names the whole class, a method. */
    record Ref(String cls, String method) {

        @Override
        public String toString() {
            return method == null ? cls : cls + "#" + method;
        }
    }

    /** One row of a promises table; {@code section} is the heading above its table. */
    record Promise(String section, String id, String text, String where, List<Ref> checks, String kind,
                   String note) {

        boolean partial() {
            return note.strip().toLowerCase(java.util.Locale.ROOT).startsWith("partial");
        }
    }

    /** What one promise came to in this build. */
    enum Verdict { PASSED, FAILED, NOT_RUN, NO_CHECK, UNKNOWN_CHECK }

    /** A promise's result: the verdict and each named check's own result (PASS, FAIL, NOT RUN, UNKNOWN). */
    record Outcome(Promise promise, Verdict verdict, Map<Ref, String> byCheck) {

        List<Ref> with(String result) {
            return byCheck.entrySet().stream().filter(e -> e.getValue().equals(result)).map(Map.Entry::getKey)
                    .collect(Collectors.toList());
        }
    }

    private Promises() {
    }

    // ---------------------------------------------------------------------------------------------------
    // The tables

    /** The promises of {@code file}'s "## Promises" section, in order; empty if there is none. */
    static List<Promise> read(Path file) throws IOException {
        List<Promise> out = new ArrayList<>();
        if (file == null || !Files.exists(file)) {
            return out;
        }
        boolean inSection = false;
        String section = "";
        Map<String, Integer> columns = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("## ")) {
                inSection = line.substring(3).strip().equals("Promises");
                columns = null;
                continue;
            }
            if (!inSection) {
                continue;
            }
            if (line.startsWith("### ")) {
                section = line.substring(4).strip();
                columns = null;
                continue;
            }
            if (!line.startsWith("|")) {
                columns = null; // a table ends at its first non-table line
                continue;
            }
            List<String> cells = cells(line);
            if (columns == null) {
                if (!cells.isEmpty() && cells.get(0).equals("id")) {
                    columns = new HashMap<>();
                    for (int i = 0; i < cells.size(); i++) {
                        columns.put(cells.get(i), i);
                    }
                }
                continue;
            }
            if (cells.stream().allMatch(c -> c.matches(":?-+:?"))) {
                continue; // the separator line
            }
            String checks = cell(cells, columns, "checks");
            List<Ref> refs = new ArrayList<>();
            Matcher m = CHECK.matcher(checks);
            while (m.find()) {
                refs.add(new Ref(ReportMain.simpleName(m.group(1)), m.group(2)));
            }
            out.add(new Promise(section, cell(cells, columns, "id").replace("`", ""), cell(cells, columns, "promise"),
                    cell(cells, columns, "stated in"), refs, cell(cells, columns, "kind"), cell(cells, columns, "note")));
        }
        return out;
    }

    private static String cell(List<String> cells, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name);
        return i == null || i >= cells.size() ? "" : cells.get(i);
    }

    /** The cells of a Markdown table row, split at {@code |} but not at {@code \|}, stripped. */
    static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        String s = line.strip();
        int start = s.startsWith("|") ? 1 : 0;
        int end = s.endsWith("|") && !s.endsWith("\\|") ? s.length() - 1 : s.length();
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < end && s.charAt(i + 1) == '|') {
                cur.append('|');
                i++;
            } else if (c == '|') {
                out.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString().strip());
        return out;
    }

    // ---------------------------------------------------------------------------------------------------
    // The checks' sources

    /** The test classes of the checks' sources: simple name → methods declared, superclass (simple name). */
    static final class Sources {
        private final Map<String, Set<String>> methods = new HashMap<>();
        private final Map<String, String> supers = new HashMap<>();

        boolean exists(Ref r) {
            if (!methods.containsKey(r.cls())) {
                return false;
            }
            if (r.method() == null) {
                return true;
            }
            Set<String> seen = new HashSet<>();
            for (String c = r.cls(); c != null && seen.add(c); c = supers.get(c)) {
                if (methods.getOrDefault(c, Set.of()).contains(r.method())) {
                    return true;
                }
            }
            return false;
        }

        boolean isEmpty() {
            return methods.isEmpty();
        }
    }

    private static final Pattern METHOD = Pattern.compile("\\b(\\w+)\\s*\\([^)]*\\)\\s*(?:throws\\s+[\\w.,\\s]+)?\\{");
    private static final Set<String> NOT_METHODS = Set.of("if", "for", "while", "switch", "catch", "synchronized",
            "try", "do", "else", "return", "new");

    /**
     * Every {@code .java} file under {@code <root>/checks/<module>/src} (the report module's own excepted):
     * its top-level class, the class it extends and the methods it declares. A regular-expression scan, not a
     * parser: good enough to tell a test method from a typo.
     */
    static Sources scan(Path root) throws IOException {
        Sources out = new Sources();
        Path checks = root == null ? null : root.resolve("checks");
        if (checks == null || !Files.isDirectory(checks)) {
            return out;
        }
        List<Path> files;
        try (Stream<Path> all = Files.walk(checks)) {
            files = all.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                String rel = checks.relativize(p).toString().replace('\\', '/');
                return !rel.startsWith("report/") && rel.contains("/src/") && !rel.contains("/target/");
            }).sorted().collect(Collectors.toList());
        }
        for (Path f : files) {
            String name = f.getFileName().toString().replaceFirst("\\.java$", "");
            String text = Files.readString(f, StandardCharsets.UTF_8);
            Set<String> ms = out.methods.computeIfAbsent(name, k -> new HashSet<>());
            Matcher m = METHOD.matcher(text);
            while (m.find()) {
                if (!NOT_METHODS.contains(m.group(1))) {
                    ms.add(m.group(1));
                }
            }
            Matcher ext = Pattern.compile("\\b(?:class|interface)\\s+" + Pattern.quote(name)
                    + "\\b[^{]*?\\bextends\\s+([\\w.]+)").matcher(text);
            if (ext.find()) {
                out.supers.putIfAbsent(name, ReportMain.simpleName(ext.group(1)));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------
    // Results

    /**
     * Each promise's outcome from this build's rows (evidence, marked with surefire failures, plus jcstress's)
     * and surefire's test cases. A check counts as run if some row or test case matches it and not all of those
     * were skipped; it failed if any of them failed.
     */
    static List<Outcome> evaluate(List<Promise> promises, Sources sources, List<ReportMain.Row> rows,
                                  List<ReportMain.Suite> suites) {
        List<Outcome> out = new ArrayList<>();
        for (Promise p : promises) {
            Map<Ref, String> byCheck = new LinkedHashMap<>();
            for (Ref r : p.checks()) {
                byCheck.put(r, sources.exists(r) ? result(r, rows, suites) : "UNKNOWN");
            }
            Verdict v;
            if (byCheck.isEmpty()) {
                v = Verdict.NO_CHECK;
            } else if (byCheck.containsValue("UNKNOWN")) {
                v = Verdict.UNKNOWN_CHECK;
            } else if (byCheck.containsValue("FAIL")) {
                v = Verdict.FAILED;
            } else if (byCheck.containsValue("NOT RUN")) {
                v = Verdict.NOT_RUN;
            } else {
                v = Verdict.PASSED;
            }
            out.add(new Outcome(p, v, byCheck));
        }
        return out;
    }

    /** PASS, FAIL or NOT RUN for one existing check in this build. */
    static String result(Ref r, List<ReportMain.Row> rows, List<ReportMain.Suite> suites) {
        boolean pass = false, fail = false;
        for (ReportMain.Row row : rows) {
            if (matches(r, row.check())) {
                pass |= row.result().equals("PASS");
                fail |= row.result().equals("FAIL");
            }
        }
        for (ReportMain.Suite s : suites) {
            for (ReportMain.TestCase c : s.cases()) {
                if (ReportMain.simpleName(c.className()).equals(r.cls())
                        && (r.method() == null || ReportMain.methodName(c.name()).equals(r.method()))) {
                    pass |= c.result().equals("PASS");
                    fail |= c.result().equals("FAIL");
                }
            }
        }
        return fail ? "FAIL" : pass ? "PASS" : "NOT RUN";
    }

    /** Whether an evidence row's check ({@code Class.method [params]}, or a jcstress class) is {@code r}. */
    static boolean matches(Ref r, String check) {
        if (r.method() == null) {
            return check.equals(r.cls()) || check.startsWith(r.cls() + ".") || check.startsWith(r.cls() + " ");
        }
        return ReportMain.testKey(check).equals(r.cls() + "." + r.method());
    }
}
