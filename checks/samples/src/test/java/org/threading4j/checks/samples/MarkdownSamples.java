package org.threading4j.checks.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the Java samples in Markdown: every fenced block whose info string is {@code java}, with the
 * classification comment on the line before it. Strict on purpose: anything it cannot classify, or a line
 * that looks like a Java fence it did not take as one (indented, {@code ~~~}, inside another fence), is an
 * error, so no block escapes the build by being written a little differently.
 */
final class MarkdownSamples {

    /** A fence opener or closer (CommonMark: up to three spaces of indentation). */
    private static final Pattern FENCE = Pattern.compile("^( {0,3})(`{3,}|~{3,})(.*)$");
    /** Anything that a reader (or GitHub) might take for a Java block: the independent count. */
    private static final Pattern LOOKS_LIKE_JAVA_FENCE =
            Pattern.compile("^\\s*(`{3,}|~{3,})\\s*java\\b.*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern CLASSIFICATION = Pattern.compile("^<!--\\s*sample:(.*)-->\\s*$");
    private static final Pattern SAMPLE_COMMENT = Pattern.compile("<!--\\s*sample\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("\\s+([a-z][a-z-]*)=(?:\"([^\"]*)\"|([^\\s\"]+))");
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", "node_modules");

    /**
     * What was found. {@code javaFences} counts, per file, the lines that look like a Java fence
     * (independently of the parser); every one of them is either a sample or an error.
     */
    record Extraction(List<Sample> samples, List<String> errors, Map<String, Integer> javaFences) {
    }

    private MarkdownSamples() {
    }

    /** Every {@code *.md} under the repository root, skipping build output and hidden directories. */
    static List<Path> markdownFiles(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                boolean skip = !dir.equals(root) && (name.startsWith(".") || SKIPPED_DIRECTORIES.contains(name));
                return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (file.getFileName().toString().endsWith(".md")) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        return files;
    }

    /** Extracts the samples of every Markdown file under {@code root}. */
    static Extraction scan(Path root) throws IOException {
        List<Sample> samples = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Map<String, Integer> fences = new LinkedHashMap<>();
        for (Path file : markdownFiles(root)) {
            String name = root.relativize(file).toString().replace('\\', '/');
            Extraction e = extract(name, Files.readAllLines(file, StandardCharsets.UTF_8));
            samples.addAll(e.samples());
            errors.addAll(e.errors());
            fences.putAll(e.javaFences());
        }
        return new Extraction(samples, errors, fences);
    }

    /** Extracts the samples of one file; {@code file} is only used in the results and messages. */
    static Extraction extract(String file, List<String> lines) {
        List<Sample> samples = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Set<Integer> javaFencesTaken = new HashSet<>();   // 1-based lines of the Java fences the parser took
        Set<Integer> commentsUsed = new HashSet<>();
        List<Integer> commentsSeen = new ArrayList<>();   // sample comments outside fenced blocks
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            Matcher open = FENCE.matcher(line);
            if (!open.matches() || (open.group(2).charAt(0) == '`' && open.group(3).contains("`"))) {
                if (SAMPLE_COMMENT.matcher(line).find()) {
                    commentsSeen.add(i + 1);
                }
                i++;
                continue;
            }
            String marks = open.group(2);
            String info = open.group(3).trim();
            int close = closingFence(lines, i + 1, marks);
            boolean java = info.split("\\s+")[0].equalsIgnoreCase("java");
            if (java) {
                int fenceLine = i + 1;
                javaFencesTaken.add(fenceLine);
                String at = file + ":" + fenceLine + ": ";
                if (i > 0 && SAMPLE_COMMENT.matcher(lines.get(i - 1)).find()) {
                    commentsUsed.add(i);
                }
                if (!open.group(1).isEmpty() || !marks.equals("```") || !info.equals("java")) {
                    errors.add(at + "write a Java sample as a fence of exactly ```java at the start of the line "
                            + "(found \"" + line.strip() + "\")");
                } else if (close < 0) {
                    errors.add(at + "the ```java block is never closed");
                } else {
                    List<String> code = lines.subList(i + 1, close);
                    String previous = i > 0 ? lines.get(i - 1) : "";
                    Matcher c = CLASSIFICATION.matcher(previous);
                    if (!c.matches()) {
                        errors.add(at + "unclassified ```java block: put <!-- sample: KIND ... --> on the line "
                                + "right before it (KIND: program, main, method or members; see checks/README.md)");
                    } else {
                        Sample s = classify(file, fenceLine, c.group(1), code, errors);
                        if (s != null) {
                            samples.add(s);
                        }
                    }
                }
            }
            i = close < 0 ? lines.size() : close + 1;
        }
        for (int line : commentsSeen) {
            if (!commentsUsed.contains(line)) {
                errors.add(file + ":" + line + ": a sample comment must be on the line right before a ```java fence");
            }
        }
        int looksLikeJava = 0;
        for (int n = 0; n < lines.size(); n++) {
            if (LOOKS_LIKE_JAVA_FENCE.matcher(lines.get(n)).matches()) {
                looksLikeJava++;
                if (!javaFencesTaken.contains(n + 1)) {
                    errors.add(file + ":" + (n + 1) + ": a Java block the extractor did not see (inside another "
                            + "fenced block, or indented by four or more spaces): \"" + lines.get(n).strip() + "\"");
                }
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (looksLikeJava > 0) {
            counts.put(file, looksLikeJava);
        }
        return new Extraction(samples, errors, counts);
    }

    /** Index of the line closing a fence opened with {@code marks}, or -1. */
    private static int closingFence(List<String> lines, int from, String marks) {
        Pattern closer = Pattern.compile("^ {0,3}" + Pattern.quote(marks.substring(0, 1)) + "{" + marks.length()
                + ",}\\s*$");
        for (int j = from; j < lines.size(); j++) {
            if (closer.matcher(lines.get(j)).matches()) {
                return j;
            }
        }
        return -1;
    }

    /** Reads {@code KIND key=value key="value with spaces" ...}; adds to {@code errors} and returns null if bad. */
    private static Sample classify(String file, int fenceLine, String text, List<String> code, List<String> errors) {
        String at = file + ":" + (fenceLine - 1) + ": ";
        String body = " " + text.trim();
        Matcher kindWord = Pattern.compile("^\\s+([a-z-]+)").matcher(body);
        Sample.Kind kind = kindWord.find() ? Sample.Kind.parse(kindWord.group(1)) : null;
        if (kind == null) {
            errors.add(at + "unknown sample kind in \"<!-- sample:" + text + "-->\" (program, main, method, members)");
            return null;
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        Matcher a = ATTRIBUTE.matcher(body);
        int pos = kindWord.end();
        while (pos < body.length() && a.find(pos) && a.start() == pos) {
            if (attrs.put(a.group(1), a.group(2) != null ? a.group(2) : a.group(3)) != null) {
                errors.add(at + "attribute " + a.group(1) + " given twice");
                return null;
            }
            pos = a.end();
        }
        if (!body.substring(pos).isBlank()) {
            errors.add(at + "cannot read the sample comment from \"" + body.substring(pos).trim() + "\"");
            return null;
        }
        if (code.isEmpty()) {
            errors.add(file + ":" + fenceLine + ": empty ```java block");
            return null;
        }
        List<String> imports = new ArrayList<>();
        int release = Sample.BASELINE_RELEASE;
        boolean lintAll = false;
        String expectError = null;
        String expectWarning = null;
        List<String> prints = null;
        for (Map.Entry<String, String> e : attrs.entrySet()) {
            String v = e.getValue();
            switch (e.getKey()) {
                case "imports":
                    if (kind == Sample.Kind.PROGRAM) {
                        errors.add(at + "a program declares its own imports; imports= is for main, method, members");
                        return null;
                    }
                    imports.addAll(Arrays.asList(v.split(",")));
                    break;
                case "release":
                    try {
                        release = Integer.parseInt(v);
                    } catch (NumberFormatException x) {
                        release = -1;
                    }
                    if (release < Sample.BASELINE_RELEASE) {
                        errors.add(at + "release=" + v + ": a release number of " + Sample.BASELINE_RELEASE
                                + " or more (the library's baseline)");
                        return null;
                    }
                    break;
                case "lint":
                    if (!v.equals("all")) {
                        errors.add(at + "lint=" + v + ": the only value is all (-Xlint:all, try warnings included)");
                        return null;
                    }
                    lintAll = true;
                    break;
                case "expect-error":
                    expectError = v;
                    break;
                case "expect-warning":
                    expectWarning = v;
                    lintAll = true;
                    break;
                case "prints":
                    prints = Arrays.asList(v.split("\\|", -1));
                    break;
                default:
                    errors.add(at + "unknown attribute " + e.getKey()
                            + " (imports, release, lint, expect-error, expect-warning, prints)");
                    return null;
            }
        }
        if (expectError != null && (expectWarning != null || prints != null)) {
            errors.add(at + "a sample that must not compile can expect neither a warning nor output");
            return null;
        }
        if (prints != null && !kind.runs) {
            errors.add(at + "prints= needs a sample that runs (program or main)");
            return null;
        }
        return new Sample(file, fenceLine, kind, List.copyOf(code), List.copyOf(imports), release, lintAll,
                expectError, expectWarning, prints == null ? null : List.copyOf(prints));
    }
}
