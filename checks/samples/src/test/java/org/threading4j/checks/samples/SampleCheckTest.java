package org.threading4j.checks.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness fails what it must: a sample that does not compile, blocks, exits non-zero, writes to standard
 * error or prints the wrong thing, uses the engine package, and a "must not compile" sample that compiles.
 */
class SampleCheckTest {

    @TempDir
    static Path work;
    private static SampleCheck check;
    /** The same with a short bound, for the sample that must hang. */
    private static SampleCheck impatient;

    @BeforeAll
    static void setUp() throws Exception {
        Path library = Path.of(org.threading4j.Lock.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        check = new SampleCheck(library, work, Duration.ofSeconds(60));
        impatient = new SampleCheck(library, work, Duration.ofSeconds(3));
    }

    private static Sample sample(String comment, String... code) {
        List<String> lines = new ArrayList<>(List.of(comment, "```java"));
        lines.addAll(List.of(code));
        lines.add("```");
        MarkdownSamples.Extraction e = MarkdownSamples.extract("t.md", lines);
        assertEquals(List.of(), e.errors());
        return e.samples().get(0);
    }

    private static String failure(Sample s) {
        return assertThrows(AssertionError.class, () -> check.check(s)).getMessage();
    }

    @Test
    void aCorrectProgramRunsAndItsOutputIsChecked() {
        Sample s = sample("<!-- sample: main prints=\"true\" -->", "Event e = new Event();", "e.set();",
                "System.out.println(e.await(Duration.ZERO));");
        assertEquals(SampleCheck.Outcome.RAN, check.check(s).outcome());
        String m = failure(sample("<!-- sample: main prints=\"false\" -->", "System.out.println(true);"));
        assertTrue(m.contains("expected the program to print [false], it printed [true]"), m);
    }

    @Test
    void anUndeclaredVariableFailsAtItsMarkdownLine() {
        String m = failure(sample("<!-- sample: method -->", "Lock lock = new Lock();",
                "try (Held h = lock.hold()) {", "    counter++;", "}"));
        assertTrue(m.contains("t.md:5: error: cannot find symbol"), m);
        assertTrue(m.contains("counter++;"), m);
    }

    @Test
    void aWarningFailsUnlessExpected() {
        String[] code = {"@SuppressWarnings(\"try\") void a(Lock lock) { try (Held h = lock.hold()) { } }",
            "void b(Lock lock) { try (Held h = lock.hold()) { } }"};
        assertEquals(SampleCheck.Outcome.COMPILED, check.check(sample("<!-- sample: members -->", code)).outcome());
        String m = failure(sample("<!-- sample: members lint=all -->", code));
        assertTrue(m.contains("t.md:4: warning: auto-closeable resource h is never referenced"), m);
        Sample expected = sample("<!-- sample: members expect-warning=\"auto-closeable resource h\" -->", code);
        assertEquals(SampleCheck.Outcome.COMPILED, check.check(expected).outcome());
    }

    @Test
    void aSampleThatBlocksForeverFailsWithAThreadDump() {
        Sample s = sample("<!-- sample: main -->", "new Event().await();");
        String m = assertThrows(AssertionError.class, () -> impatient.check(s)).getMessage();
        assertTrue(m.contains("did not finish within 3 s"), m);
        assertTrue(m.contains("(t.md:3)") || m.contains("no jstack"), m);
        assertTrue(m.contains("org.threading4j.Event") || m.contains("no jstack"), m);
    }

    @Test
    void aNonZeroExitOrOutputOnStandardErrorFails() {
        String m = failure(sample("<!-- sample: main -->", "System.exit(3);"));
        assertTrue(m.contains("exited with 3"), m);
        m = failure(sample("<!-- sample: main -->",
                "Thread t = new Thread(() -> { throw new IllegalStateException(\"boom\"); });",
                "t.start();", "t.join();"));
        assertTrue(m.contains("wrote to standard error") && m.contains("boom") && m.contains("(t.md:3)"), m);
    }

    @Test
    void theEnginePackageIsNotVisible() {
        String m = failure(sample("<!-- sample: method -->", "Object o = org.threading4j.internal.WaitQueue.class;"));
        assertTrue(m.contains("does not export org.threading4j.internal") || m.contains("is not visible"), m);
    }

    @Test
    void aSampleThatMustNotCompileMustNotCompile() {
        Sample rejected = sample(
                "<!-- sample: method imports=java.util.* expect-error=\"reference to Timer is ambiguous\" -->",
                "Timer t = null;");
        assertEquals(SampleCheck.Outcome.REJECTED_AS_EXPECTED, check.check(rejected).outcome());
        String m = failure(sample("<!-- sample: method expect-error=\"reference to Timer is ambiguous\" -->",
                "Timer t = null;"));
        assertTrue(m.contains("expected not to compile"), m);
    }

    @Test
    void aSampleForANewerJavaIsSkippedWithItsReason() {
        SampleCheck.Result r = check.check(sample("<!-- sample: main release=999 -->", "int _x = 1;"));
        assertEquals(SampleCheck.Outcome.SKIPPED, r.outcome());
        assertTrue(r.detail().contains("needs Java 999"), r.detail());
    }
}
