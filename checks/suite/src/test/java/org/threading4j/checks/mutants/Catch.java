package org.threading4j.checks.mutants;

import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.SerializedLambda;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.threading4j.checks.support.Budget;
import org.threading4j.checks.support.Depth;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.StrayUnparks;

/**
 * Runs real checks against a {@link Mutant} and asserts that at least one of them reports it.
 *
 * <p>A check is a no-argument method of a check class (a test method that needs no JUnit set-up). Each check
 * runs in a JVM of its own, forked with the mutant's classes in front of the test class path so that they
 * shadow the real library; {@link CheckMain} runs the method on a fresh instance. The check "catches" the
 * mutant if it throws (an {@link AssertionError}, Lincheck's failure, a worker's exception...). Checks are
 * tried in order and the first catch ends the search.
 *
 * <p>Why a fork rather than a class loader in this JVM ({@link MutantLibrary#loader}): Lincheck 3.7 resolves
 * the classes it instruments by <em>name</em> through the application class loader ({@code ClassCache.forName})
 * and caches instrumented bytecode by class name for the life of the JVM. In a child-first loader the
 * mutant's classes share their names with the real ones, so Lincheck instrumented the real classes instead:
 * its model checker never saw the mutant's code (a control mutant with a non-atomic try-acquire survived
 * model checking there, and a plain false claim about thread order was not refuted), and a name-keyed cache
 * shared by mutant and real library could even hand one's bytecode to the other. A fork has one class per
 * name; it also lets a hung check be killed, instead of leaving stuck threads in the surefire JVM.
 */
public final class Catch {

    /**
     * A check: a no-argument method of a check class, named by a method reference
     * ({@code Check.of(LockStressTest::freeForAll)}) so that renaming the method breaks the compilation of the
     * meta-test rather than its run. The forked JVM gets the class and method names ({@link CheckMain}),
     * read here from the reference's serialized form.
     */
    public static final class Check {
        private final Class<?> type;
        private final String method;

        private Check(Class<?> type, String method) {
            this.type = type;
            this.method = method;
        }

        /**
         * A check method: {@code SomeTest::someCheck}, a public (or same-package) method of an accessible
         * class; an inherited one counts, the check then runs on {@code SomeTest}.
         *
         * @param <T> the check class
         */
        @FunctionalInterface
        public interface Method<T> extends Serializable {
            /** Runs the check on {@code check}. */
            void run(T check) throws Throwable;
        }

        /** The check {@code ref} refers to. */
        public static <T> Check of(Method<T> ref) {
            SerializedLambda lambda;
            try {
                java.lang.reflect.Method writeReplace = ref.getClass().getDeclaredMethod("writeReplace");
                writeReplace.setAccessible(true);
                lambda = (SerializedLambda) writeReplace.invoke(ref);
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("not a method reference: " + ref, e);
            }
            // javac turns a reference it cannot link directly (the method's class is not accessible here) into
            // a synthetic lambda, whose name says nothing about the check
            if (lambda.getImplMethodName().startsWith("lambda$") || !lambda.getImplMethodSignature().equals("()V")
                    || lambda.getImplMethodKind() == MethodHandleInfo.REF_invokeStatic) {
                throw new IllegalArgumentException("a check must be a reference to a no-argument instance method"
                        + " declared in an accessible class (SomeTest::someCheck), not " + lambda.getImplClass()
                        + "." + lambda.getImplMethodName() + lambda.getImplMethodSignature());
            }
            // the receiver's type as the reference names it (SomeTest, even for a method SomeTest inherits)
            String descriptor = lambda.getInstantiatedMethodType();
            String name = descriptor.substring(descriptor.indexOf("(L") + 2, descriptor.indexOf(';')).replace('/', '.');
            try {
                return new Check(Class.forName(name, false, ref.getClass().getClassLoader()),
                        lambda.getImplMethodName());
            } catch (ClassNotFoundException e) {
                throw new IllegalArgumentException("cannot load the check class " + name, e);
            }
        }

        /** The check class (a fresh instance of it runs the check). */
        public Class<?> type() {
            return type;
        }

        /** The name of the check method (declared in {@link #type()} or inherited). */
        public String method() {
            return method;
        }

        @Override
        public String toString() {
            return type.getSimpleName() + "." + method;
        }
    }

    private Catch() {
    }

    /**
     * Asserts that one of {@code checks} fails against {@code mutant}; records which one for the report, and
     * returns the verdict line (the check, its failure's first line, and how long it took).
     *
     * @param limit how long a single check may run before it counts as hung (checks bound their own hangs
     *              with watchdogs; this is the last resort, and a hung check's JVM is killed)
     */
    public static String assertCaught(Mutant mutant, Duration limit, Check... checks) {
        return assertCaught(mutant, limit, List.of(), checks);
    }

    /** As {@link #assertCaught(Mutant, Duration, Check...)}, with extra options for the forked JVMs. */
    public static String assertCaught(Mutant mutant, Duration limit, List<String> jvmOptions, Check... checks) {
        List<String> survived = new ArrayList<>();
        for (Check check : checks) {
            long start = System.nanoTime();
            String verdict = run(mutant, check, limit, jvmOptions);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (verdict != null) {
                String line = String.format("caught by %s in %.1f s: %s", check, seconds, verdict);
                Evidence.explored(1, "mutant " + mutant.id() + " " + line);
                System.out.println("[mutant] " + mutant.id() + " " + line);
                return line;
            }
            survived.add(check + String.format(" (passed in %.1f s)", seconds));
        }
        throw new AssertionError("mutant " + mutant + " survived every check: " + survived);
    }

    /**
     * Runs one check on the mutant in a forked JVM; returns its verdict (the first line of what it threw),
     * or null if it passed. Fails if the check could not be run at all. The JVM gets the current depth, the budget and,
     * where this JVM has them, the {@link RaceSeam} switch and the {@link StrayUnparks} rate, but not
     * that injector's switch: a stray unpark rescues a waiter that nobody unparked, which would hide the
     * lost-wake-up mutants; a meta-test that wants it passes it in {@code jvmOptions}. Those come last and so
     * override the rest. Its output is kept in
     * {@code target/mutants/<id>/<check>.log}.
     */
    public static String run(Mutant mutant, Check check, Duration limit) {
        return run(mutant, check, limit, List.of());
    }

    /** As {@link #run(Mutant, Check, Duration)}, with extra options for the forked JVM. */
    public static String run(Mutant mutant, Check check, Duration limit, List<String> jvmOptions) {
        Path classes = MutantLibrary.build(mutant);
        Path log = classes.resolveSibling(mutant.id() + "-" + check.type().getSimpleName() + "." + check.method()
                + ".log");
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:+EnableDynamicAgentLoading"); // Lincheck's agent (as the suite's argLine)
        if (Runtime.version().feature() >= 24) {
            cmd.add("--sun-misc-unsafe-memory-access=allow");
        }
        cmd.add("-Dthreading4j.depth=" + Depth.current().name().toLowerCase());
        String budget = System.getProperty(Budget.PROPERTY, "");
        if (!budget.isBlank()) {
            cmd.add("-D" + Budget.PROPERTY + "=" + budget); // the fork scales its bounds by the same factor
        }
        // Not the stray-unpark switch itself: a stray unpark rescues a waiter that nobody unparked, so the
        // lost-wake-up mutants would survive under it. Meta-tests that want it pass it in jvmOptions.
        for (String passed : new String[] {RaceSeam.PROPERTY, StrayUnparks.RATE_PROPERTY}) {
            String value = System.getProperty(passed);
            if (value != null) {
                cmd.add("-D" + passed + "=" + value);
            }
        }
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classes + File.pathSeparator + System.getProperty("java.class.path"));
        cmd.add(CheckMain.class.getName());
        cmd.add(check.type().getName());
        cmd.add(check.method());
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fork a JVM for " + check + " on " + mutant.id(), e);
        }
        try {
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor();
                return "check hung for " + limit + " (no verdict; killed)";
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        String verdict = line(log, "VERDICT: ");
        String strays = line(log, CheckMain.STRAY_UNPARKS);
        int status = p.exitValue();
        if (status == 0 && "PASS".equals(verdict)) {
            return null;
        }
        if (status == CheckMain.CAUGHT && verdict != null && !verdict.startsWith("BROKEN")) {
            return (strays == null ? "" : "(" + strays + " stray unparks) ") + shorten(verdict);
        }
        throw new AssertionError("mutant machinery failed for " + check + " on " + mutant.id() + " (exit " + status
                + ", verdict " + verdict + "); see " + log);
    }

    /** The rest of the first line of {@code log} that starts with {@code prefix}, or null. */
    private static String line(Path log, String prefix) {
        try {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (line.startsWith(prefix)) {
                    return line.substring(prefix.length());
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String shorten(String msg) {
        return msg.length() > 200 ? msg.substring(0, 200) + "..." : msg;
    }
}
