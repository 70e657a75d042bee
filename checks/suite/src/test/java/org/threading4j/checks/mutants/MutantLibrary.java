package org.threading4j.checks.mutants;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Builds mutants: applies a {@link Mutant}'s edit to the library sources and compiles them with the JDK's
 * compiler into {@code target/mutants/<id>-<hash>/classes}, for {@link Catch} to put in front of a forked
 * JVM's class path; it can also give a class loader in which the library, the specs and the checks are
 * loaded afresh, child-first, with the mutated library classes.
 *
 * <p>A mutant is compiled once: {@code <hash>} is a digest of every edited source and the compiler options,
 * so the directory is reused by every meta-test that runs the mutant, by later test JVMs (surefire's, another
 * module's run against the same sources, a rerun without {@code clean}) and by every check JVM forked on it,
 * while any change to the library or to the mutant gives a new directory (no stale classes). The classes are
 * compiled into a temporary directory and moved into place in one step, so a directory that exists is
 * complete even if two JVMs built it at once.
 */
public final class MutantLibrary {

    private static final Map<String, Path> BUILT = new ConcurrentHashMap<>();
    private static final List<String> JAVAC_OPTIONS = List.of("--release", "17", "-nowarn", "-g");

    private MutantLibrary() {
    }

    /** Where the library's sources are: {@code -Dthreading4j.primitivesSrc}, else found from the module. */
    static Path sources() {
        String p = System.getProperty("threading4j.primitivesSrc");
        if (p != null && !p.isEmpty()) {
            return Paths.get(p);
        }
        Path dir = Paths.get("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolve("primitives/src/main/java");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find primitives/src/main/java from " + dir);
    }

    /**
     * The directory of the mutant's classes, compiled now unless this JVM or an earlier one built the same
     * edit of the same sources already.
     */
    public static Path build(Mutant m) {
        return BUILT.computeIfAbsent(m.id(), id -> compile(m));
    }

    /**
     * A fresh class loader running the checks against the mutant in this JVM. Not for Lincheck checks (see
     * {@link Catch} for why {@link Catch} forks a JVM instead); kept for quick experiments with plain checks.
     */
    public static ClassLoader loader(Mutant m) {
        return new MutantClassLoader(build(m), MutantLibrary.class.getClassLoader());
    }

    /** The library's sources with the mutant applied: path relative to {@link #sources()} to text. */
    static Map<String, String> editedSources(Mutant m) {
        Path src = sources();
        Map<String, String> units = new TreeMap<>();
        try (Stream<Path> files = Files.walk(src)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).collect(Collectors.toList())) {
                if (f.getFileName().toString().equals("module-info.java")) {
                    continue; // compiled on the class path, like the checks
                }
                String rel = src.relativize(f).toString().replace('\\', '/');
                units.put(rel, Files.readString(f, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String original = units.get(m.file());
        if (original == null) {
            throw new IllegalStateException("mutant " + m.id() + ": no such file " + m.file());
        }
        units.put(m.file(), m.apply(original));
        return units;
    }

    /** Where the mutant's classes go: {@code target/mutants/<id>-<hash of its edited sources>}. */
    static Path directory(Mutant m, Map<String, String> editedSources) {
        return Paths.get("target", "mutants", m.id() + "-" + digest(editedSources)).toAbsolutePath();
    }

    private static Path compile(Mutant m) {
        Map<String, String> units = editedSources(m);
        Path dir = directory(m, units);
        Path out = dir.resolve("classes");
        if (Files.isDirectory(out)) {
            return out; // built by an earlier JVM
        }
        Path tmp;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempDirectory(dir, "classes-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<JavaFileObject> sources = new ArrayList<>();
        units.forEach((rel, text) -> sources.add(new Source(rel, text)));
        List<String> options = new ArrayList<>(List.of("-d", tmp.toString()));
        options.addAll(JAVAC_OPTIONS);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter log = new StringWriter();
        if (!javac.getTask(log, null, null, options, null, sources).call()) {
            throw new IllegalStateException("mutant " + m.id() + " does not compile:\n" + log);
        }
        try {
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException builtMeanwhile) {
            delete(tmp); // another JVM moved the same classes into place first
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The first 12 hex digits of a SHA-256 over the compiler options and every source's path and text. */
    private static String digest(Map<String, String> units) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(String.join(" ", JAVAC_OPTIONS).getBytes(StandardCharsets.UTF_8));
            units.forEach((rel, text) -> {
                sha.update((byte) 0);
                sha.update(rel.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(text.getBytes(StandardCharsets.UTF_8));
            });
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path tree) {
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String rel, String text) {
            super(URI.create("string:///" + rel), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    /**
     * The framework's own classes, shared with the parent: the mutant tests hand {@link Mutant} and
     * {@link Catch.Check} objects across. Everything else under {@code org.threading4j.} is loaded afresh,
     * including other classes of this package (so check classes may live here too).
     */
    private static final java.util.Set<String> SHARED = java.util.Set.of(Mutant.class.getName(),
            MutantCatalogue.class.getName(), FragmentMatcher.class.getName(), MutantLibrary.class.getName(),
            Catch.class.getName());

    /** Whether {@code name} (maybe a nested class) is one of the {@link #SHARED} framework classes. */
    static boolean shared(String name) {
        int nested = name.indexOf('$');
        return SHARED.contains(nested < 0 ? name : name.substring(0, nested));
    }

    /**
     * Child-first for every {@code org.threading4j.} class except the framework's own ({@link #SHARED}):
     * library classes come from the mutant's directory, specs and checks are re-defined from the parent's
     * bytes so that they link against the mutant. Everything else (JUnit, Lincheck, the JDK) is shared with
     * the parent.
     *
     * <p>Lincheck does not see classes defined here: it resolves the classes to instrument by name through
     * the application class loader, and caches instrumented bytecode by name (see {@link Catch}).
     */
    private static final class MutantClassLoader extends ClassLoader {
        private final Path mutantClasses;

        MutantClassLoader(Path mutantClasses, ClassLoader parent) {
            super("mutant", parent);
            this.mutantClasses = mutantClasses;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("org.threading4j.") || shared(name)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    byte[] bytes = bytesOf(name);
                    if (bytes == null) {
                        return super.loadClass(name, resolve);
                    }
                    c = defineClass(name, bytes, 0, bytes.length);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }

        private byte[] bytesOf(String name) throws ClassNotFoundException {
            String rel = name.replace('.', '/') + ".class";
            try {
                Path p = mutantClasses.resolve(rel);
                if (Files.exists(p)) {
                    return Files.readAllBytes(p);
                }
                try (InputStream in = getParent().getResourceAsStream(rel)) {
                    return in == null ? null : in.readAllBytes();
                }
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }
}
