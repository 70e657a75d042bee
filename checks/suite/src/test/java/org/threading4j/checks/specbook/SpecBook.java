package org.threading4j.checks.specbook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes {@code docs/specs.md}, the spec book, from the sources of {@code specs/}: per primitive, each public
 * method's signature and the first sentence of its Javadoc beside the CPython 3.13 equivalent, and the
 * differences from Python that the spec's class Javadoc lists. The Python side of a row is found in the
 * method's Javadoc (its first {@code {@code name(...)}} or {@code {@code x.name(...)}} whose name CPython's
 * class has); the Python signature lines are {@link #PYTHON}'s. {@link SpecBookTest} fails when the committed
 * book differs from what this produces.
 */
public final class SpecBook {

    /** How to regenerate the book; also printed in it. */
    public static final String REGENERATE = "nice -n 19 mvn -B -o -pl checks/suite -am test -Dtest=SpecBookTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dthreading4j.writeSpecBook=true";

    private static final String CPYTHON = "https://github.com/python/cpython/blob/3.13/Lib/threading.py";

    /** Spec file, CPython class, and that class's Python signature lines by name. */
    record Primitive(String spec, String python, Map<String, String> signatures) {
    }

    static final List<Primitive> PYTHON = List.of(
            new Primitive("LockSpec", "Lock", sigs("acquire", "acquire(blocking=True, timeout=-1)",
                    "release", "release()", "locked", "locked()")),
            new Primitive("RLockSpec", "RLock", sigs("acquire", "acquire(blocking=True, timeout=-1)",
                    "release", "release()", "locked", "locked()", "_is_owned", "_is_owned()",
                    "_recursion_count", "_recursion_count()", "_release_save", "_release_save()",
                    "_acquire_restore", "_acquire_restore(state)")),
            new Primitive("ConditionSpec", "Condition", sigs("Condition", "Condition(lock=None)",
                    "wait", "wait(timeout=None)", "wait_for", "wait_for(predicate, timeout=None)",
                    "notify", "notify(n=1)", "notify_all", "notify_all()", "_waiters", "_waiters")),
            new Primitive("SemaphoreSpec", "Semaphore", sigs("Semaphore", "Semaphore(value=1)",
                    "acquire", "acquire(blocking=True, timeout=None)", "release", "release(n=1)", "_value", "_value")),
            new Primitive("BoundedSemaphoreSpec", "BoundedSemaphore", sigs("BoundedSemaphore",
                    "BoundedSemaphore(value=1)", "release", "release(n=1)")),
            new Primitive("EventSpec", "Event", sigs("is_set", "is_set()", "set", "set()", "clear", "clear()",
                    "wait", "wait(timeout=None)")),
            new Primitive("BarrierSpec", "Barrier", sigs("Barrier", "Barrier(parties, action=None, timeout=None)",
                    "wait", "wait(timeout=None)", "reset", "reset()", "abort", "abort()", "parties", "parties",
                    "n_waiting", "n_waiting", "broken", "broken")),
            new Primitive("TimerSpec", "Timer", sigs("Timer", "Timer(interval, function, args=None, kwargs=None)",
                    "start", "start()", "cancel", "cancel()", "join", "join(timeout=None)",
                    "is_alive", "is_alive()")));

    private SpecBook() {
    }

    private static Map<String, String> sigs(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** The repository root: the nearest directory above the working directory that has {@code specs/}. */
    static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(p.resolve("specs/src/main/java"))) {
            p = p.getParent();
        }
        return p;
    }

    /** The book for the spec sources under {@code root}. */
    static String generate(Path root) throws IOException {
        Path dir = root.resolve("specs/src/main/java/org/threading4j/specs");
        StringBuilder out = new StringBuilder();
        out.append("# The spec book\n\n")
                .append("<!-- Generated from specs/src/main/java/org/threading4j/specs by checks/suite's SpecBook;"
                        + " do not edit. Regenerate: ").append(REGENERATE).append(" -->\n\n")
                .append("Every primitive has a sequential reference model in `specs/` (package\n")
                .append("`org.threading4j.specs`), which the checks run side by side with the primitive (see\n")
                .append("[verification](verification.md)). This book lists, per model, each public method with the\n")
                .append("first sentence of its documentation and the method of Python's class it models, with a\n")
                .append("link to [CPython 3.13's `Lib/threading.py`](").append(CPYTHON).append("), and the\n")
                .append("model's differences from Python.\n\n").append(blocking(classDoc(
                        Files.readString(dir.resolve("package-info.java"))))).append("\n");
        for (Primitive p : PYTHON) {
            String src = Files.readString(dir.resolve(p.spec() + ".java"));
            String doc = classDoc(src);
            out.append("\n## ").append(p.python()).append(": `").append(p.spec()).append("`\n\n")
                    .append(firstSentence(text(doc))).append(" Python: [`threading.").append(p.python())
                    .append("`](").append(CPYTHON).append(").\n\n")
                    .append("| Java (spec) | what it does | Python |\n|---|---|---|\n");
            for (String[] m : methods(src, p)) {
                out.append("| `").append(m[0]).append("` | ").append(m[1].replace("|", "\\|")).append(" | ")
                        .append(m[2].isEmpty() ? "none" : "`" + m[2] + "`").append(" |\n");
            }
            List<String> diffs = differences(doc);
            if (!diffs.isEmpty()) {
                out.append("\nDifferences from Python:\n\n");
                for (String d : diffs) {
                    out.append("- ").append(d).append("\n");
                }
            }
        }
        return out.toString();
    }

    private static final Pattern DOC = Pattern.compile("/\\*\\*(.*?)\\*/", Pattern.DOTALL);

    private static String classDoc(String src) {
        int decl = src.indexOf("\npublic ");
        decl = decl < 0 ? src.indexOf("\npackage ") : decl;
        Matcher m = DOC.matcher(src);
        String doc = "";
        while (m.find() && m.end() <= decl) {
            doc = m.group(1);
        }
        return doc;
    }

    /** Public constructors and methods directly in the class (4-space indent): signature, sentence, Python. */
    private static List<String[]> methods(String src, Primitive p) {
        List<String[]> rows = new ArrayList<>();
        Pattern decl = Pattern.compile("/\\*\\*((?:(?!\\*/).)*)\\*/\\s*\\n    public ([^;{=]*?\\))[^;{=]*\\{",
                Pattern.DOTALL);
        Matcher m = decl.matcher(src);
        while (m.find()) {
            String sig = m.group(2).replaceAll("\\s+", " ").replace("static ", "");
            String doc = m.group(1);
            rows.add(new String[] {sig, firstSentence(text(doc)), python(doc, p)});
        }
        return rows;
    }

    private static final Pattern CODE = Pattern.compile("\\{@code ([^{}]*(?:\\{[^{}]*\\}[^{}]*)*)\\}");

    /** The Python signature of the first {@code {@code ...}} naming a method of the Python class. */
    private static String python(String doc, Primitive p) {
        Matcher m = CODE.matcher(doc);
        while (m.find()) {
            Matcher name = Pattern.compile("^(?:[a-z]+\\.)?([A-Za-z_]+)\\b").matcher(m.group(1));
            if (name.find() && p.signatures().containsKey(name.group(1))) {
                return p.signatures().get(name.group(1));
            }
        }
        return "";
    }

    /** The package's paragraph on how a spec models blocking. */
    private static String blocking(String doc) {
        int at = doc.indexOf("<b>How a spec models blocking");
        int end = doc.indexOf("<p>", at);
        return text(doc.substring(at, end < 0 ? doc.length() : end)).replaceFirst("^How a spec models blocking\\.",
                "**How a spec models blocking.**");
    }

    private static List<String> differences(String doc) {
        List<String> out = new ArrayList<>();
        int at = doc.indexOf("Differences from Python");
        if (at < 0) {
            return out;
        }
        String list = doc.substring(at, doc.indexOf("</ul>", at));
        for (String item : list.split("<li>")) {
            if (item.contains("</li>")) {
                out.add(text(item.substring(0, item.indexOf("</li>"))));
            }
        }
        return out;
    }

    /** Javadoc text as Markdown: leading stars, tags and {@literal @} clauses gone, code in backticks. */
    static String text(String doc) {
        String s = doc.replaceAll("(?m)^\\s*\\*", " ").replaceAll("(?s)\\s@(param|return|throws)\\b.*", "");
        s = CODE.matcher(s).replaceAll(r -> Matcher.quoteReplacement("`" + r.group(1) + "`"));
        s = s.replaceAll("\\{@link(?:plain)? #?([^ }]+)(?: ([^}]+))?\\}", "`$1`");
        s = s.replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return s.replaceAll("\\s+", " ").trim();
    }

    /** Up to the first full stop followed by a space or the end. */
    static String firstSentence(String text) {
        Matcher m = Pattern.compile("^(.*?[.!?])(\\s|$)").matcher(text);
        return m.find() ? m.group(1) : text;
    }

    /** Writes the book: {@code java ... SpecBook} or the test with {@code -Dthreading4j.writeSpecBook=true}. */
    public static void main(String[] args) throws IOException {
        Path root = root();
        Files.writeString(root.resolve("docs/specs.md"), generate(root));
    }
}
