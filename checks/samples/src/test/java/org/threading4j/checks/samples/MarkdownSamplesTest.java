package org.threading4j.checks.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The extractor finds every Java block, and refuses the ones it cannot classify instead of skipping them. */
class MarkdownSamplesTest {

    private static MarkdownSamples.Extraction extract(String... lines) {
        return MarkdownSamples.extract("page.md", List.of(lines));
    }

    private static void assertOneError(MarkdownSamples.Extraction e, String line, String text) {
        assertEquals(1, e.errors().size(), () -> "errors: " + e.errors());
        assertTrue(e.errors().get(0).startsWith("page.md:" + line + ": "), e.errors().get(0));
        assertTrue(e.errors().get(0).contains(text), e.errors().get(0));
    }

    @Test
    void readsKindAndAttributes() {
        MarkdownSamples.Extraction e = extract("# Title", "",
                "<!-- sample: main imports=java.util.List,java.util.ArrayList release=22 lint=all prints=\"a b|c\" -->",
                "```java", "System.out.println(\"a b\");", "System.out.println(\"c\");", "```", "",
                "<!-- sample: members -->", "```java", "int x;", "```");
        assertEquals(List.of(), e.errors());
        assertEquals(2, e.samples().size());
        Sample s = e.samples().get(0);
        assertEquals(Sample.Kind.MAIN, s.kind());
        assertEquals(4, s.fenceLine());
        assertEquals(List.of("java.util.List", "java.util.ArrayList"), s.imports());
        assertEquals(22, s.release());
        assertTrue(s.lintAll());
        assertEquals(List.of("a b", "c"), s.prints());
        assertEquals(2, s.code().size());
        Sample m = e.samples().get(1);
        assertEquals(Sample.Kind.MEMBERS, m.kind());
        assertEquals(Sample.BASELINE_RELEASE, m.release());
        assertNull(m.prints());
        assertEquals(2, (int) e.javaFences().get("page.md"));
    }

    @Test
    void anUnclassifiedBlockIsAnError() {
        assertOneError(extract("text", "", "```java", "int x = 1;", "```"), "3", "unclassified");
    }

    @Test
    void aClassificationMustBeRightBeforeTheFence() {
        MarkdownSamples.Extraction e = extract("<!-- sample: main -->", "", "```java", "int x = 1;", "```");
        assertEquals(2, e.errors().size(), () -> "errors: " + e.errors());
        assertTrue(e.errors().stream().anyMatch(x -> x.startsWith("page.md:3: unclassified")), e.errors()::toString);
        assertTrue(e.errors().stream().anyMatch(x -> x.startsWith("page.md:1: a sample comment must be")),
                e.errors()::toString);
    }

    @Test
    void unknownKindsAndAttributesAreErrors() {
        assertOneError(extract("<!-- sample: snippet -->", "```java", "x();", "```"), "1", "unknown sample kind");
        assertOneError(extract("<!-- sample: main timeout=5 -->", "```java", "x();", "```"), "1",
                "unknown attribute timeout");
        assertOneError(extract("<!-- sample: program imports=java.util.List -->", "```java", "class A {}", "```"),
                "1", "declares its own imports");
        assertOneError(extract("<!-- sample: method prints=x -->", "```java", "x();", "```"), "1", "needs a sample");
        assertOneError(extract("<!-- sample: main release=11 -->", "```java", "x();", "```"), "1", "baseline");
    }

    @Test
    void javaFencesWrittenDifferentlyAreErrorsNotSkipped() {
        assertOneError(extract("<!-- sample: main -->", "~~~java", "x();", "~~~"), "2", "exactly ```java");
        assertOneError(extract("<!-- sample: main -->", "  ```java", "x();", "  ```"), "2", "exactly ```java");
        assertOneError(extract("<!-- sample: main -->", "```java title=\"A.java\"", "x();", "```"), "2",
                "exactly ```java");
    }

    @Test
    void aJavaFenceTheParserCannotSeeIsCounted() {
        // inside another fenced block, or indented as a code block: not a sample, so it must be reported
        assertOneError(extract("````markdown", "```java", "x();", "```", "````"), "2", "did not see");
        assertOneError(extract("- item", "", "        ```java", "        x();", "        ```"), "3", "did not see");
    }

    @Test
    void otherLanguagesAndCommentsInsideOtherFencesAreIgnored() {
        MarkdownSamples.Extraction e = extract("```python", "import threading", "```", "```text",
                "<!-- sample: main -->", "```", "```javascript", "let x;", "```");
        assertEquals(List.of(), e.errors());
        assertEquals(0, e.samples().size());
        assertTrue(e.javaFences().isEmpty());
    }
}
