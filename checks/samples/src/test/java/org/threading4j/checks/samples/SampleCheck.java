package org.threading4j.checks.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles one {@link Sample} with javac (in process) against the library on the module path, so only the
 * exported package {@code org.threading4j} is visible, and runs it in a JVM of its own if it is a program.
 * Failures are {@link AssertionError}s whose message points at Markdown lines, not at the generated file.
 *
 * <p>Flags: {@code --release <sample's release> -Xlint:all,-try -Werror} ({@code -Xlint:all -Werror} for
 * {@code lint=all}; no {@code -Werror} when a warning is expected). A program gets {@code -ea}, must exit 0
 * within the bound, must write nothing to standard error (an uncaught exception in another thread does not
 * change the exit code), and must print exactly {@code prints}, if given.
 */
final class SampleCheck {

    /** What happened, for the report and the build log. */
    enum Outcome { COMPILED, RAN, REJECTED_AS_EXPECTED, SKIPPED }

    record Result(Outcome outcome, String detail, Duration runTime) {
    }

    private static final Pattern TOP_LEVEL_TYPE =
            Pattern.compile("^(?:public\\s+)?(?:final\\s+|abstract\\s+)?(?:class|record|enum|interface)\\s+(\\w+)");
    private static final Pattern PUBLIC_TYPE =
            Pattern.compile("^public\\s+(?:final\\s+|abstract\\s+)?(?:class|record|enum|interface)\\s+(\\w+)");

    private final Path libraryModule;
    private final Path workDir;
    private final Duration timeout;
    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();

    /**
     * @param libraryModule the library's jar or classes directory (with its {@code module-info.class})
     * @param workDir       where generated sources and classes go, one directory per sample
     * @param timeout       bound on one program's run
     */
    SampleCheck(Path libraryModule, Path workDir, Duration timeout) {
        this.libraryModule = libraryModule;
        this.workDir = workDir;
        this.timeout = timeout;
        if (javac == null) {
            throw new IllegalStateException("no system Java compiler: run the build on a JDK, not a JRE");
        }
    }

    /** Checks the sample; throws {@link AssertionError} if it fails. */
    Result check(Sample s) {
        int jdk = Runtime.version().feature();
        if (s.release() > jdk) {
            return new Result(Outcome.SKIPPED, "needs Java " + s.release() + ", this JDK is " + jdk, Duration.ZERO);
        }
        Path dir = workDir.resolve(id(s));
        Source src = source(s);
        Path srcFile = dir.resolve("src").resolve(src.fileName() + ".java");
        Path classes = dir.resolve("classes");
        try {
            Files.createDirectories(srcFile.getParent());
            Files.createDirectories(classes);
            Files.write(srcFile, src.text().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> options = new ArrayList<>(List.of("--release", Integer.toString(s.release()),
                s.lintAll() ? "-Xlint:all" : "-Xlint:all,-try", "-proc:none", "-implicit:none", "-encoding", "UTF-8",
                "--module-path", libraryModule.toString(), "--add-modules", "org.threading4j",
                // an explicit class path: javac in process would otherwise search this JVM's, library included
                "-classpath", classes.toString(), "-d", classes.toString()));
        if (s.expectWarning() == null) {
            options.add("-Werror");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean compiled;
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            compiled = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(srcFile))
                    .call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> messages = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            String text = describe(s, src, d);
            messages.add(text);
            if (d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING) {
                warnings.add(d.getMessage(Locale.ROOT));
            }
        }
        String javacSays = String.join("\n", messages);
        if (s.expectError() != null) {
            if (compiled) {
                throw new AssertionError(s.where() + ": expected not to compile (\"" + s.expectError()
                        + "\"), but it compiled" + (javacSays.isEmpty() ? "" : ":\n" + javacSays));
            }
            if (!javacSays.contains(s.expectError())) {
                throw new AssertionError(s.where() + ": did not compile, as expected, but javac did not say \""
                        + s.expectError() + "\":\n" + javacSays);
            }
            return new Result(Outcome.REJECTED_AS_EXPECTED, firstLine(javacSays), Duration.ZERO);
        }
        if (!compiled) {
            throw new AssertionError(s.where() + ": does not compile (" + String.join(" ", options.subList(0, 3))
                    + " -Werror):\n" + javacSays);
        }
        if (s.expectWarning() != null) {
            if (warnings.isEmpty() || !warnings.stream().allMatch(w -> w.contains(s.expectWarning()))) {
                throw new AssertionError(s.where() + ": expected javac -Xlint:all to warn \"" + s.expectWarning()
                        + "\" and nothing else, it said:\n" + (javacSays.isEmpty() ? "(nothing)" : javacSays));
            }
        }
        if (!s.runs()) {
            return new Result(Outcome.COMPILED, s.expectWarning() != null ? firstLine(javacSays) : "", Duration.ZERO);
        }
        return run(s, src, classes);
    }

    private Result run(Sample s, Source src, Path classes) {
        Path out = classes.getParent().resolve("stdout.txt");
        Path err = classes.getParent().resolve("stderr.txt");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(java.toString(), "-ea", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "--module-path", libraryModule.toString(), "--add-modules", "org.threading4j",
                "-cp", classes.toString(), src.mainClass());
        long start = System.nanoTime();
        Process p;
        try {
            p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean finished;
        try {
            finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError(s.where() + ": interrupted while running the sample", e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String dump = "";
        if (!finished) {
            dump = threadDump(p);
            p.destroyForcibly();
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String stdout = map(s, src, read(out));
        String stderr = map(s, src, read(err));
        String shown = "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        if (!finished) {
            throw new AssertionError(s.where() + ": the program did not finish within " + timeout.toSeconds()
                    + " s (a thread blocked for ever, or a non-daemon thread still running)" + shown
                    + "--- thread dump\n" + map(s, src, dump));
        }
        if (p.exitValue() != 0) {
            throw new AssertionError(s.where() + ": the program exited with " + p.exitValue() + shown);
        }
        if (!stderr.isEmpty()) {
            throw new AssertionError(s.where() + ": the program wrote to standard error" + shown);
        }
        if (s.prints() != null) {
            List<String> lines = stdout.lines().map(String::stripTrailing).collect(Collectors.toList());
            if (!lines.equals(s.prints())) {
                throw new AssertionError(s.where() + ": expected the program to print " + s.prints()
                        + ", it printed " + lines);
            }
        }
        return new Result(Outcome.RAN, String.format(Locale.ROOT, "%.2f s", took.toNanos() / 1e9), took);
    }

    /** The compilation unit javac sees; wrapped kinds keep the block's lines in order after one header line. */
    record Source(String fileName, String mainClass, String text, int headerLines) {
    }

    static Source source(Sample s) {
        String code = String.join("\n", s.code()) + "\n";
        if (s.kind() == Sample.Kind.PROGRAM) {
            String publicType = firstMatch(PUBLIC_TYPE, s.code());
            String firstType = firstMatch(TOP_LEVEL_TYPE, s.code());
            String name = publicType != null ? publicType : firstType;
            if (name == null) {
                throw new AssertionError(s.where() + ": a program must declare a top-level type at the start of "
                        + "a line (public class Name ...)");
            }
            if (!code.contains("static void main(")) {
                throw new AssertionError(s.where() + ": a program must have a main method (or use a kind that "
                        + "is compiled only: method, members)");
            }
            return new Source(name, name, code, 0);
        }
        String name = id(s);
        StringBuilder header = new StringBuilder();
        List<String> imports = new ArrayList<>(Sample.DEFAULT_IMPORTS);
        imports.addAll(s.imports());
        for (String i : imports) {
            header.append("import ").append(i.trim()).append("; ");
        }
        switch (s.kind()) {
            case MAIN:
                header.append("public class ").append(name)
                        .append(" { public static void main(String[] args) throws Exception {");
                return new Source(name, name, header + "\n" + code + "}}\n", 1);
            case METHOD:
                header.append("class ").append(name).append(" { void sample() throws Exception {");
                return new Source(name, name, header + "\n" + code + "}}\n", 1);
            default:
                header.append("class ").append(name).append(" {");
                return new Source(name, name, header + "\n" + code + "}\n", 1);
        }
    }

    /** {@code Sample_docs_lock_md_7}: a class name and a directory name per sample. */
    static String id(Sample s) {
        return "Sample_" + s.file().replaceAll("[^A-Za-z0-9]", "_") + "_" + s.fenceLine();
    }

    private static String describe(Sample s, Source src, Diagnostic<? extends JavaFileObject> d) {
        String kind = d.getKind().toString().toLowerCase(Locale.ROOT).replace('_', ' ');
        if (d.getSource() == null || d.getLineNumber() == Diagnostic.NOPOS) {
            return kind + ": " + d.getMessage(Locale.ROOT);
        }
        long blockLine = d.getLineNumber() - src.headerLines();
        String code = blockLine >= 1 && blockLine <= s.code().size() ? s.code().get((int) blockLine - 1).strip() : "";
        String where = blockLine >= 1 ? s.file() + ":" + s.markdownLine((int) blockLine)
                : s.where() + " (in the wrapper: imports or class)";
        return where + ": " + kind + ": " + d.getMessage(Locale.ROOT) + (code.isEmpty() ? "" : "\n    " + code);
    }

    /** Rewrites stack-trace positions {@code (Name.java:12)} into Markdown positions. */
    private static String map(Sample s, Source src, String output) {
        Matcher m = Pattern.compile("\\(" + Pattern.quote(src.fileName()) + "\\.java:(\\d+)\\)").matcher(output);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int blockLine = Integer.parseInt(m.group(1)) - src.headerLines();
            String to = blockLine >= 1 ? "(" + s.file() + ":" + s.markdownLine(blockLine) + ")" : m.group();
            m.appendReplacement(sb, Matcher.quoteReplacement(to));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String threadDump(Process p) {
        Path jstack = Path.of(System.getProperty("java.home"), "bin", "jstack");
        if (!Files.isExecutable(jstack)) {
            return "(no jstack in this JDK)\n";
        }
        try {
            Process dump = new ProcessBuilder(jstack.toString(), Long.toString(p.pid())).redirectErrorStream(true)
                    .start();
            String text = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            dump.waitFor(20, TimeUnit.SECONDS);
            return text;
        } catch (IOException e) {
            return "(jstack failed: " + e + ")\n";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)\n";
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstMatch(Pattern p, List<String> lines) {
        for (String line : lines) {
            Matcher m = p.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
