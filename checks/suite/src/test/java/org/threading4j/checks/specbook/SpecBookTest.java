package org.threading4j.checks.specbook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/specs.md} is what {@link SpecBook} makes of the spec sources: the book cannot drift from the
 * specs. With {@code -Dthreading4j.writeSpecBook=true} the test writes the book instead.
 */
class SpecBookTest {

    @Test
    void committedBookMatchesTheSpecs() throws Exception {
        Path root = SpecBook.root();
        Path book = root.resolve("docs/specs.md");
        String expected = SpecBook.generate(root);
        if (Boolean.getBoolean("threading4j.writeSpecBook")) {
            Files.writeString(book, expected);
        }
        String committed = Files.exists(book) ? Files.readString(book) : "";
        assertEquals(expected, committed, "docs/specs.md is out of date with specs/; regenerate it with: "
                + SpecBook.REGENERATE);
    }
}
