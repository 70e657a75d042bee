package org.threading4j.bench.support;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The cheapest correct lock word, for "floor" benchmarks: what a lock costs when it is nothing but an
 * atomic instruction or two. Not a usable lock (it spins, and never parks).
 */
public final class Floors {

    private Floors() {
    }

    /** A one-word spin lock. */
    public static final class CasLock {
        private volatile int state;

        /** Acquire: one CAS 0 -> 1 (spins with {@link Thread#onSpinWait()} while held; never when uncontended). */
        public void lock() {
            while (!STATE.compareAndSet(this, 0, 1)) {
                Thread.onSpinWait();
            }
        }

        /**
         * Release by CAS 1 -> 0: the floor for a lock that, like threading4j's, must detect releasing an
         * unlocked lock (Python's "release unlocked lock").
         */
        public void unlockCas() {
            if (!STATE.compareAndSet(this, 1, 0)) {
                throw new IllegalMonitorStateException("release unlocked lock");
            }
        }

        /** Release by a plain release store: the floor for a lock that need not check anything. */
        public void unlockStore() {
            STATE.setRelease(this, 0);
        }

        /** Acquire-and-yield, for a spin lock under contention on fewer cores than threads. */
        public void lockYielding() {
            int spins = 0;
            while (state != 0 || !STATE.compareAndSet(this, 0, 1)) {
                if (++spins < 32) {
                    Thread.onSpinWait();
                } else {
                    spins = 0;
                    Thread.yield();
                }
            }
        }

        private static final VarHandle STATE;

        static {
            try {
                STATE = MethodHandles.lookup().findVarHandle(CasLock.class, "state", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }
}
