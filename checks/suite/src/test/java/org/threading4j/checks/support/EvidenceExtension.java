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
 * report. Columns: primitive, property, tool, test, result (PASS, FAIL, SKIPPED), explored, seconds, JDK.
 * Nothing is written when the property {@code threading4j.evidenceDir} is unset (e.g. in an IDE).
 */
public final class EvidenceExtension implements BeforeTestExecutionCallback, TestWatcher {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(EvidenceExtension.class);

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        Evidence.reset();
        context.getStore(NS).put("start", System.nanoTime());
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        write(context, "PASS");
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        write(context, "FAIL");
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        write(context, "SKIPPED");
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        write(context, "SKIPPED");
    }

    private static void write(ExtensionContext context, String result) {
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
                    result, clean(explored), String.format("%.1f", seconds), Runtime.version().toString()))
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

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ');
    }
}
