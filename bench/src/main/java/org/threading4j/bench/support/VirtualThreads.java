package org.threading4j.bench.support;

import java.lang.reflect.Method;
import java.util.concurrent.ThreadFactory;

/**
 * Virtual threads without compiling against JDK 21: the bench module is built for release 17, so
 * {@code Thread.ofVirtual().factory()} is looked up at run time. Benchmarks that need it have "Virtual" in
 * their name, and the JDK 17 smoke run excludes them ({@code -e Virtual}).
 */
public final class VirtualThreads {

    private static final ThreadFactory FACTORY = lookUp();

    private VirtualThreads() {
    }

    private static ThreadFactory lookUp() {
        try {
            Method ofVirtual = Thread.class.getMethod("ofVirtual");
            Object builder = ofVirtual.invoke(null);
            Method factory = Class.forName("java.lang.Thread$Builder").getMethod("factory");
            return (ThreadFactory) factory.invoke(builder);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Whether this JVM has virtual threads (JDK 21+). */
    public static boolean available() {
        return FACTORY != null;
    }

    /** A factory of virtual threads; throws {@link UnsupportedOperationException} before JDK 21. */
    public static ThreadFactory factory() {
        if (FACTORY == null) {
            throw new UnsupportedOperationException(
                    "virtual threads need JDK 21+; this is " + System.getProperty("java.version"));
        }
        return FACTORY;
    }
}
