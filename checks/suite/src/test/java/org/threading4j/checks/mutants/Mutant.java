package org.threading4j.checks.mutants;

/**
 * A deliberately broken variant of the library, written as a one-place source edit: in {@code file}
 * (relative to {@code primitives/src/main/java}), the text {@code original}, which must occur exactly once,
 * becomes {@code replacement}. {@link MutantLibrary} compiles the edited sources and loads them, together
 * with the checks, in a class loader of their own, so that the real checks run unchanged against the broken
 * library. Writing mutants as edits keeps a single copy of the queueing logic in the tree, and an edit whose
 * original text no longer exists fails loudly instead of silently testing nothing.
 *
 * @param id          short name, used in reports and directory names
 * @param description the bug, in words
 * @param file        e.g. {@code org/threading4j/internal/WaitQueue.java}
 * @param original    the exact text to replace (occurs exactly once)
 * @param replacement the broken text
 */
public record Mutant(String id, String description, String file, String original, String replacement) {

    @Override
    public String toString() {
        return id + " (" + description + ")";
    }
}
