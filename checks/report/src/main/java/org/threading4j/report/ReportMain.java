package org.threading4j.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Writes the verification report, {@code <verification dir>/report.md}, and decides whether the build passed.
 *
 * <p>It runs last in the build. The checks before it do not stop the build when they fail (surefire has
 * {@code testFailureIgnore}, the jcstress wrapper records its exit code), so the report is written for a
 * failing build too; it opens with a <b>Failures</b> section listing every failure with its first lines, and
 * then this program exits with 1, which fails the build. Its sources:
 * <ul>
 *   <li>the evidence rows the checks wrote ({@code evidence/*.tsv}, one row per {@code @Verifies} of each
 *       finished test, with the failure's first lines for a failed one);</li>
 *   <li>surefire's JUnit XML ({@code <module>/target/surefire-reports/TEST-*.xml}): failures of tests
 *       without {@code @Verifies}, of class set-up, and the time per check kind;</li>
 *   <li>the progress file ({@code progress.tsv}): a test class that started but never finished (its JVM was
 *       killed or crashed) is a failure;</li>
 *   <li>jcstress's HTML results and {@code jcstress-status.properties} (its exit code and time);</li>
 *   <li>the promises tables of {@code docs/verification.md} ({@link Promises}): each promise gets the results
 *       of the checks it names; a failed one is named in the Failures entry of its check, and a check name
 *       that matches no test in the checks' sources is a failure of its own.</li>
 * </ul>
 * Only this build's data counts (rows carrying its run id, files written since it started), unless no check
 * ran in this build at all, in which case the report says it shows earlier builds.
 *
 * <p>Usage: {@code ReportMain <verification dir> <jcstress results dir>}, with the system properties
 * {@code threading4j.root} (the repository), {@code threading4j.runId} (the build's start, ISO-8601),
 * {@code threading4j.depth}, {@code threading4j.budget}, {@code threading4j.version} and
 * {@code threading4j.forkTimeout} (surefire's, in seconds). Also writes
 * {@code <verification dir>/durations.tsv}, this run's times in the format of the suite's duration table.
 */
public final class ReportMain {

    /** Report order; anything else goes after these. */
    private static final List<String> PRIMITIVES = List.of("Lock", "RLock", "Condition", "Semaphore",
            "BoundedSemaphore", "Event", "Barrier", "Timer");
    /** Report order of check kinds (the package under org.threading4j.checks, plus jcstress). */
    private static final List<String> KINDS = List.of("contract", "lincheck", "property", "stress", "mutants",
            "vthreads", "jcstress");
    /** Lines of a failure shown in the Failures section. */
    private static final int FAILURE_LINES = 14;
    /** Slack when comparing file times with the build's start (file systems round times). */
    private static final Duration CLOCK_SLACK = Duration.ofSeconds(2);

    /** One line of evidence; {@code run} and {@code message} are empty in rows of older builds. */
    record Row(String primitive, String property, String tool, String check, String result, String explored,
               String seconds, String jdk, String run, String message) {

        Row withFailure(String msg) {
            return new Row(primitive, property, tool, check, "FAIL", explored, seconds, jdk, run, msg);
        }
    }

    /** One {@code <testcase>} of a surefire XML report. */
    record TestCase(String className, String name, double seconds, String result, String message) {

        String key() {
            return simpleName(className) + "." + methodName(name);
        }
    }

    /** One surefire XML report (one test class). */
    record Suite(Path file, String className, double seconds, List<TestCase> cases) {
    }

    /** One entry of the Failures section. */
    record Failure(String check, String what, String message) {
    }

    /** What this build is: where its data lives and which run it is. */
    record Inputs(Path root, Path verificationDir, Path jcstressResults, String runId, String depth, String budget,
                  String version, double forkTimeoutSeconds) {

        Instant start() {
            try {
                return runId == null || runId.isBlank() ? null : Instant.parse(runId.strip());
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        Path jcstressStatus() {
            return jcstressResults == null ? null : jcstressResults.resolveSibling("jcstress-status.properties");
        }
    }

    public static void main(String[] args) throws IOException {
        Path dir = Paths.get(args.length > 0 ? args[0] : "target/verification");
        Path jcstress = args.length > 1 ? Paths.get(args[1]) : null;
        Path root = Paths.get(System.getProperty("threading4j.root", "."));
        Inputs in = new Inputs(root, dir, jcstress, System.getProperty("threading4j.runId", ""),
                System.getProperty("threading4j.depth", "ci"), System.getProperty("threading4j.budget", ""),
                System.getProperty("threading4j.version", "unknown"),
                number(System.getProperty("threading4j.forkTimeout", "0")));
        int status = run(in, System.out);
        System.out.flush();
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Writes the report; returns 0 if everything that ran passed, 1 if anything failed. */
    static int run(Inputs in, PrintStream out) throws IOException {
        Instant start = in.start();
        List<Row> allEvidence = readEvidence(in.verificationDir().resolve("evidence"));
        List<String[]> allProgress = readProgress(in.verificationDir().resolve("progress.tsv"));
        List<Suite> allSuites = readSurefire(in.root());
        Properties jcStatus = readProperties(in.jcstressStatus());

        // This build's data only, if this build ran any check; else everything there is (an earlier build).
        String run = in.runId() == null ? "" : in.runId().strip();
        boolean ranNow = !run.isEmpty() && (allEvidence.stream().anyMatch(r -> r.run().equals(run))
                || allProgress.stream().anyMatch(p -> p[0].equals(run))
                || run.equals(jcStatus.getProperty("run"))
                || (start != null && allSuites.stream().anyMatch(s -> modifiedSince(s.file(), start))));
        boolean strict = ranNow;
        List<Row> rows = strict ? allEvidence.stream().filter(r -> r.run().equals(run)).collect(Collectors.toList())
                : allEvidence;
        List<Suite> suites = strict && start != null
                ? allSuites.stream().filter(s -> modifiedSince(s.file(), start)).collect(Collectors.toList())
                : allSuites;
        String progressRun = strict ? run
                : allProgress.isEmpty() ? "" : allProgress.get(allProgress.size() - 1)[0];
        List<String[]> progress = allProgress.stream().filter(p -> p[0].equals(progressRun))
                .collect(Collectors.toList());
        if (strict && !run.equals(jcStatus.getProperty("run", run))) {
            jcStatus = new Properties(); // written by an earlier build
        }
        List<Row> jcRows = List.of();
        if (in.jcstressResults() != null && (!strict || start == null
                || modifiedSince(in.jcstressResults().resolve("index.html"), start))) {
            jcRows = readJcstress(in.jcstressResults());
        }

        // A JUnit failure the evidence does not show as FAIL (no @Verifies, class set-up, a failing
        // @AfterEach) is still a failure: mark matching rows, list the rest on their own.
        Map<String, TestCase> xmlFailures = new LinkedHashMap<>();
        for (Suite s : suites) {
            for (TestCase c : s.cases()) {
                if (c.result().equals("FAIL")) {
                    xmlFailures.putIfAbsent(c.key(), c);
                }
            }
        }
        List<Row> marked = new ArrayList<>();
        Set<String> explained = new LinkedHashSet<>();
        for (Row r : rows) {
            TestCase c = xmlFailures.get(testKey(r.check()));
            if (c != null) {
                explained.add(c.key());
                marked.add(r.result().equals("FAIL") && !r.message().isEmpty() ? r
                        : r.withFailure(r.message().isEmpty() ? c.message() : r.message()));
            } else {
                marked.add(r);
            }
        }
        List<Row> all = new ArrayList<>(marked);
        all.addAll(jcRows);

        List<Failure> failures = new ArrayList<>();
        Map<String, List<Row>> failedByCheck = new LinkedHashMap<>();
        for (Row r : all) {
            if (r.result().equals("FAIL")) {
                failedByCheck.computeIfAbsent(r.check(), k -> new ArrayList<>()).add(r);
            }
        }
        for (Map.Entry<String, List<Row>> e : failedByCheck.entrySet()) {
            Row first = e.getValue().get(0);
            String what = first.primitive() + ": " + e.getValue().stream().map(Row::property).distinct()
                    .collect(Collectors.joining("; ")) + " (" + toolLabel(first.tool()) + ")";
            String msg = e.getValue().stream().map(Row::message).filter(m -> !m.isEmpty()).findFirst()
                    .orElse("(no message recorded; see the surefire report of this class)");
            failures.add(new Failure(e.getKey(), what, msg));
        }
        for (TestCase c : xmlFailures.values()) {
            if (!explained.contains(c.key())) {
                failures.add(new Failure(c.key(), "JUnit " + (c.name().isEmpty() ? "class set-up" : "test") + " of "
                        + c.className() + " (not a @Verifies row)", c.message()));
            }
        }
        failures.addAll(unfinished(progress, in.forkTimeoutSeconds()));
        String jcExit = jcStatus.getProperty("exit");
        if (jcExit != null && !jcExit.strip().equals("0") && jcRows.stream().noneMatch(r -> r.result().equals("FAIL"))) {
            Path console = in.jcstressResults().resolveSibling("jcstress-console.log");
            failures.add(new Failure("jcstress", "the jcstress run (exit " + jcExit.strip() + ")",
                    "jcstress exited with " + jcExit.strip() + " and no test in its HTML report shows FAILED; the end of "
                            + rel(in, console) + ":\n" + tail(console, 6)));
        }

        Path promisesFile = in.root().resolve(Promises.FILE);
        List<Promises.Promise> promises = Promises.read(promisesFile);
        List<Promises.Outcome> outcomes = Promises.evaluate(promises,
                promises.isEmpty() ? new Promises.Sources() : Promises.scan(in.root()), all, suites);
        failures = withPromises(failures, outcomes);

        Path outFile = in.verificationDir().resolve("report.md");
        Files.createDirectories(in.verificationDir());
        String report = render(in, all, failures, suites, progress, jcStatus, strict || run.isEmpty(), Instant.now(),
                outcomes, Files.exists(promisesFile));
        Files.writeString(outFile, report, StandardCharsets.UTF_8);
        Files.writeString(in.verificationDir().resolve("durations.tsv"), durations(in, suites, jcStatus),
                StandardCharsets.UTF_8);

        long failedRows = all.stream().filter(r -> r.result().equals("FAIL")).count();
        out.println();
        out.println("Verification report (" + all.size() + " checks, " + failedRows + " failed): "
                + outFile.toAbsolutePath());
        if (!failures.isEmpty()) {
            out.println();
            out.println("[threading4j] VERIFICATION FAILED: " + failures.size() + " failure"
                    + (failures.size() == 1 ? "" : "s") + "; see the Failures section of " + outFile.toAbsolutePath());
            for (Failure f : failures) {
                out.println("  - " + f.check() + ": " + firstLine(f.message()));
            }
        }
        out.println();
        return failures.isEmpty() ? 0 : 1;
    }

    /**
     * The Failures entries with the promises they break: a failed check's entry names every promise whose
     * result it failed; a failed promise whose check has no entry of its own gets one, and so does every
     * promise that names a check the sources do not have (a typo in the table must fail the build).
     */
    static List<Failure> withPromises(List<Failure> failures, List<Promises.Outcome> outcomes) {
        List<Failure> out = new ArrayList<>();
        Set<String> attached = new LinkedHashSet<>();
        for (Failure f : failures) {
            List<String> ids = new ArrayList<>();
            for (Promises.Outcome o : outcomes) {
                if (o.verdict() == Promises.Verdict.FAILED
                        && o.with("FAIL").stream().anyMatch(r -> Promises.matches(r, f.check()))) {
                    ids.add("`" + o.promise().id() + "`");
                    attached.add(o.promise().id());
                }
            }
            out.add(ids.isEmpty() ? f : new Failure(f.check(), f.what() + "; breaks the promise"
                    + (ids.size() == 1 ? " " : "s ") + String.join(", ", ids), f.message()));
        }
        for (Promises.Outcome o : outcomes) {
            String id = o.promise().id();
            if (o.verdict() == Promises.Verdict.FAILED && !attached.contains(id)) {
                out.add(new Failure("promise " + id, "promise `" + id + "`: " + o.promise().text(),
                        "Its checks failed: " + o.with("FAIL").stream().map(Promises.Ref::toString)
                                .collect(Collectors.joining(", "))));
            }
            if (o.verdict() == Promises.Verdict.UNKNOWN_CHECK) {
                out.add(new Failure(Promises.FILE, "promise `" + id + "` names a check that does not exist",
                        "No such test in checks/*/src: " + o.with("UNKNOWN").stream().map(Promises.Ref::toString)
                                .collect(Collectors.joining(", ")) + ".\nFix the name in the Promises table of "
                                + Promises.FILE + " (Class#method, or a jcstress test's class name)."));
            }
        }
        return out;
    }

    /**
     * From the progress file: classes that started and never finished, a test plan that never ended, and a
     * plan that ended only when its JVM had reached surefire's fork timeout (surefire then kills the JVM
     * and, with test failures ignored, only logs it).
     */
    static List<Failure> unfinished(List<String[]> progress, double forkTimeoutSeconds) {
        List<Failure> out = new ArrayList<>();
        Map<String, Boolean> open = new LinkedHashMap<>();
        int plans = 0;
        for (String[] p : progress) {
            switch (p[1]) {
                case "plan-start": plans++; break;
                case "plan-end":
                    plans--;
                    double uptime = number(p[4]);
                    if (forkTimeoutSeconds > 0 && uptime >= forkTimeoutSeconds - 1) {
                        out.add(new Failure("JUnit fork timeout", "the surefire JVM",
                                String.format(Locale.ROOT, "The test JVM ran %.0f s, reaching surefire's fork timeout "
                                        + "(%.0f s, surefire.forkTimeout), and was killed: raise the timeout or "
                                        + "shorten the run.", uptime, forkTimeoutSeconds)));
                    }
                    break;
                case "class-start": open.put(p[2], Boolean.TRUE); break;
                case "class-end": open.remove(p[2]); break;
                default: break;
            }
        }
        for (String cls : open.keySet()) {
            out.add(new Failure(simpleName(cls), "test class " + cls + " never finished",
                    "The test JVM ended while this class was running (surefire's fork timeout, "
                            + "forkedProcessTimeoutInSeconds, or a crash): see the build log and "
                            + "checks/suite/target/surefire-reports/*.dumpstream."));
        }
        if (plans > 0 && open.isEmpty()) {
            out.add(new Failure("JUnit test plan", "the surefire JVM",
                    "The test JVM ended before its test plan finished: see the build log."));
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------
    // Reading

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
                    Row r = new Row(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c.length > 8 ? c[8] : "",
                            c.length > 9 ? unescape(c[9]) : "");
                    String key = r.check() + "|" + r.property() + "|" + r.tool();
                    byKey.remove(key);
                    byKey.put(key, r);
                }
            }
        }
        return new ArrayList<>(byKey.values());
    }

    /** Rows {@code run, event, class, status, seconds, epoch millis} of the progress listener. */
    static List<String[]> readProgress(Path file) throws IOException {
        List<String[]> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] c = line.split("\t", -1);
            if (c.length >= 5) {
                out.add(c);
            }
        }
        return out;
    }

    /** Surefire XML reports of every module ({@code <dir with pom.xml>/target/surefire-reports}), but this one. */
    static List<Suite> readSurefire(Path root) throws IOException {
        List<Suite> out = new ArrayList<>();
        for (Path dir : surefireDirs(root)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml")).sorted()
                        .collect(Collectors.toList())) {
                    out.add(parseSurefire(f));
                }
            }
        }
        return out;
    }

    /** The surefire report directories of the build's modules (the report module's own tests excluded). */
    static List<Path> surefireDirs(Path root) throws IOException {
        List<Path> out = new ArrayList<>();
        if (root == null || !Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> poms = Files.find(root, 3, (p, a) -> p.getFileName().toString().equals("pom.xml"))) {
            for (Path pom : poms.sorted().collect(Collectors.toList())) {
                Path module = pom.getParent();
                String rel = root.relativize(module).toString().replace('\\', '/');
                if (rel.contains("target") || rel.equals("checks/report")) {
                    continue;
                }
                Path dir = module.resolve("target").resolve("surefire-reports");
                if (Files.isDirectory(dir)) {
                    out.add(dir);
                }
            }
        }
        return out;
    }

    static Suite parseSurefire(Path file) throws IOException {
        Document doc;
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            doc = b.parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            // A half-written report (the JVM died while writing it) is a failure, not a reason to pass.
            return new Suite(file, file.getFileName().toString(), 0, List.of(new TestCase(file.getFileName()
                    .toString(), "", 0, "FAIL", "unreadable surefire report " + file + ": " + e.getMessage())));
        }
        Element suite = doc.getDocumentElement();
        List<TestCase> cases = new ArrayList<>();
        NodeList list = suite.getElementsByTagName("testcase");
        for (int i = 0; i < list.getLength(); i++) {
            Element tc = (Element) list.item(i);
            String result = "PASS";
            String message = "";
            for (Node n = tc.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!(n instanceof Element)) {
                    continue;
                }
                String tag = ((Element) n).getTagName();
                if (tag.equals("failure") || tag.equals("error")) {
                    result = "FAIL";
                    message = failureText((Element) n);
                    break;
                }
                if (tag.equals("skipped")) {
                    result = "SKIPPED";
                }
            }
            cases.add(new TestCase(tc.getAttribute("classname"), tc.getAttribute("name"), number(tc.getAttribute("time")),
                    result, message));
        }
        return new Suite(file, suite.getAttribute("name"), number(suite.getAttribute("time")), cases);
    }

    /** The first lines of a {@code <failure>}/{@code <error>}: its stack trace up to the first check frame. */
    private static String failureText(Element e) {
        String body = e.getTextContent() == null ? "" : e.getTextContent().strip();
        if (body.isEmpty()) {
            String type = e.getAttribute("type"), msg = e.getAttribute("message");
            return (type.isEmpty() ? "" : type + ": ") + msg;
        }
        List<String> lines = new ArrayList<>();
        for (String line : body.split("\\R")) {
            lines.add(line);
            if (lines.size() >= FAILURE_LINES || line.strip().startsWith("at org.threading4j.checks.")) {
                break;
            }
        }
        return String.join("\n", lines);
    }

    private static double number(String s) {
        try {
            return s == null || s.isEmpty() ? 0 : Double.parseDouble(s.replace(",", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Properties readProperties(Path file) throws IOException {
        Properties p = new Properties();
        if (file != null && Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            }
        }
        return p;
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
            String message = verdict.equals("FAIL") ? "jcstress verdict " + m.group(4) + ": see "
                    + resultsDir.resolve(test + ".html") : "";
            rows.add(new Row(primitive, claim(simple), "JCSTRESS", simple, verdict,
                    configs + " JVM configurations, about " + samples + " samples", "", Runtime.version().toString(),
                    "", message));
        }
        return rows;
    }

    /** {@code Lock_02_ReleaseHappensBeforeAcquire} → "release happens before acquire". */
    static String claim(String simple) {
        String s = simple.replaceFirst("^[A-Za-z]+_\\d+_", "");
        return s.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z])([A-Z][a-z])", "$1 $2")
                .toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------------------------------------------
    // Writing

    static String render(Inputs in, List<Row> rows, List<Failure> failures, List<Suite> suites,
                         List<String[]> progress, Properties jcStatus, boolean thisBuild, Instant now,
                         List<Promises.Outcome> promises, boolean promisesFileFound) {
        StringBuilder sb = new StringBuilder();
        long pass = rows.stream().filter(r -> r.result().equals("PASS")).count();
        long fail = rows.stream().filter(r -> r.result().equals("FAIL")).count();
        long skip = rows.stream().filter(r -> r.result().equals("SKIPPED")).count();
        long tests = 0, testFail = 0, testSkip = 0;
        for (Suite s : suites) {
            for (TestCase c : s.cases()) {
                tests++;
                testFail += c.result().equals("FAIL") ? 1 : 0;
                testSkip += c.result().equals("SKIPPED") ? 1 : 0;
            }
        }
        Instant start = in.start();

        sb.append("# threading4j verification report\n\n");
        sb.append("- Result: **").append(!failures.isEmpty() ? "FAILED, " + failures.size() + " failure"
                + (failures.size() == 1 ? "" : "s") : rows.isEmpty() && tests == 0 ? "NO CHECKS RAN" : "PASSED")
                .append("**: ").append(pass).append(" checks passed, ")
                .append(fail).append(" failed, ").append(skip).append(" skipped; JUnit ").append(tests)
                .append(" tests, ").append(testFail).append(" failed, ").append(testSkip).append(" skipped\n");
        sb.append("- Commit: ").append(gitDescription(in.root())).append('\n');
        sb.append("- Version: threading4j ").append(in.version()).append('\n');
        sb.append("- JDK: ").append(System.getProperty("java.version")).append(" (")
                .append(System.getProperty("java.vendor")).append(", ").append(System.getProperty("java.vm.name"))
                .append(")");
        String checkJdks = rows.stream().map(Row::jdk).filter(j -> !j.isEmpty()).distinct().sorted()
                .collect(Collectors.joining(", "));
        if (!checkJdks.isEmpty()) {
            sb.append("; checks ran on ").append(checkJdks);
        }
        sb.append('\n');
        sb.append("- Depth: `").append(in.depth()).append("` (ci = the test command; deep = the main job)");
        String budgetLine = progress.stream().filter(p -> p[1].equals("plan-start")).map(p -> p[3]).reduce((a, b) -> b)
                .orElse("");
        if (!budgetLine.isEmpty()) {
            sb.append("; ").append(budgetLine); // the suite's own account of its budget and factor
        } else if (!in.budget().isBlank()) {
            sb.append("; budget `").append(in.budget().strip()).append("`");
        }
        sb.append('\n');
        sb.append("- Date: ").append(now.truncatedTo(ChronoUnit.SECONDS));
        if (start != null) {
            sb.append(" (build started ").append(start).append(")");
        }
        sb.append('\n');
        Map<String, Double> kinds = kindSeconds(suites, jcStatus);
        sb.append("- Wall time: ");
        if (start != null) {
            sb.append("whole build ").append(clock(Duration.between(start, now).toMillis() / 1000.0)).append("; ");
        }
        sb.append(kinds.isEmpty() ? "no check times recorded" : kinds.entrySet().stream()
                .map(e -> e.getKey() + " " + clock(e.getValue())).collect(Collectors.joining(", ")))
                .append('\n');
        sb.append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs, ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch")).append('\n');
        if (!thisBuild) {
            sb.append("- **No check ran in this build**: the rows below come from earlier builds.\n");
        }
        sb.append('\n');

        sb.append("## Failures\n\n");
        if (failures.isEmpty()) {
            sb.append("None: every check that ran passed.\n\n");
        } else {
            sb.append(failures.size()).append(failures.size() == 1 ? " failure" : " failures")
                    .append(". Each failed check is also marked **FAIL** in its primitive's table below.\n\n");
            int i = 1;
            for (Failure f : failures) {
                sb.append(i++).append(". `").append(f.check()).append("`: ").append(esc(f.what())).append("\n\n");
                sb.append("   ```\n");
                for (String line : f.message().split("\\R")) {
                    sb.append("   ").append(line.replace("```", "'''")).append('\n');
                }
                sb.append("   ```\n\n");
            }
        }

        sb.append("Each row below is one check of one property. *Explored* is the work behind the verdict (Lincheck "
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
            sb.append("_No jcstress results found (" + rel(in, in.jcstressResults())
                    + "): the jcstress rows are missing._\n\n");
        }

        sb.append(promisesSection(promises, promisesFileFound));

        sb.append("## Wall time per check kind\n\n| kind | test classes | time |\n|---|---|---|\n");
        Map<String, Long> classCounts = new LinkedHashMap<>();
        for (Suite s : suites) {
            classCounts.merge(kind(s.className()), 1L, Long::sum);
        }
        for (Map.Entry<String, Double> e : kinds.entrySet()) {
            sb.append("| ").append(e.getKey()).append(" | ")
                    .append(e.getKey().equals("jcstress") ? "-" : String.valueOf(classCounts.getOrDefault(e.getKey(), 0L)))
                    .append(" | ").append(clock(e.getValue())).append(" |\n");
        }
        if (start != null) {
            sb.append("| whole build | | ").append(clock(Duration.between(start, now).toMillis() / 1000.0)).append(" |\n");
        }
        sb.append('\n');

        sb.append("## Files for a CI server\n\n");
        sb.append("- JUnit XML (publish as test results): ");
        try {
            List<Path> dirs = surefireDirs(in.root());
            sb.append(dirs.isEmpty() ? "none found" : dirs.stream().map(d -> "`" + rel(in, d) + "/TEST-*.xml`")
                    .collect(Collectors.joining(", ")));
        } catch (IOException e) {
            sb.append("unreadable (").append(e.getMessage()).append(")");
        }
        sb.append('\n');
        sb.append("- jcstress HTML (publish as an artifact): `").append(rel(in, in.jcstressResults()))
                .append("/index.html`\n");
        sb.append("- This report: `").append(rel(in, in.verificationDir().resolve("report.md")))
                .append("`; this run's durations: `").append(rel(in, in.verificationDir().resolve("durations.tsv")))
                .append("`\n");
        return sb.toString();
    }

    /** The Promises section: every promise of the docs' tables with its checks and this build's result. */
    static String promisesSection(List<Promises.Outcome> outcomes, boolean fileFound) {
        StringBuilder sb = new StringBuilder("## Promises\n\n");
        if (outcomes.isEmpty()) {
            sb.append("_No promises tables found (").append(fileFound ? "no \"## Promises\" section in " : "no ")
                    .append('`').append(Promises.FILE).append("`)._\n\n");
            return sb.toString();
        }
        Map<Promises.Verdict, Long> counts = outcomes.stream()
                .collect(Collectors.groupingBy(Promises.Outcome::verdict, LinkedHashMap::new, Collectors.counting()));
        long partial = outcomes.stream().filter(o -> o.promise().partial()).count();
        sb.append("The promises of `").append(Promises.FILE).append("` (section Promises), each with the result of its "
                + "checks in this build: ").append(outcomes.size()).append(" promises; ")
                .append(counts.getOrDefault(Promises.Verdict.PASSED, 0L)).append(" passed, ")
                .append(counts.getOrDefault(Promises.Verdict.FAILED, 0L)).append(" FAILED, ")
                .append(counts.getOrDefault(Promises.Verdict.NOT_RUN, 0L)).append(" not run in this build, ")
                .append(counts.getOrDefault(Promises.Verdict.NO_CHECK, 0L)).append(" with no check, ")
                .append(counts.getOrDefault(Promises.Verdict.UNKNOWN_CHECK, 0L)).append(" naming an unknown check; ")
                .append(partial).append(" of them only partly checked (see the note in the table).\n\n");
        String section = null;
        for (Promises.Outcome o : outcomes) {
            if (!o.promise().section().equals(section)) {
                section = o.promise().section();
                sb.append("### ").append(section.isEmpty() ? "Promises" : section).append("\n\n")
                        .append("| id | promise | checks | result |\n|---|---|---|---|\n");
            }
            String checks = o.byCheck().isEmpty() ? "—" : o.byCheck().entrySet().stream()
                    .map(e -> "`" + e.getKey() + "` " + checkMark(e.getValue())).collect(Collectors.joining(", "));
            sb.append("| `").append(esc(o.promise().id())).append("` | ").append(esc(o.promise().text()))
                    .append(" | ").append(esc(checks)).append(" | ").append(verdictMark(o)).append(" |\n");
        }
        sb.append('\n');
        return sb.toString();
    }

    private static String checkMark(String result) {
        switch (result) {
            case "PASS": return "pass";
            case "FAIL": return "**FAIL**";
            case "UNKNOWN": return "**no such check**";
            default: return "not run";
        }
    }

    private static String verdictMark(Promises.Outcome o) {
        String partial = o.promise().partial() ? " (partial)" : "";
        switch (o.verdict()) {
            case PASSED: return "passed" + partial;
            case FAILED: return "**FAILED**" + partial;
            case NOT_RUN: return "not run in this build" + partial;
            case NO_CHECK: return "no check";
            default: return "**ERROR: unknown check**";
        }
    }

    /** Seconds per check kind: surefire's time per test class, summed by package, and jcstress's run. */
    static Map<String, Double> kindSeconds(List<Suite> suites, Properties jcStatus) {
        Map<String, Double> raw = new LinkedHashMap<>();
        for (Suite s : suites) {
            raw.merge(kind(s.className()), s.seconds(), Double::sum);
        }
        String jc = jcStatus.getProperty("seconds");
        if (jc != null) {
            raw.put("jcstress", number(jc.strip()));
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (String k : KINDS) {
            if (raw.containsKey(k)) {
                out.put(k, raw.remove(k));
            }
        }
        out.putAll(raw);
        return out;
    }

    /** This run's times in the suite's duration-table format (both columns: this run's depth). */
    static String durations(Inputs in, List<Suite> suites, Properties jcStatus) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Measured by this build: depth ").append(in.depth()).append(", budget ")
                .append(in.budget().isBlank() ? "none" : in.budget().strip()).append(", JDK ")
                .append(System.getProperty("java.version")).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" CPUs.\n");
        sb.append("# Copy the column of this run's depth into checks/suite/src/test/resources/org/threading4j/checks/"
                + "support/durations.tsv (a ci run gives the ci column, a -Pdeep run the deep column).\n");
        Map<String, Double> kinds = kindSeconds(suites, jcStatus);
        double checks = kinds.values().stream().mapToDouble(Double::doubleValue).sum();
        Instant start = in.start();
        if (start != null) {
            double whole = Duration.between(start, Instant.now()).toMillis() / 1000.0;
            sb.append(String.format(Locale.ROOT, "build\t%.0f\t%.0f\n", whole - checks, whole - checks));
        }
        for (Map.Entry<String, Double> e : kinds.entrySet()) {
            sb.append(String.format(Locale.ROOT, "%s\t%.0f\t%.0f\n", e.getKey(), e.getValue(), e.getValue()));
        }
        for (Suite s : suites) {
            sb.append(String.format(Locale.ROOT, "%s\t%.1f\t%.1f\n", s.className(), s.seconds(), s.seconds()));
        }
        return sb.toString();
    }

    /** {@code <sha>} or {@code <sha> (dirty: N changed files)}, or why it is unknown. */
    static String gitDescription(Path root) {
        String head = git(root, "rev-parse", "HEAD");
        if (head == null) {
            return "unknown (git not available, or not a git checkout)";
        }
        String status = git(root, "status", "--porcelain");
        if (status == null) {
            return "`" + head.strip() + "` (working-tree state unknown)";
        }
        long changed = status.lines().filter(l -> !l.isBlank()).count();
        return "`" + head.strip() + "`" + (changed == 0 ? " (clean)" : " (**dirty**: " + changed + " changed file"
                + (changed == 1 ? "" : "s") + ")");
    }

    /** The output of {@code git <args>} in {@code root}, or null if git is missing, fails or hangs. */
    private static String git(Path root, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.add("-C");
        cmd.add(root.toString());
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // Small helpers

    private static boolean modifiedSince(Path file, Instant start) {
        try {
            return Files.exists(file) && !Files.getLastModifiedTime(file).toInstant().isBefore(start.minus(CLOCK_SLACK));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code LockContractTest.foo [3] x} → {@code LockContractTest.foo}. */
    static String testKey(String check) {
        int dot = check.indexOf('.');
        return dot < 0 ? check : check.substring(0, dot) + "." + methodName(check.substring(dot + 1));
    }

    /** A JUnit test name ({@code foo}, {@code foo()}, {@code foo(int)[2]}, {@code foo [2] x}) → {@code foo}. */
    static String methodName(String name) {
        int end = name.length();
        for (char c : new char[] {'(', '[', ' '}) {
            int i = name.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return name.substring(0, end);
    }

    static String simpleName(String cls) {
        String s = cls.substring(cls.lastIndexOf('.') + 1);
        return s.substring(s.lastIndexOf('$') + 1);
    }

    /** The check kind of a test class: its package under {@code org.threading4j.checks}. */
    static String kind(String cls) {
        String prefix = "org.threading4j.checks.";
        if (!cls.startsWith(prefix)) {
            return "other";
        }
        String rest = cls.substring(prefix.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? "other" : rest.substring(0, dot);
    }

    private static String rel(Inputs in, Path p) {
        if (p == null) {
            return "(none)";
        }
        try {
            Path abs = p.toAbsolutePath().normalize(), root = in.root().toAbsolutePath().normalize();
            return abs.startsWith(root) ? root.relativize(abs).toString().replace('\\', '/') : abs.toString();
        } catch (IllegalArgumentException e) {
            return p.toString();
        }
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }

    /** The last {@code n} non-blank lines of a file, or a note that it is missing. */
    private static String tail(Path file, int n) throws IOException {
        if (!Files.exists(file)) {
            return "(missing)";
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                .collect(Collectors.toList());
        return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }

    private static String firstLine(String s) {
        String line = s.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    /** Inverse of the evidence escaping: {@code \t}, {@code \n}, {@code \\}. */
    static String unescape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
            } else {
                sb.append(c);
            }
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
            case "DOC_SAMPLES": return "doc samples (javac + run)";
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
