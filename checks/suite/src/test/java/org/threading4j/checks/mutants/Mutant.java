package org.threading4j.checks.mutants;

/**
 * A deliberately broken variant of the library, written as a one-place source edit: in {@code file}
 * (relative to {@code primitives/src/main/java}), inside the method(s) named {@code method}, the code
 * {@code fragment} becomes {@code replacement}. {@link MutantLibrary} compiles the edited sources for
 * {@link Catch} to run real checks against. Writing mutants as edits keeps a single copy of the queueing logic
 * in the tree.
 *
 * <p>The fragment is matched by its tokens ({@link FragmentMatcher}): comments and layout are ignored, so
 * re-indenting, re-commenting or moving the method does not break the mutant, while an edit whose code is gone
 * or has become ambiguous fails loudly ({@code MutantCatalogueTest}) instead of silently testing nothing. The
 * replacement is inserted as written over the source range of the match; it should hold no {@code //}
 * comment that would swallow the rest of the line. All mutants live in {@link MutantCatalogue}.
 *
 * @param id          short name, unique in the catalogue, used in reports and directory names
 * @param description the bug, in words
 * @param file        e.g. {@code org/threading4j/internal/WaitQueue.java}
 * @param method      the name of the method whose body holds the fragment (every overload is searched)
 * @param fragment    the code to replace: must occur exactly once in those bodies
 * @param replacement the broken code
 */
public record Mutant(String id, String description, String file, String method, String fragment,
        String replacement) {

    /** Where a mutant edits: a method of a library file. */
    public record Site(String file, String method) {

        /** The mutant replacing {@code fragment} by {@code replacement} in this method. */
        public Mutant mutant(String id, String description, String fragment, String replacement) {
            return new Mutant(id, description, file, method, fragment, replacement);
        }
    }

    /** The method {@code method} of {@code file} (relative to {@code primitives/src/main/java}). */
    public static Site in(String file, String method) {
        return new Site(file, method);
    }

    /**
     * {@code source} (the text of {@link #file}) with this mutant's edit applied.
     *
     * @throws IllegalStateException naming the mutant, if the method is missing or the fragment does not occur
     *                               exactly once in it
     */
    public String apply(String source) {
        try {
            return FragmentMatcher.replace(source, method, fragment, replacement);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("mutant " + id + " (" + file + ", " + method + "): " + e.getMessage()
                    + " (the library changed? update the mutant in MutantCatalogue)", e);
        }
    }

    @Override
    public String toString() {
        return id + " (" + description + ")";
    }
}
