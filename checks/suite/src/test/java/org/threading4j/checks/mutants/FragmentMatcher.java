package org.threading4j.checks.mutants;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Finds a code fragment inside the methods of a given name in a Java source, ignoring comments and layout,
 * and replaces the source text it came from. This is what lets a {@link Mutant} survive a refactoring that
 * moves, re-indents or re-comments its target: only the method's name and the tokens of the fragment count.
 *
 * <p>The source is split into tokens (words, i.e. identifiers, keywords and numbers; string, character and
 * text-block literals, kept verbatim; single punctuation characters), with comments and whitespace
 * dropped. A text is normalised by writing its tokens one after the other, with a single space only
 * between two words: {@code if (s>=PERMIT)} and {@code if ( s >= PERMIT ) // note} both read
 * {@code if(s>=PERMIT)}. The fragment must start and end on token boundaries ({@code unpark} does not match
 * inside {@code unparkAll}).
 *
 * <p>A method declaration is a name followed by a parenthesised parameter list, an optional
 * {@code throws} clause and a body in braces, not preceded by {@code .} or {@code new} (so calls and
 * anonymous classes are not taken for one); overloads and methods of nested classes with the same name all
 * count. Braces inside literals and comments are never counted, because the scanner sees tokens only.
 */
final class FragmentMatcher {

    private FragmentMatcher() {
    }

    /** One token: {@code [start, end)} in the source; {@code word} for identifiers, keywords and numbers. */
    private record Token(int start, int end, boolean word) {
    }

    /**
     * {@code source} with the one occurrence of {@code fragment} in the bodies of the methods named
     * {@code method} replaced by {@code replacement} (inserted as written).
     *
     * @throws IllegalArgumentException if there is no such method, or the fragment does not occur exactly once
     *                                  in their bodies (the message gives the count)
     */
    static String replace(String source, String method, String fragment, String replacement) {
        int[] range = find(source, method, fragment);
        return source.substring(0, range[0]) + replacement + source.substring(range[1]);
    }

    /** The source range {@code [start, end)} of the one occurrence (see {@link #replace}). */
    static int[] find(String source, String method, String fragment) {
        String wanted = normalise(fragment, tokens(fragment, 0, fragment.length())).text;
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("the fragment has no code (only comments or whitespace)");
        }
        List<Token> tokens = tokens(source, 0, source.length());
        List<int[]> bodies = bodies(source, tokens, method);
        if (bodies.isEmpty()) {
            throw new IllegalArgumentException("no method " + method + " (a declaration with a body)");
        }
        TreeSet<Long> matches = new TreeSet<>(); // deduplicated: a body may be nested in another of that name
        for (int[] body : bodies) {
            Normalised n = normalise(source, tokens.subList(body[0], body[1]));
            for (int at = n.text.indexOf(wanted); at >= 0; at = n.text.indexOf(wanted, at + 1)) {
                int end = at + wanted.length();
                if (boundary(n.text, at) && boundary(n.text, end)) {
                    matches.add(((long) n.offsets[at] << 32) | n.ends[end - 1]);
                }
            }
        }
        if (matches.size() != 1) {
            throw new IllegalArgumentException("the fragment occurs " + matches.size() + " times in "
                    + (bodies.size() == 1 ? "method " : bodies.size() + " methods named ") + method
                    + " (exactly once required): " + wanted);
        }
        long m = matches.first();
        return new int[] {(int) (m >>> 32), (int) m};
    }

    /** A normalised text; {@code offsets[i]} and {@code ends[i]}: the source range its char {@code i} stands for. */
    private record Normalised(String text, int[] offsets, int[] ends) {
    }

    /** The tokens written one after the other, a space only between two words (see the class comment). */
    private static Normalised normalise(String source, List<Token> tokens) {
        StringBuilder text = new StringBuilder();
        List<int[]> map = new ArrayList<>();
        Token previous = null;
        for (Token t : tokens) {
            if (previous != null && previous.word && t.word) {
                text.append(' ');
                map.add(new int[] {previous.end, t.start});
            }
            for (int i = t.start; i < t.end; i++) {
                text.append(source.charAt(i));
                map.add(new int[] {i, i + 1});
            }
            previous = t;
        }
        int[] offsets = new int[map.size()];
        int[] ends = new int[map.size()];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = map.get(i)[0];
            ends[i] = map.get(i)[1];
        }
        return new Normalised(text.toString(), offsets, ends);
    }

    /** Whether position {@code i} of a normalised text is not inside a word. */
    private static boolean boundary(String text, int i) {
        return i == 0 || i == text.length() || !(wordChar(text.charAt(i - 1)) && wordChar(text.charAt(i)));
    }

    private static boolean wordChar(char c) {
        return Character.isJavaIdentifierPart(c) && !Character.isIdentifierIgnorable(c);
    }

    /**
     * The bodies of the methods named {@code name}: for each, the token index range strictly inside its
     * braces.
     */
    private static List<int[]> bodies(String source, List<Token> tokens, String name) {
        List<int[]> bodies = new ArrayList<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (!is(source, tokens.get(i), name) || !is(source, tokens.get(i + 1), "(")) {
                continue;
            }
            if (i > 0 && (is(source, tokens.get(i - 1), ".") || is(source, tokens.get(i - 1), "new"))) {
                continue; // a call, or an anonymous class
            }
            int j = closing(source, tokens, i + 1, "(", ")");
            if (j < 0) {
                continue;
            }
            j++;
            if (j < tokens.size() && is(source, tokens.get(j), "throws")) {
                j++;
                while (j < tokens.size() && (tokens.get(j).word || is(source, tokens.get(j), ".")
                        || is(source, tokens.get(j), ","))) {
                    j++;
                }
            }
            if (j < tokens.size() && is(source, tokens.get(j), "{")) {
                int close = closing(source, tokens, j, "{", "}");
                if (close < 0) {
                    throw new IllegalArgumentException("unbalanced braces in the body of " + name);
                }
                bodies.add(new int[] {j + 1, close});
            }
        }
        return bodies;
    }

    /** The index of the token closing the bracket opened at {@code open}, or -1. */
    private static int closing(String source, List<Token> tokens, int open, String opening, String closing) {
        int depth = 0;
        for (int k = open; k < tokens.size(); k++) {
            if (is(source, tokens.get(k), opening)) {
                depth++;
            } else if (is(source, tokens.get(k), closing) && --depth == 0) {
                return k;
            }
        }
        return -1;
    }

    private static boolean is(String source, Token t, String text) {
        return t.end - t.start == text.length() && source.startsWith(text, t.start);
    }

    /** The tokens of {@code source[from, to)}: comments and whitespace skipped, literals whole. */
    private static List<Token> tokens(String s, int from, int to) {
        List<Token> tokens = new ArrayList<>();
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (s.startsWith("//", i)) {
                int eol = s.indexOf('\n', i);
                i = eol < 0 || eol > to ? to : eol + 1;
            } else if (s.startsWith("/*", i)) {
                int close = s.indexOf("*/", i + 2);
                if (close < 0 || close + 2 > to) {
                    throw new IllegalArgumentException("unterminated comment at offset " + i);
                }
                i = close + 2;
            } else if (s.startsWith("\"\"\"", i)) {
                int end = literalEnd(s, i + 3, to, "\"\"\"");
                tokens.add(new Token(i, end, false));
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = literalEnd(s, i + 1, to, String.valueOf(c));
                tokens.add(new Token(i, end, false));
                i = end;
            } else if (wordChar(c)) {
                int end = i + 1;
                while (end < to && wordChar(s.charAt(end))) {
                    end++;
                }
                tokens.add(new Token(i, end, true));
                i = end;
            } else {
                tokens.add(new Token(i, i + 1, false));
                i++;
            }
        }
        return tokens;
    }

    /** The offset just after the {@code quote} closing a literal whose content starts at {@code i}. */
    private static int literalEnd(String s, int i, int to, String quote) {
        while (i < to) {
            if (s.charAt(i) == '\\') {
                i += 2; // an escape: the next char never closes the literal
            } else if (s.startsWith(quote, i)) {
                return i + quote.length();
            } else {
                i++;
            }
        }
        throw new IllegalArgumentException("unterminated literal " + quote + " at offset " + i);
    }
}
