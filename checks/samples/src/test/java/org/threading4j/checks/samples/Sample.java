package org.threading4j.checks.samples;

import java.util.List;

/**
 * One {@code ```java} block of a Markdown file, with the classification declared on the line before it
 * ({@code <!-- sample: KIND key=value ... -->}, see checks/README.md).
 *
 * @param file          the Markdown file, relative to the repository root, with {@code /} separators
 * @param fenceLine     1-based line of the opening {@code ```java} fence; the code starts on the next line
 * @param kind          how the block is wrapped, and whether it runs
 * @param code          the block's lines, exactly as printed
 * @param imports       extra imports for the wrapped kinds ({@code java.util.List}, {@code java.util.*})
 * @param release       the lowest Java release the sample needs; it is compiled at this release, and
 *                      skipped (with the reason printed) on an older JDK
 * @param lintAll       compile with the whole of {@code -Xlint:all}; by default {@code -Xlint:try} is left
 *                      out, because {@code try (Held h = x.hold())} never reads {@code h}
 * @param expectError   if not null: the sample must NOT compile, with a diagnostic containing this text
 * @param expectWarning if not null: the sample must compile with exactly one kind of warning, containing
 *                      this text (under {@code -Xlint:all}, without {@code -Werror})
 * @param prints        if not null: the program's standard output, line by line
 */
record Sample(String file, int fenceLine, Kind kind, List<String> code, List<String> imports, int release,
              boolean lintAll, String expectError, String expectWarning, List<String> prints) {

    /** The release every sample compiles at unless it says otherwise: the library's baseline. */
    static final int BASELINE_RELEASE = 17;

    /** Imports every wrapped sample gets: the API and {@code Duration}. Single-type imports add to them. */
    static final List<String> DEFAULT_IMPORTS = List.of("org.threading4j.*", "java.time.Duration");

    enum Kind {
        /** A whole compilation unit with a {@code main} method: compiled as printed, then run. */
        PROGRAM(true),
        /** Statements: the body of {@code public static void main(String[] args) throws Exception}; run. */
        MAIN(true),
        /** Statements that cannot run alone: the body of an instance method; compiled only. */
        METHOD(false),
        /** Fields, methods and nested types: the body of a class; compiled only. */
        MEMBERS(false);

        final boolean runs;

        Kind(boolean runs) {
            this.runs = runs;
        }

        static Kind parse(String word) {
            for (Kind k : values()) {
                if (k.name().equalsIgnoreCase(word)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** Whether the build runs this sample (after compiling it). */
    boolean runs() {
        return kind.runs && expectError == null;
    }

    /** {@code docs/lock.md:7}: where the block's fence is, for messages. */
    String where() {
        return file + ":" + fenceLine;
    }

    /** The Markdown line of a line of the block (1-based within the block). */
    int markdownLine(int blockLine) {
        return fenceLine + blockLine;
    }
}
