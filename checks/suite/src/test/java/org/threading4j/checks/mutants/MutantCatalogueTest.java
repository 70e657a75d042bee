package org.threading4j.checks.mutants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.threading4j.checks.mutants.Catch.Check;
import org.threading4j.checks.stress.LockStressTest;

/**
 * Fast checks of the mutant framework, no JVM forked and nothing compiled: every mutant of the catalogue
 * still applies to the current library sources (so an engine change that moves a mutant's target fails here, in
 * milliseconds, naming the mutant), and the fragment matcher and {@link Check#of} behave as documented.
 */
class MutantCatalogueTest {

    @Test
    void everyMutantAppliesToTheCurrentSources() throws IOException {
        List<Mutant> all = MutantCatalogue.all();
        assertTrue(all.contains(MutantCatalogue.NO_UNPARK), "all() misses constants: " + all);
        Set<String> ids = new HashSet<>();
        for (Mutant m : all) {
            assertTrue(ids.add(m.id()), "two mutants have the id " + m.id());
            String original = Files.readString(MutantLibrary.sources().resolve(m.file()), StandardCharsets.UTF_8);
            String edited = m.apply(original); // throws, naming the mutant, unless the fragment occurs exactly once
            assertNotEquals(original, edited, m.id() + " changes nothing");
        }
    }

    @Test
    void editedSourcesHoldTheEdit() {
        Mutant m = MutantCatalogue.NO_UNPARK;
        String edited = MutantLibrary.editedSources(m).get(m.file());
        assertTrue(edited.contains("/* LockSupport.unpark(chain.thread); removed */"), edited);
    }

    @Test
    void aMutantsDirectoryIsNamedByItsEditedSources() {
        Mutant m = MutantCatalogue.NO_UNPARK;
        Path dir = MutantLibrary.directory(m, MutantLibrary.editedSources(m));
        assertTrue(dir.getFileName().toString().matches("no-unpark-[0-9a-f]{12}"), dir.toString());
        assertEquals(dir, MutantLibrary.directory(m, MutantLibrary.editedSources(m)), "reused by the next JVM");
        Mutant other = Mutant.in(m.file(), m.method()).mutant(m.id(), m.description(), m.fragment(), "");
        assertNotEquals(dir, MutantLibrary.directory(other, MutantLibrary.editedSources(other)),
                "another edit under the same id gets other classes");
    }

    // ---------------------------------------------------------------------------------------------
    // The matcher
    // ---------------------------------------------------------------------------------------------

    private static final String SOURCE = String.join("\n",
            "class A {",
            "    private static final String BRACES = \"}}{ // not a comment\";",
            "    void foo(int n) {",
            "        char c = '}';",
            "        String t = \"\"\"",
            "            } \\\"\"\" still the block {",
            "            \"\"\";",
            "        // } a brace in a comment",
            "        /* { another */",
            "        if (n >   0) { // why",
            "            bar(n);   /* inline */ n--;",
            "        }",
            "        unpark(n);",
            "    }",
            "",
            "    void foo(String s) throws java.io.IOException, InterruptedException {",
            "        baz(s);",
            "        twice(); twice();",
            "    }",
            "",
            "    void other() {",
            "        foo(1);",
            "        bar(1);",
            "        new Runnable() {",
            "            public void run() {",
            "                bar(2);",
            "            }",
            "        };",
            "    }",
            "}");

    @Test
    void commentsAndLayoutAreIgnored() {
        String edited = FragmentMatcher.replace(SOURCE, "foo", "if(n>0){bar(n);n--;}", "BROKEN();");
        assertTrue(edited.contains("        BROKEN();\n        unpark(n);"), edited);
        assertFalse(edited.contains("// why"), "the comments inside the match go with it");
    }

    @Test
    void theMatchEndsAtTheFragmentsLastToken() {
        String edited = FragmentMatcher.replace(SOURCE, "foo", "if (n > 0) {", "if (n < 0) {");
        assertTrue(edited.contains("if (n < 0) { // why"), edited);
    }

    @Test
    void everyOverloadIsSearched() {
        String edited = FragmentMatcher.replace(SOURCE, "foo", "baz(s);", "qux(s);");
        assertTrue(edited.contains("        qux(s);"), edited);
    }

    @Test
    void aFragmentFoundTwiceIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FragmentMatcher.replace(SOURCE, "foo", "twice();", "x();"));
        assertTrue(e.getMessage().contains("occurs 2 times in 2 methods named foo"), e.getMessage());
    }

    @Test
    void aFragmentNotFoundIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FragmentMatcher.replace(SOURCE, "other", "baz(s);", "x();"));
        assertTrue(e.getMessage().contains("occurs 0 times in method other"), e.getMessage());
    }

    @Test
    void aMissingMethodIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FragmentMatcher.replace(SOURCE, "bar", "n--;", "x();"));
        assertTrue(e.getMessage().contains("no method bar"), "calls are not declarations: " + e.getMessage());
    }

    @Test
    void bracesInLiteralsAndCommentsDoNotEndTheBody() {
        // the body of foo(int) runs past every brace in its literals and comments, to unpark(n)
        String edited = FragmentMatcher.replace(SOURCE, "foo", "unpark(n);", "x();");
        assertTrue(edited.contains("        x();\n    }"), edited);
        // and a method of an anonymous class is a method
        assertTrue(FragmentMatcher.replace(SOURCE, "run", "bar(2);", "y();").contains("y();"));
    }

    @Test
    void literalsAreMatchedVerbatim() {
        String source = "class B { void m() { log(\"a  b\"); log(\"a b\"); } }";
        assertEquals("class B { void m() { log(\"a  b\"); x(); } }",
                FragmentMatcher.replace(source, "m", "log(\"a b\");", "x();"));
    }

    @Test
    void aFragmentMatchesWholeTokensOnly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FragmentMatcher.replace(SOURCE, "foo", "park(n);", "x();"));
        assertTrue(e.getMessage().contains("occurs 0 times"), "park( is not inside unpark(: " + e.getMessage());
    }

    @Test
    void aFragmentOfCommentsOnlyIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> FragmentMatcher.replace(SOURCE, "foo", "// why", "x"));
    }

    @Test
    void aMutantsErrorNamesTheMutant() {
        Mutant stale = Mutant.in("org/threading4j/internal/WaitQueue.java", "unparkAll").mutant("stale",
                "code not in the method", "thisCodeIsNotInUnparkAll();", "x();");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> MutantLibrary.build(stale));
        assertTrue(e.getMessage().startsWith("mutant stale (org/threading4j/internal/WaitQueue.java, unparkAll): "
                + "the fragment occurs 0 times"), e.getMessage());
    }

    // ---------------------------------------------------------------------------------------------
    // Checks by method reference
    // ---------------------------------------------------------------------------------------------

    @Test
    void aCheckIsNamedByItsMethodReference() {
        Check check = Check.of(LockStressTest::freeForAll);
        assertEquals(LockStressTest.class, check.type());
        assertEquals("freeForAll", check.method());
    }

    @Test
    void anInheritedCheckRunsOnTheReferencedClass() {
        Check check = Check.of(org.threading4j.checks.contract.ConditionLockContractTest::signalIsFifo);
        assertEquals(org.threading4j.checks.contract.ConditionLockContractTest.class, check.type());
        assertEquals("signalIsFifo", check.method());
    }

    @Test
    void aLambdaIsNotACheck() {
        assertThrows(IllegalArgumentException.class, () -> Check.of((LockStressTest t) -> t.freeForAll()));
    }
}
