package org.threading4j.bench;

/** Busy-wait step for the spinning baselines. */
final class Spins {

    /** Spins before each {@link Thread#yield()}. */
    static final int BEFORE_YIELD = 200;

    private Spins() {
    }

    /** One step of a busy wait: {@code onSpinWait}, and every {@value #BEFORE_YIELD} steps a yield. */
    static int pause(int spins) {
        if (spins < BEFORE_YIELD) {
            Thread.onSpinWait();
            return spins + 1;
        }
        Thread.yield();
        return 0;
    }
}
