package org.threading4j.checks.subjects;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.threading4j.Timer;
import org.threading4j.checks.support.Threads;
import org.threading4j.specs.TimerSpec;

/**
 * The two subjects of the Timer contract, also driven by the property test: the model and the real timer,
 * behind one interface whose answers are deterministic for intervals of zero and "for ever".
 */
public final class TimerSubjects {

    private TimerSubjects() {
    }

    /** A timer under test, model or real. */
    public interface Subject {
        /** start(); for a zero interval, or a timer cancelled before, returns once the timer has finished. */
        void start();

        /** cancel(); if it stopped a started timer, returns once that timer has finished. */
        boolean cancel();

        boolean isCancelled();

        boolean isAlive();

        /** join(Duration.ZERO). */
        boolean joinNow();

        /** How many times the action ran. */
        int runs();
    }

    /**
     * The sequential model. The checks use intervals of zero (the timer fires in {@code start()}) and "for
     * ever" (it never does), so nothing here calls {@link TimerSpec#fire()}; {@code joinNow} is one caller's
     * {@code join(ZERO)}.
     */
    public static Subject model(Duration interval) {
        AtomicInteger runs = new AtomicInteger();
        TimerSpec spec = new TimerSpec(interval, runs::incrementAndGet);
        return new Subject() {
            @Override
            public void start() {
                spec.start();
            }

            @Override
            public boolean cancel() {
                return spec.cancel();
            }

            @Override
            public boolean isCancelled() {
                return spec.isCancelled();
            }

            @Override
            public boolean isAlive() {
                return spec.isAlive();
            }

            @Override
            public boolean joinNow() {
                try {
                    return spec.join(0, Duration.ZERO);
                } catch (InterruptedException e) {
                    throw new AssertionError("nobody interrupts the joining caller", e);
                }
            }

            @Override
            public int runs() {
                return runs.get();
            }

            @Override
            public String toString() {
                return spec.toString();
            }
        };
    }

    /** The real timer, on platform threads; waits for its thread where the contract says it has ended. */
    public static Subject real(Duration interval) {
        AtomicInteger runs = new AtomicInteger();
        Timer timer = new Timer(interval, runs::incrementAndGet);
        boolean zero = interval.isZero();
        return new Subject() {
            private boolean started;

            @Override
            public void start() {
                timer.start();
                started = true;
                if (zero || timer.isCancelled()) {
                    awaitFinished();
                }
            }

            @Override
            public boolean cancel() {
                boolean won = timer.cancel();
                if (won && started) {
                    awaitFinished();
                }
                return won;
            }

            @Override
            public boolean isCancelled() {
                return timer.isCancelled();
            }

            @Override
            public boolean isAlive() {
                return timer.isAlive();
            }

            @Override
            public boolean joinNow() {
                try {
                    return timer.join(Duration.ZERO);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }

            @Override
            public int runs() {
                return runs.get();
            }

            private void awaitFinished() {
                try {
                    if (!timer.join(Threads.GENEROUS)) {
                        throw new AssertionError("timer did not finish within " + Threads.GENEROUS + ": " + timer);
                    }
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }

            @Override
            public String toString() {
                return timer.toString();
            }
        };
    }
}
