package org.threading4j.checks.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.threading4j.Timer;
import org.threading4j.checks.subjects.TimerSubjects;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Threads;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;
import org.threading4j.specs.TimerSpec;

/** The Timer contract against the real timer, plus what only a real thread can show. */
public class TimerPrimitiveContractTest extends TimerContract {

    @Override
    TimerSubjects.Subject create(Duration interval) {
        return TimerSubjects.real(interval);
    }

    /** A factory that remembers the one thread it made. */
    static final class Recording implements ThreadFactory {
        final AtomicReference<Thread> made = new AtomicReference<>();
        final AtomicReference<Throwable> uncaught = new AtomicReference<>();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "timer-under-test");
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> uncaught.set(e));
            assertTrue(made.compareAndSet(null, t), "start() must ask the factory once");
            return t;
        }
    }

    @Test
    @Verifies(primitive = "Timer", property = "null arguments throw NullPointerException", tool = Tool.CONTRACT)
    void nullArguments() {
        assertThrows(NullPointerException.class, () -> new Timer(Duration.ZERO, null));
        assertThrows(NullPointerException.class, () -> new Timer(null, () -> { }));
        assertThrows(NullPointerException.class, () -> new Timer(Duration.ZERO, () -> { }, null));
        Evidence.explored(3, "calls");
    }

    @Test
    @Verifies(primitive = "Timer", property = "the action runs on the factory's thread, after at least the interval", tool = Tool.CONTRACT)
    void runsOnFactoryThreadAfterInterval() throws InterruptedException {
        Recording factory = new Recording();
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        AtomicReference<Long> ranAt = new AtomicReference<>();
        Duration interval = Duration.ofMillis(30);
        Timer t = new Timer(interval, () -> {
            ranAt.set(System.nanoTime());
            ranOn.set(Thread.currentThread());
        }, factory);
        long started = System.nanoTime();
        t.start();
        assertTrue(t.join(Threads.GENEROUS));
        assertSame(factory.made.get(), ranOn.get());
        assertTrue(ranAt.get() - started >= interval.toNanos(), "fired before its interval");
        Evidence.explored(1, "timer");
    }

    @Test
    @Verifies(primitive = "Timer", property = "a throwing action goes to the uncaught-exception handler; join still returns", tool = Tool.CONTRACT)
    void throwingAction() throws InterruptedException {
        Recording factory = new Recording();
        RuntimeException boom = new RuntimeException("boom");
        Timer t = new Timer(Duration.ZERO, () -> {
            throw boom;
        }, factory);
        t.start();
        assertTrue(t.join(Threads.GENEROUS), "a throwing action must not leave the timer unfinished (Python does)");
        assertSame(boom, factory.uncaught.get(), "the handler has run by the time join returns");
        assertFalse(t.isAlive());
        assertFalse(t.cancel());
        assertFalse(t.isCancelled());
        Evidence.explored(1, "timer");
    }

    @Test
    @Verifies(primitive = "Timer", property = "cancel wakes a parked pending timer, which then ends", tool = Tool.CONTRACT)
    void cancelWakesParkedTimer() throws InterruptedException {
        Recording factory = new Recording();
        AtomicInteger runs = new AtomicInteger();
        Timer t = new Timer(FOREVER, runs::incrementAndGet, factory);
        t.start();
        Threads.awaitParked(factory.made.get(), t);
        assertTrue(t.cancel());
        assertTrue(t.join(Threads.GENEROUS));
        assertEquals(0, runs.get());
        Threads.awaitCondition("timer thread terminated", () -> !factory.made.get().isAlive());
        Evidence.explored(1, "timer");
    }

    @Test
    @Verifies(primitive = "Timer", property = "alive while the action runs; join returns only after it", tool = Tool.CONTRACT)
    public void aliveWhileActionRuns() throws InterruptedException {
        Recording factory = new Recording();
        java.util.concurrent.atomic.AtomicBoolean entered = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean gate = new java.util.concurrent.atomic.AtomicBoolean();
        Timer t = new Timer(Duration.ZERO, () -> {
            entered.set(true);
            while (!gate.get()) {
                java.util.concurrent.locks.LockSupport.park(gate);
            }
        }, factory);
        t.start();
        Threads.awaitParked(factory.made.get(), gate);
        assertTrue(entered.get());
        assertTrue(t.isAlive(), "the action is running: the timer is alive");
        assertFalse(t.join(Duration.ZERO), "join must not return while the action runs");
        assertFalse(t.join(Duration.ofMillis(5)), "join must not return while the action runs");
        assertFalse(t.cancel(), "cancel during the action answers false");
        gate.set(true);
        java.util.concurrent.locks.LockSupport.unpark(factory.made.get());
        assertTrue(t.join(Threads.GENEROUS));
        assertFalse(t.isAlive());
        Evidence.explored(1, "timer");
    }

    @Test
    @Verifies(primitive = "Timer", property = "an interrupt does not cancel the timer; the action sees it", tool = Tool.CONTRACT)
    void interruptDoesNotCancel() throws InterruptedException {
        // The factory's thread interrupts itself before the timer's body runs, so the wait starts with the
        // interrupt pending whatever the scheduling: no race between an outside interrupt and the deadline.
        Recording inner = new Recording();
        ThreadFactory selfInterrupting = r -> inner.newThread(() -> {
            Thread.currentThread().interrupt();
            r.run();
        });
        AtomicReference<Boolean> sawInterrupt = new AtomicReference<>();
        AtomicReference<Long> ranAt = new AtomicReference<>();
        Duration interval = Duration.ofMillis(50);
        Timer t = new Timer(interval, () -> {
            ranAt.set(System.nanoTime());
            sawInterrupt.set(Thread.currentThread().isInterrupted());
        }, selfInterrupting);
        long started = System.nanoTime();
        t.start();
        assertTrue(t.join(Threads.GENEROUS));
        assertEquals(Boolean.TRUE, sawInterrupt.get(), "the action must run, with the interrupt kept");
        assertTrue(ranAt.get() - started >= interval.toNanos(), "the interrupt must not end the wait early");
        assertFalse(t.isCancelled());
        assertEquals(null, inner.uncaught.get());
        Evidence.explored(1, "timer");
    }

    @Test
    @Verifies(primitive = "Timer", property = "join from the timer's own thread throws instead of deadlocking", tool = Tool.CONTRACT)
    void joinSelf() throws InterruptedException {
        AtomicReference<Throwable> seen = new AtomicReference<>();
        Timer[] self = new Timer[1];
        self[0] = new Timer(Duration.ZERO, () -> {
            try {
                self[0].join();
            } catch (Throwable e) {
                seen.set(e);
            }
        });
        self[0].start();
        assertTrue(self[0].join(Threads.GENEROUS));
        assertTrue(seen.get() instanceof IllegalStateException, String.valueOf(seen.get()));
        assertEquals("cannot join current thread", seen.get().getMessage());
        Evidence.explored(1, "timer");
    }

    @Test
    @Verifies(primitive = "Timer", property = "join(Duration) checks its argument first; interrupted join throws and changes nothing", tool = Tool.CONTRACT)
    void joinArgumentsAndInterrupts() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        Timer t = new Timer(FOREVER, runs::incrementAndGet);
        assertThrows(NullPointerException.class, () -> t.join(null));
        IllegalArgumentException neg = assertThrows(IllegalArgumentException.class, () -> t.join(Duration.ofMillis(-1)));
        assertEquals(TimerSpec.NEGATIVE, neg.getMessage());
        assertEquals(TimerSpec.JOIN_BEFORE_START,
                assertThrows(IllegalStateException.class, () -> t.join(Duration.ZERO)).getMessage());
        t.start();
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> t.join(Duration.ofSeconds(5)));
        assertFalse(Thread.interrupted(), "InterruptedException clears the status");
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, t::join);
        assertTrue(t.isAlive());
        assertTrue(t.cancel());
        assertTrue(t.join(Threads.GENEROUS));
        assertEquals(0, runs.get());
        Evidence.explored(6, "calls");
    }

    @Test
    @Verifies(primitive = "Timer", property = "a factory returning null: start throws, timer finished, action never runs", tool = Tool.CONTRACT)
    void factoryReturnsNull() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        Timer t = new Timer(Duration.ZERO, runs::incrementAndGet, r -> null);
        assertThrows(NullPointerException.class, t::start);
        assertTrue(t.join(Duration.ZERO));
        assertFalse(t.isAlive());
        assertEquals(TimerSpec.STARTED_TWICE, assertThrows(IllegalStateException.class, t::start).getMessage());
        assertEquals(0, runs.get());
        assertNotNull(t.toString());
        Evidence.explored(1, "timer");
    }
}
