package org.threading4j.checks.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Writes one evidence line per {@link Verifies} annotation of each finished test to
 * {@code $threading4j.evidenceDir/<test class>.tsv}; the report module turns these into the verification
 * report. Columns: primitive, property, tool, test, result (PASS, FAIL, SKIPPED), explored, seconds, JDK,
 * run (the build's start time, {@code threading4j.runId}, so the report keeps this build's rows only) and,
 * for a failure, its first lines (exception, message, the first frames; tab, newline and backslash escaped
 * as {@code \t}, {@code \n}, {@code \\}). Nothing is written when the property
 * {@code threading4j.evidenceDir} is unset (e.g. in an IDE).
 */
public final class EvidenceExtension implements BeforeTestExecutionCallback, TestWatcher {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(EvidenceExtension.class);
    /** Lines of a failure's {@code toString()} kept for the report. */
    static final int MESSAGE_LINES = 8;

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        Evidence.reset();
        context.getStore(NS).put("start", System.nanoTime());
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        write(context, "PASS", null);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        write(context, "FAIL", cause);
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        write(context, "SKIPPED", null);
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        write(context, "SKIPPED", null);
    }

    private static void write(ExtensionContext context, String result, Throwable cause) {
        String dir = System.getProperty("threading4j.evidenceDir");
        if (dir == null || dir.isEmpty()) {
            return;
        }
        Long start = context.getStore(NS).get("start", Long.class);
        double seconds = start == null ? 0.0 : (System.nanoTime() - start) / 1e9;
        String explored = Evidence.take();
        List<Verifies> claims = new ArrayList<>();
        context.getTestMethod().ifPresent(m -> collect(m, claims));
        if (claims.isEmpty()) {
            context.getTestClass().ifPresent(c -> collect(c, claims));
        }
        if (claims.isEmpty()) {
            return;
        }
        String test = context.getTestClass().map(Class::getSimpleName).orElse("?") + "."
                + context.getTestMethod().map(Method::getName).orElse("?")
                + (context.getDisplayName().contains("[") ? " " + context.getDisplayName() : "");
        StringBuilder lines = new StringBuilder();
        for (Verifies v : claims) {
            lines.append(String.join("\t", clean(v.primitive()), clean(v.property()), v.tool().name(), clean(test),
                    result, clean(explored), String.format("%.1f", seconds), Runtime.version().toString(),
                    clean(System.getProperty("threading4j.runId", "")), cause == null ? "" : escape(firstLines(cause))))
                    .append('\n');
        }
        Path file = Paths.get(dir, context.getTestClass().map(Class::getName).orElse("unknown") + ".tsv");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines.toString().getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(AnnotatedElement element, List<Verifies> into) {
        for (Verifies v : element.getAnnotationsByType(Verifies.class)) {
            into.add(v);
        }
    }

    /**
     * The first lines of {@code t}'s stack trace: its {@code toString()} (at most {@link #MESSAGE_LINES}
     * lines of it) and frames up to the first in {@code org.threading4j}'s checks, at most 2000 characters.
     */
    static String firstLines(Throwable t) {
        StringBuilder sb = new StringBuilder();
        String[] head = String.valueOf(t).split("\\R");
        for (int i = 0; i < Math.min(head.length, MESSAGE_LINES); i++) {
            sb.append(i == 0 ? "" : "\n").append(head[i]);
        }
        if (head.length > MESSAGE_LINES) {
            sb.append("\n...");
        }
        StackTraceElement[] frames = t.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, 6); i++) {
            sb.append("\n\tat ").append(frames[i]);
            if (frames[i].getClassName().startsWith("org.threading4j.checks.")) {
                break;
            }
        }
        return sb.length() > 2000 ? sb.substring(0, 2000) + "..." : sb.toString();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\r", "").replace("\n", "\\n");
    }

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ');
    }
}
