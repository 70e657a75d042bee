package org.threading4j.checks.mutants;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.threading4j.checks.support.Evidence;

/**
 * Runs real checks against a {@link Mutant} and asserts that at least one of them reports it.
 *
 * <p>A check is a no-argument method of a check class (a test method that needs no JUnit set-up); it is run
 * in the mutant's class loader on a fresh instance. It "catches" the mutant if it throws an
 * {@link AssertionError} (or a subclass, such as Lincheck's), or another exception that is not a symptom of
 * the loading machinery itself. Checks are tried in order and the first catch ends the search.
 */
public final class Catch {

    /** A check: a no-argument method of a check class. */
    public record Check(Class<?> type, String method) {
        public static Check of(Class<?> type, String method) {
            return new Check(type, method);
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
     * returns the verdict line.
     *
     * @param limit how long a single check may run before it counts as hung (checks bound their own hangs
     *              with watchdogs; this is the last resort)
     */
    public static String assertCaught(Mutant mutant, Duration limit, Check... checks) {
        List<String> survived = new ArrayList<>();
        for (Check check : checks) {
            Throwable verdict = run(mutant, check, limit);
            if (verdict != null) {
                String line = "caught by " + check + ": " + firstLine(verdict);
                Evidence.explored(1, "mutant " + mutant.id() + " " + line);
                return line;
            }
            survived.add(check.toString());
        }
        throw new AssertionError("mutant " + mutant + " survived every check: " + survived);
    }

    /** Runs one check on the mutant; returns what it threw (its verdict), or null if it passed. */
    public static Throwable run(Mutant mutant, Check check, Duration limit) {
        ClassLoader loader = MutantLibrary.loader(mutant);
        Throwable[] outcome = new Throwable[1];
        boolean[] done = new boolean[1];
        Thread runner = new Thread(() -> {
            Thread.currentThread().setContextClassLoader(loader);
            try {
                Class<?> type = Class.forName(check.type().getName(), true, loader);
                Constructor<?> ctor = type.getDeclaredConstructor();
                ctor.setAccessible(true);
                Object instance = ctor.newInstance();
                Method m = findMethod(type, check.method());
                m.setAccessible(true);
                m.invoke(instance);
            } catch (InvocationTargetException e) {
                outcome[0] = e.getCause();
            } catch (ReflectiveOperationException e) {
                outcome[0] = new IllegalStateException("cannot run check " + check + " on mutant", e);
            } catch (Throwable e) {
                outcome[0] = e;
            }
            done[0] = true;
        }, "mutant-" + mutant.id());
        runner.setDaemon(true);
        runner.start();
        try {
            runner.join(limit.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        if (runner.isAlive()) {
            runner.interrupt();
            return new AssertionError("check hung for " + limit + " (no verdict)");
        }
        Throwable t = outcome[0];
        if (t instanceof LinkageError || t instanceof ClassCastException || t instanceof IllegalStateException
                && String.valueOf(t.getMessage()).startsWith("cannot run check")) {
            throw new AssertionError("mutant machinery failed for " + check + " on " + mutant.id(), t);
        }
        return t;
    }

    /** The no-argument method {@code name} of {@code type} or of a superclass (contract suites inherit their checks). */
    private static Method findMethod(Class<?> type, String name) throws NoSuchMethodException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredMethod(name);
            } catch (NoSuchMethodException e) {
                // look in the superclass
            }
        }
        throw new NoSuchMethodException(type.getName() + "." + name + "()");
    }

    private static String firstLine(Throwable t) {
        String msg = String.valueOf(t.getMessage()).strip();
        int nl = msg.indexOf('\n');
        if (nl >= 0) {
            msg = msg.substring(0, nl);
        }
        if (msg.length() > 160) {
            msg = msg.substring(0, 160) + "...";
        }
        return t.getClass().getSimpleName() + (msg.isEmpty() || msg.equals("null") ? "" : " " + msg);
    }
}
