package org.threading4j.checks.mutants;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.threading4j.checks.support.StrayUnparks;

/**
 * The entry point of a forked check JVM (see {@link Catch}): runs one no-argument check method on a fresh
 * instance and exits 0 if it returns, or prints {@code VERDICT: <exception> <message>} and the stack trace and
 * exits 1 if it throws. {@code System.exit} also ends any threads the check left stuck. With
 * {@code -Dthreading4j.strayUnparks=true}, a stress, property or virtual-thread check runs under
 * {@link StrayUnparks}, as in the surefire JVM, and the count is printed.
 */
public final class CheckMain {

    /** Exit status when the check threw: the mutant was caught. */
    static final int CAUGHT = 1;
    /** Exit status when the check could not be run at all: the machinery failed. */
    static final int BROKEN = 3;
    /** Prefix of the output line with the number of stray unparks made during the check, if any. */
    static final String STRAY_UNPARKS = "STRAY-UNPARKS: ";

    private CheckMain() {
    }

    /** The no-argument method {@code name} of {@code type} or of a superclass (contract suites inherit theirs). */
    static Method method(Class<?> type, String name) throws NoSuchMethodException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredMethod(name);
            } catch (NoSuchMethodException e) {
                // look further up
            }
        }
        throw new NoSuchMethodException(type.getName() + "." + name + "()");
    }

    public static void main(String[] args) {
        int status;
        try {
            Class<?> type = Class.forName(args[0]);
            Constructor<?> ctor = type.getDeclaredConstructor();
            ctor.setAccessible(true);
            Method m = method(type, args[1]);
            m.setAccessible(true);
            Object check = ctor.newInstance();
            if (StrayUnparks.enabled() && StrayUnparks.appliesTo(type)) {
                StrayUnparks strays = StrayUnparks.start();
                try {
                    m.invoke(check);
                } finally {
                    strays.close(); // the count is final once the injector has stopped
                    System.out.println(STRAY_UNPARKS + strays.count());
                    System.out.println("[stray-unparks] " + strays.summary());
                }
            } else {
                m.invoke(check);
            }
            System.out.println("VERDICT: PASS");
            status = 0;
        } catch (InvocationTargetException e) {
            Throwable t = e.getCause();
            System.out.println("VERDICT: " + t.getClass().getName() + " " + String.valueOf(t.getMessage()).strip());
            t.printStackTrace(System.out);
            status = CAUGHT;
        } catch (Throwable e) {
            System.out.println("VERDICT: BROKEN cannot run check " + args[0] + "." + args[1] + ": " + e);
            e.printStackTrace(System.out);
            status = BROKEN;
        }
        System.out.flush();
        Runtime.getRuntime().halt(status); // do not wait for stuck non-daemon threads or shutdown hooks
    }
}
