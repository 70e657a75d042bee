package org.threading4j.checks.vthreads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingStream;
import org.threading4j.checks.support.Threads;

/**
 * The virtual-thread tests' pinning check: a workload runs under a JFR stream of
 * {@code jdk.VirtualThreadPinned} events (threshold 0, with stack traces), and any event from a thread
 * other than the positive control fails the test.
 *
 * <p><b>Warm-up.</b> Before recording, the same workload runs once on a few virtual threads. When
 * thousands of virtual threads reach a class's first use at once, they contend for the class loader's
 * monitor, and on JDK 25 that can pin ("Freeze or preempt failed", stack in
 * {@code BuiltinClassLoader.loadClassOrNull}): seen once in CI, from a test's own method reference. That is
 * the JDK's class loading, not the primitive, and it happens once per class; the warm-up loads every class
 * the workload uses, so the recorded run shows what the primitive does in steady use. Nothing is filtered:
 * every event recorded counts.
 *
 * <p><b>Positive control.</b> After the workload a virtual thread named {@value #CONTROL} parks inside a
 * class initializer, which pins on every JDK since 21; the check waits for that event. JFR delivers events
 * in commit order, so once the control's event has arrived, every worker event would have too: a missing
 * control event means the detector is dead and fails the test, instead of passing it vacuously.
 */
final class PinDetector {

    static final Duration LIMIT = Duration.ofMinutes(2);
    static final String CONTROL = "pin-control";

    private PinDetector() {
    }

    /**
     * Runs {@code warmUp}, then {@code workload} under JFR, then {@code control} on a virtual thread named
     * {@value #CONTROL}; fails if any other thread pinned or if the control's event never arrives.
     *
     * @param control must pin (park in a class initializer that has not run yet: one class per test)
     * @return the number of worker pins (0 when it returns)
     */
    static long assertNoPinning(Runnable warmUp, Runnable workload, Runnable control) {
        warmUp.run();
        ConcurrentLinkedQueue<String> pinned = new ConcurrentLinkedQueue<>();
        AtomicInteger controlEvents = new AtomicInteger();
        try (RecordingStream rs = new RecordingStream()) {
            rs.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
            rs.onEvent("jdk.VirtualThreadPinned", e -> {
                RecordedThread t = e.getThread("eventThread");
                String name = t == null ? "?" : t.getJavaName();
                if (CONTROL.equals(name)) {
                    controlEvents.incrementAndGet();
                } else {
                    pinned.add(name + ": " + e);
                }
            });
            rs.startAsync();
            workload.run();
            Thread c = Thread.ofVirtual().name(CONTROL).start(control);
            try {
                assertTrue(c.join(LIMIT), "control thread finished");
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            Threads.awaitCondition("the positive control's pinned event arrives (the detector works)",
                    () -> controlEvents.get() > 0);
        }
        assertEquals(List.of(), List.copyOf(pinned), "pinned events of worker threads");
        return pinned.size();
    }
}
