package org.threading4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report never passes a failed check: each source of failure (an evidence row, a JUnit XML failure with
 * or without a row, a test class that never finished, a failed jcstress run) makes the program return 1 and
 * opens the report with it; a clean run returns 0. The Promises section gives each promise of
 * {@code docs/verification.md} the result of its checks, and a check name that is in no source fails the build.
 */
class ReportMainTest {

    @TempDir
    Path root;
    Path verification;
    String run;
    ByteArrayOutputStream console;

    @BeforeEach
    void setUp() throws IOException {
        verification = root.resolve("target/verification");
        Files.createDirectories(verification.resolve("evidence"));
        run = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS).toString();
        console = new ByteArrayOutputStream();
    }

    private int report() throws IOException {
        ReportMain.Inputs in = new ReportMain.Inputs(root, verification,
                root.resolve("checks/jcstress/target/jcstress-results"), run, "ci", "", "9.9.9-TEST", 1500);
        return ReportMain.run(in, new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    private String reportText() throws IOException {
        return Files.readString(verification.resolve("report.md"));
    }

    private void evidence(String cls, String... rows) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String r : rows) {
            sb.append(r).append('\n');
        }
        Files.writeString(verification.resolve("evidence/" + cls + ".tsv"), sb.toString(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private String row(String check, String result, String runId, String message) {
        return String.join("\t", "Lock", "mutual exclusion", "CONTRACT", check, result, "3 calls", "0.1", "17",
                runId, message);
    }

    private void progress(String... lines) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(run).append('\t').append(l).append('\n');
        }
        Files.writeString(verification.resolve("progress.tsv"), sb.toString(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private void surefire(String cls, String testcases) throws IOException {
        Path dir = root.resolve("checks/suite/target/surefire-reports");
        Files.createDirectories(dir);
        Files.writeString(root.resolve("checks/suite/pom.xml"), "<project/>");
        Files.writeString(dir.resolve("TEST-" + cls + ".xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuite name=\"" + cls + "\" time=\"2.5\" tests=\"1\">" + testcases + "</testsuite>\n");
    }

    @Test
    void cleanRunPassesAndNamesTheBuild() throws IOException {
        evidence("LockContractTest", row("LockContractTest.exclusive", "PASS", run, ""));
        progress("plan-start\t\tno budget (depth factor 0)\t0.0\t1", "class-start\torg.threading4j.checks.contract.LockContractTest\t\t0.0\t2",
                "class-end\torg.threading4j.checks.contract.LockContractTest\tPASS\t2.5\t3", "plan-end\t\t1 of 1 classes\t2.5\t4");
        surefire("org.threading4j.checks.contract.LockContractTest",
                "<testcase name=\"exclusive\" classname=\"org.threading4j.checks.contract.LockContractTest\" time=\"2.5\"/>");

        assertEquals(0, report(), console.toString());
        String md = reportText();
        assertTrue(md.contains("- Result: **PASSED**"), md);
        assertTrue(md.contains("## Failures\n\nNone"), md);
        assertTrue(md.contains("- Version: threading4j 9.9.9-TEST"), md);
        assertTrue(md.contains("- Commit: unknown"), md); // the temporary directory is no git checkout
        assertTrue(md.contains("- Depth: `ci`"), md);
        assertTrue(md.contains("no budget (depth factor 0)"), md);
        assertTrue(md.contains("contract 3 s"), md);
        assertTrue(md.contains("checks/suite/target/surefire-reports/TEST-*.xml"), md);
        assertFalse(console.toString().contains("VERIFICATION FAILED"));
    }

    @Test
    void failedRowFailsAndOpensTheReportWithItsMessage() throws IOException {
        evidence("LockContractTest", row("LockContractTest.exclusive", "PASS", run, ""),
                row("LockContractTest.wakes", "FAIL", run,
                        "org.opentest4j.AssertionFailedError: waiter still parked\\n\\tat org.threading4j.checks.X.y(X.java:1)"));

        assertEquals(1, report());
        String md = reportText();
        int failures = md.indexOf("## Failures");
        assertTrue(failures > 0 && failures < md.indexOf("## Summary"), md);
        assertTrue(md.indexOf("## ", 0) == failures, "Failures is the first section:\n" + md);
        assertTrue(md.contains("`LockContractTest.wakes`: Lock: mutual exclusion (contract)"), md);
        assertTrue(md.contains("   org.opentest4j.AssertionFailedError: waiter still parked\n   \tat org.threading4j"), md);
        assertTrue(md.contains("**FAILED, 1 failure**"), md);
        assertTrue(console.toString().contains("VERIFICATION FAILED: 1 failure"), console.toString());
        assertTrue(console.toString().contains("report.md"), console.toString());
    }

    @Test
    void junitFailureWithoutEvidenceStillFails() throws IOException {
        evidence("LockContractTest", row("LockContractTest.exclusive", "PASS", run, ""));
        surefire("org.threading4j.checks.contract.HelperTest",
                "<testcase name=\"unannotated()\" classname=\"org.threading4j.checks.contract.HelperTest\" time=\"0.1\">"
                        + "<failure message=\"boom\" type=\"java.lang.AssertionError\">java.lang.AssertionError: boom\n"
                        + "\tat org.threading4j.checks.contract.HelperTest.unannotated(HelperTest.java:9)\n"
                        + "\tat java.base/jdk.internal.reflect.X.invoke(X.java:1)\n</failure></testcase>");

        assertEquals(1, report());
        String md = reportText();
        assertTrue(md.contains("`HelperTest.unannotated`"), md);
        assertTrue(md.contains("java.lang.AssertionError: boom"), md);
        assertFalse(md.contains("reflect.X.invoke"), "only the first lines, up to the check's frame:\n" + md);
    }

    @Test
    void junitFailureOverridesAPassingRow() throws IOException {
        evidence("LockContractTest", row("LockContractTest.exclusive", "PASS", run, ""));
        surefire("org.threading4j.checks.contract.LockContractTest",
                "<testcase name=\"exclusive\" classname=\"org.threading4j.checks.contract.LockContractTest\" time=\"0.1\">"
                        + "<error message=\"after each\" type=\"java.lang.IllegalStateException\"/></testcase>");

        assertEquals(1, report());
        String md = reportText();
        assertTrue(md.contains("| mutual exclusion | contract | `LockContractTest.exclusive` | 3 calls | **FAIL**"), md);
        assertTrue(md.contains("java.lang.IllegalStateException: after each"), md);
    }

    @Test
    void classThatNeverFinishedFails() throws IOException {
        evidence("LockContractTest", row("LockContractTest.exclusive", "PASS", run, ""));
        progress("plan-start\t\tno budget\t0.0\t1", "class-start\torg.threading4j.checks.stress.LockStressTest\t\t0.0\t2");

        assertEquals(1, report());
        assertTrue(reportText().contains("test class org.threading4j.checks.stress.LockStressTest never finished"),
                reportText());
    }

    @Test
    void planEndingAtTheForkTimeoutFails() throws IOException {
        evidence("LockContractTest", row("LockContractTest.exclusive", "PASS", run, ""));
        progress("plan-start\t\tno budget\t0.0\t1", "class-start\tX\t\t0.0\t2", "class-end\tX\tPASS\t1.0\t3",
                "plan-end\t\t1 of 1 classes\t1500.2\t4");

        assertEquals(1, report());
        assertTrue(reportText().contains("reaching surefire's fork timeout (1500 s"), reportText());
    }

    @Test
    void failedJcstressRunFails() throws IOException {
        Path target = root.resolve("checks/jcstress/target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("jcstress-status.properties"), "run=" + run + "\nexit=1\nseconds=42\n");

        assertEquals(1, report());
        String md = reportText();
        assertTrue(md.contains("the jcstress run (exit 1)"), md);
        assertTrue(md.contains("jcstress 42 s"), md);
    }

    @Test
    void earlierBuildsDoNotCountWhenThisBuildRan() throws IOException {
        evidence("LockContractTest", row("LockContractTest.wakes", "FAIL", "2000-01-01T00:00:00Z", "old failure"),
                row("LockContractTest.exclusive", "PASS", run, ""));

        assertEquals(0, report(), console.toString());
        assertFalse(reportText().contains("old failure"));
    }

    @Test
    void withoutAnyCheckInThisBuildEarlierFailuresStillFail() throws IOException {
        evidence("LockContractTest", row("LockContractTest.wakes", "FAIL", "2000-01-01T00:00:00Z", "old failure"));

        assertEquals(1, report());
        assertTrue(reportText().contains("No check ran in this build"), reportText());
        assertTrue(reportText().contains("old failure"), reportText());
    }

    @Test
    void oldEvidenceFormatIsRead() throws IOException {
        evidence("LockContractTest", String.join("\t", "Lock", "p", "CONTRACT", "LockContractTest.old", "FAIL",
                "", "0.1", "17"));

        assertEquals(1, report());
        assertTrue(reportText().contains("`LockContractTest.old`"), reportText());
    }

    // ---------------------------------------------------------------------------------------------------
    // Promises: docs/verification.md's tables, their checks looked up in the sources and in this build's results

    /** A build root whose checks' sources hold a contract test (inheriting its methods), a vthreads test, a jcstress test. */
    private void sources() throws IOException {
        Path contract = root.resolve("checks/suite/src/test/java/org/threading4j/checks/contract");
        Files.createDirectories(contract);
        Files.writeString(contract.resolve("LockContract.java"), "abstract class LockContract {\n"
                + "    @Test\n    void exclusive() throws InterruptedException {\n        if (x) {\n        }\n    }\n\n"
                + "    @Test\n    void wakes(\n            int n) {\n    }\n}\n");
        Files.writeString(contract.resolve("LockContractTest.java"), "class LockContractTest extends LockContract {\n}\n");
        Path vthreads = root.resolve("checks/suite/src/test-jdk21/java/org/threading4j/checks/vthreads");
        Files.createDirectories(vthreads);
        Files.writeString(vthreads.resolve("LockVirtualThreadsTest.java"),
                "class LockVirtualThreadsTest {\n    @Test\n    void lockDoesNotPin() {\n    }\n}\n");
        Path litmus = root.resolve("checks/jcstress/src/main/java/org/threading4j/litmus/lock");
        Files.createDirectories(litmus);
        Files.writeString(litmus.resolve("Lock_01_MutualExclusion.java"), "public class Lock_01_MutualExclusion {\n}\n");
    }

    /** docs/verification.md with one Promises table of these rows (id, promise, checks). */
    private void promises(String... rows) throws IOException {
        StringBuilder sb = new StringBuilder("# Verification\n\n| kind | tool |\n|---|---|\n| contract | JUnit |\n\n"
                + "## Promises\n\nIntro.\n\n### Lock\n\n| id | promise | stated in | checks | kind | note |\n"
                + "|---|---|---|---|---|---|\n");
        for (int i = 0; i < rows.length; i += 3) {
            sb.append("| `").append(rows[i]).append("` | ").append(rows[i + 1]).append(" | Lock | ").append(rows[i + 2])
                    .append(" | contract | ").append(rows[i].endsWith("partial") ? "partial: half of it" : "")
                    .append(" |\n");
        }
        sb.append("\n### Promises without a check yet\n\n- `lock.none`: a check.\n\n## Later section\n\n"
                + "| id | promise | stated in | checks | kind | note |\n|---|---|---|---|---|---|\n"
                + "| `not.a.promise` | outside the section | x | `Nowhere#at` | contract | |\n");
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/verification.md"), sb.toString());
    }

    private String promisesSection() throws IOException {
        String md = reportText();
        int start = md.indexOf("## Promises");
        assertTrue(start > 0, md);
        return md.substring(start, md.indexOf("\n## ", start + 1));
    }

    @Test
    void promiseWhoseChecksPassedPasses() throws IOException {
        sources();
        promises("lock.exclusive", "one holder \\| at a time", "`LockContractTest#exclusive`, "
                + "`org.threading4j.checks.contract.LockContractTest#wakes`",
                "lock.exclusive-partial", "one holder, in part", "`LockContractTest#exclusive`");
        evidence("LockContractTest", row("LockContractTest.exclusive [1] spec", "PASS", run, ""),
                row("LockContractTest.exclusive [2] Lock", "PASS", run, ""));
        surefire("org.threading4j.checks.contract.LockContractTest", // wakes has no evidence row, only XML
                "<testcase name=\"wakes(int)[1]\" classname=\"org.threading4j.checks.contract.LockContractTest\" time=\"0.1\"/>");

        assertEquals(0, report(), console.toString());
        String section = promisesSection();
        assertTrue(section.contains("| `lock.exclusive` | one holder \\| at a time | `LockContractTest#exclusive` pass, "
                + "`LockContractTest#wakes` pass | passed |"), section);
        assertTrue(section.contains("| `lock.exclusive-partial` | one holder, in part | `LockContractTest#exclusive` pass "
                + "| passed (partial) |"), section);
        assertTrue(section.contains("2 promises; 2 passed, 0 FAILED"), section);
        assertFalse(reportText().contains("not.a.promise"), "only the Promises section is read");
    }

    @Test
    void promiseWhoseCheckFailedFailsAndIsNamedInFailures() throws IOException {
        sources();
        promises("lock.exclusive", "one holder at a time", "`LockContractTest#exclusive`, `Lock_01_MutualExclusion`");
        evidence("LockContractTest", row("LockContractTest.exclusive [2] Lock", "FAIL", run, "java.lang.AssertionError: two holders"));

        assertEquals(1, report());
        String md = reportText();
        String failures = md.substring(md.indexOf("## Failures"), md.indexOf("## Summary"));
        assertTrue(failures.contains("`LockContractTest.exclusive [2] Lock`: Lock: mutual exclusion (contract); breaks the "
                + "promise `lock.exclusive`"), failures);
        assertTrue(promisesSection().contains("`LockContractTest#exclusive` **FAIL**, `Lock_01_MutualExclusion` not run "
                + "| **FAILED** |"), promisesSection());
    }

    @Test
    void promiseWhoseCheckFailedInJcstressFails() throws IOException {
        sources();
        promises("lock.exclusive", "one holder at a time", "`Lock_01_MutualExclusion`");
        evidence("LockContractTest", row("LockContractTest.exclusive", "PASS", run, ""));
        Path results = root.resolve("checks/jcstress/target/jcstress-results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("index.html"), "<tr><td><a href=\"x.html\">org.threading4j.litmus.lock."
                + "Lock_01_MutualExclusion</a></td>\n<td>10<sup>6</sup></td>\n<td class=\"failed\">FAILED</td></tr>");

        assertEquals(1, report());
        assertTrue(reportText().contains("`Lock_01_MutualExclusion`: Lock: mutual exclusion (jcstress); breaks the promise "
                + "`lock.exclusive`"), reportText());
        assertTrue(promisesSection().contains("| **FAILED** |"), promisesSection());
    }

    @Test
    void promiseWhoseChecksDidNotRunIsNotRunAndDoesNotFail() throws IOException {
        sources();
        promises("lock.no-pinning", "never pins a carrier", "`LockVirtualThreadsTest#lockDoesNotPin`, `LockContractTest#exclusive`");
        evidence("LockContractTest", row("LockContractTest.exclusive", "PASS", run, ""));

        assertEquals(0, report(), console.toString());
        assertTrue(promisesSection().contains("`LockVirtualThreadsTest#lockDoesNotPin` not run, `LockContractTest#exclusive` "
                + "pass | not run in this build |"), promisesSection());
    }

    @Test
    void skippedCheckCountsAsNotRun() throws IOException {
        sources();
        promises("lock.no-pinning", "never pins a carrier", "`LockVirtualThreadsTest#lockDoesNotPin`");
        evidence("LockContractTest", row("LockVirtualThreadsTest.lockDoesNotPin", "SKIPPED", run, ""));

        assertEquals(0, report(), console.toString());
        assertTrue(promisesSection().contains("| not run in this build |"), promisesSection());
    }

    @Test
    void promiseWithoutACheckSaysSo() throws IOException {
        sources();
        promises("lock.bounded-unfairness", "the longest waiter gets the lock after a millisecond", "—");
        evidence("LockContractTest", row("LockContractTest.exclusive", "PASS", run, ""));

        assertEquals(0, report(), console.toString());
        String section = promisesSection();
        assertTrue(section.contains("| `lock.bounded-unfairness` | the longest waiter gets the lock after a millisecond | — "
                + "| no check |"), section);
        assertTrue(section.contains("1 with no check"), section);
    }

    @Test
    void misnamedCheckIsAnErrorThatFailsTheBuild() throws IOException {
        sources();
        promises("lock.exclusive", "one holder at a time", "`LockContractTest#exclusiv`, `LockContractTests#exclusive`, "
                + "`Lock_01_MutualExclusion`");
        evidence("LockContractTest", row("LockContractTest.exclusive", "PASS", run, ""));

        assertEquals(1, report());
        String md = reportText();
        assertTrue(md.contains("`docs/verification.md`: promise `lock.exclusive` names a check that does not exist"), md);
        assertTrue(md.contains("No such test in checks/*/src: LockContractTest#exclusiv, LockContractTests#exclusive."), md);
        assertTrue(promisesSection().contains("`LockContractTest#exclusiv` **no such check**"), promisesSection());
        assertTrue(promisesSection().contains("| **ERROR: unknown check** |"), promisesSection());
    }

    @Test
    void aClassCheckCoversEveryTestOfTheClass() throws IOException {
        sources();
        Path samples = root.resolve("checks/samples/src/test/java/org/threading4j/checks/samples");
        Files.createDirectories(samples);
        Files.writeString(samples.resolve("DocSamplesTest.java"), "class DocSamplesTest {\n}\n");
        promises("conv.spelling", "Python's names", "`DocSamplesTest`");
        Path dir = root.resolve("checks/samples/target/surefire-reports");
        Files.createDirectories(dir);
        Files.writeString(root.resolve("checks/samples/pom.xml"), "<project/>");
        String cls = "org.threading4j.checks.samples.DocSamplesTest";
        Files.writeString(dir.resolve("TEST-" + cls + ".xml"), "<testsuite name=\"" + cls + "\" time=\"1\">"
                + "<testcase name=\"docs/lock.md:8 main\" classname=\"" + cls + "\" time=\"0.5\"/>"
                + "<testcase name=\"docs/rlock.md:8 main\" classname=\"" + cls + "\" time=\"0.5\"/></testsuite>");

        assertEquals(0, report(), console.toString());
        assertTrue(promisesSection().contains("| `DocSamplesTest` pass | passed |"), promisesSection());
    }

    @Test
    void withoutPromisesTablesTheReportSaysSo() throws IOException {
        evidence("LockContractTest", row("LockContractTest.exclusive", "PASS", run, ""));

        assertEquals(0, report(), console.toString());
        assertTrue(reportText().contains("_No promises tables found (no `docs/verification.md`)._"), reportText());
    }

    @Test
    void tableCellsSplitAtUnescapedBars() {
        assertEquals(java.util.List.of("`a`", "b | c", "", "d"), Promises.cells("| `a` | b \\| c | | d |"));
    }

    @Test
    void unescapeInvertsTheEvidenceEscaping() {
        assertEquals("a\tb\nc\\d", ReportMain.unescape("a\\tb\\nc\\\\d"));
        assertEquals("foo", ReportMain.methodName("foo(int)[2]"));
        assertEquals("LockContractTest.foo", ReportMain.testKey("LockContractTest.foo [2] 3 threads"));
    }
}
