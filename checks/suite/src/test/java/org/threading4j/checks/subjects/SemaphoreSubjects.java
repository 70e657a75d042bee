package org.threading4j.checks.subjects;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.threading4j.BoundedSemaphore;
import org.threading4j.Held;
import org.threading4j.Semaphore;
import org.threading4j.checks.support.Threads;
import org.threading4j.specs.BoundedSemaphoreSpec;
import org.threading4j.specs.SemaphoreSpec;

/**
 * The two subjects of the Semaphore and BoundedSemaphore contracts, also driven by the property test: the
 * model ({@link SemaphoreSpec}) and the real semaphore, behind one interface. A blocking acquire is a
 * numbered background waiter: in the model a caller of {@link SemaphoreSpec} (settled after every step: the
 * waiting callers proceed, oldest first, while a permit is free), in the real subject a platform thread that
 * really parks.
 *
 * <p>The real subject's answers are made deterministic by waiting for quiescence, never by sleeping:
 * {@link Subject#startAcquire} returns once the new thread has either taken a permit or is parked on the
 * semaphore (so waiters queue in the order they were started), and {@link Subject#status} waits, with a
 * bound, until the thread has finished or is parked again.
 */
public final class SemaphoreSubjects {

    /**
     * How long the real subject waits for a background waiter to settle (finish, or park on the semaphore);
     * a waiter that does neither within it fails the test.
     */
    public static final Duration SETTLE = Threads.GENEROUS;

    private SemaphoreSubjects() {
    }

    /** What became of a blocking acquire. */
    public enum Status {
        /** Pending: no permit yet. */
        WAITING,
        /** Took a permit (at once, or after a release). */
        ACQUIRED,
        /** Gave up at its deadline owning nothing. */
        TIMED_OUT,
        /** Gave up on an interrupt owning nothing (InterruptedException). */
        INTERRUPTED
    }

    /** The kinds of blocking acquire. */
    public enum Mode {
        ACQUIRE("acquire()", false),
        INTERRUPTIBLY("acquireInterruptibly()", true),
        /** A timed acquire that is never due in a test: only a release or an interrupt ends it. */
        TIMED("tryAcquire(1h)", true);

        final String call;
        final boolean interruptible;

        Mode(String call, boolean interruptible) {
            this.call = call;
            this.interruptible = interruptible;
        }

        @Override
        public String toString() {
            return call;
        }
    }

    /** A semaphore under test, model or real. */
    public interface Subject {
        boolean tryAcquire();

        boolean tryAcquire(Duration timeout) throws InterruptedException;

        void release();

        void release(int n);

        int value();

        /** {@code hold()}; only called when a permit is free (it would block otherwise). */
        Held hold();

        /** Starts a background blocking acquire; returns its number (0, 1, ...). */
        int startAcquire(Mode mode);

        /** Interrupts background waiter {@code w}'s thread. */
        void interrupt(int w);

        /**
         * What became of waiter {@code w}. The real subject first waits (bounded by {@link #SETTLE}) until
         * the thread agrees with {@code expected} or is otherwise settled (finished, or parked).
         */
        Status status(int w, Status expected);

        /** For the real subject: true iff waiter {@code w} returned from acquire() with its interrupt set. */
        boolean interruptKept(int w);

        /** Ends every background waiter still pending (the real subject releases until they are gone). */
        void close();
    }

    /** The model of {@code new Semaphore(value)}, or of {@code new BoundedSemaphore(value)}. */
    public static Subject model(int value, boolean bounded) {
        return new ModelSubject(bounded ? new BoundedSemaphoreSpec(value) : new SemaphoreSpec(value));
    }

    /** A real {@code new Semaphore(value)}, or {@code new BoundedSemaphore(value)}. */
    public static Subject real(int value, boolean bounded) {
        return new RealSubject(bounded ? new BoundedSemaphore(value) : new Semaphore(value));
    }

    // ---------------------------------------------------------------------------------------------

    private static final class ModelSubject implements Subject {
        private final SemaphoreSpec spec;
        /** Per waiter (its number is its caller id): how its acquire ended, or null while it waits. */
        private final List<Status> ended = new ArrayList<>();

        ModelSubject(SemaphoreSpec spec) {
            this.spec = spec;
        }

        @Override
        public boolean tryAcquire() {
            return spec.tryAcquire();
        }

        @Override
        public boolean tryAcquire(Duration timeout) {
            if (timeout == null) {
                throw new NullPointerException("timeout");
            }
            if (timeout.isNegative()) {
                throw new IllegalArgumentException(SemaphoreSpec.NEGATIVE_TIMEOUT);
            }
            if (!timeout.isZero()) {
                throw new UnsupportedOperationException("the model does not wait: use startAcquire");
            }
            return spec.tryAcquire();
        }

        @Override
        public void release() {
            spec.release();
            settle();
        }

        @Override
        public void release(int n) {
            spec.release(n);
            settle();
        }

        @Override
        public int value() {
            return spec.value();
        }

        @Override
        public Held hold() {
            if (!spec.tryAcquire()) {
                throw new IllegalStateException("hold() would block in the model");
            }
            return this::release;
        }

        @Override
        public int startAcquire(Mode mode) {
            int w = ended.size();
            boolean took;
            try {
                took = mode == Mode.ACQUIRE ? spec.acquire(w)
                        : mode == Mode.INTERRUPTIBLY ? spec.acquireInterruptibly(w)
                        : spec.tryAcquire(w, Wait.LONG_DURATION);
            } catch (InterruptedException e) {
                throw new AssertionError("a new waiter has no pending interrupt", e);
            }
            ended.add(took ? Status.ACQUIRED : null);
            return w;
        }

        @Override
        public void interrupt(int w) {
            if (ended.get(w) == null && spec.interrupt(w)) {
                ended.set(w, Status.INTERRUPTED);
            }
        }

        @Override
        public Status status(int w, Status expected) {
            Status s = ended.get(w);
            return s == null ? Status.WAITING : s;
        }

        @Override
        public boolean interruptKept(int w) {
            return false;
        }

        @Override
        public void close() {
        }

        /** The waiting callers proceed, oldest first, while a permit is free (as after a real release). */
        private void settle() {
            for (int w = 0; w < ended.size() && spec.value() > 0; w++) {
                if (ended.get(w) == null && spec.proceed(w)) {
                    ended.set(w, Status.ACQUIRED);
                }
            }
        }

        @Override
        public String toString() {
            return spec.toString();
        }
    }

    // ---------------------------------------------------------------------------------------------

    private static final class RealSubject implements Subject {
        private final Semaphore sem;
        private final List<Background> waiters = new ArrayList<>();

        RealSubject(Semaphore sem) {
            this.sem = sem;
        }

        @Override
        public boolean tryAcquire() {
            return sem.tryAcquire();
        }

        @Override
        public boolean tryAcquire(Duration timeout) throws InterruptedException {
            return sem.tryAcquire(timeout);
        }

        @Override
        public void release() {
            sem.release();
        }

        @Override
        public void release(int n) {
            sem.release(n);
        }

        @Override
        public int value() {
            return sem.value();
        }

        @Override
        public Held hold() {
            return sem.hold();
        }

        @Override
        public int startAcquire(Mode mode) {
            Background b = new Background(sem, mode, waiters.size());
            waiters.add(b);
            b.thread.start();
            long deadline = System.nanoTime() + SETTLE.toNanos();
            while (b.thread.isAlive() && !parkedOnSemaphore(b.thread)) {
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError(b + " neither took a permit nor parked within " + SETTLE);
                }
                Thread.onSpinWait();
                LockSupport.parkNanos(20_000L);
            }
            return b.id;
        }

        @Override
        public void interrupt(int w) {
            waiters.get(w).thread.interrupt();
        }

        @Override
        public Status status(int w, Status expected) {
            Background b = waiters.get(w);
            long deadline = System.nanoTime() + SETTLE.toNanos();
            for (;;) {
                Status now = b.result;
                boolean parked = now == null && parkedOnSemaphore(b.thread);
                boolean settled = expected == Status.WAITING ? now != null || parked : now != null;
                if (settled) {
                    return now != null ? now : Status.WAITING;
                }
                if (System.nanoTime() - deadline > 0) {
                    if (parked) {
                        return Status.WAITING; // settled, but not as expected: the caller's comparison fails
                    }
                    throw new AssertionError(b + " neither finished nor parked within " + SETTLE);
                }
                LockSupport.parkNanos(20_000L);
            }
        }

        @Override
        public boolean interruptKept(int w) {
            return waiters.get(w).interruptKept;
        }

        @Override
        public void close() {
            for (Background b : waiters) {
                b.thread.interrupt();
            }
            long deadline = System.nanoTime() + SETTLE.toNanos();
            for (Background b : waiters) {
                // uninterruptible acquire() waiters leave only with a permit: feed them one at a time
                while (b.thread.isAlive() && System.nanoTime() - deadline < 0) {
                    if (parkedOnSemaphore(b.thread) && sem.value() == 0) {
                        try {
                            sem.release();
                        } catch (IllegalStateException bounded) {
                            break; // a full bounded semaphore: nothing more to give
                        }
                    }
                    LockSupport.parkNanos(20_000L);
                }
            }
        }

        private boolean parkedOnSemaphore(Thread t) {
            return Threads.isParkedOn(t, sem);
        }

        @Override
        public String toString() {
            return sem.toString();
        }
    }

    /** A platform thread doing one blocking acquire. */
    private static final class Background {
        final int id;
        final Mode mode;
        final Thread thread;
        volatile Status result;
        volatile boolean interruptKept;

        Background(Semaphore sem, Mode mode, int id) {
            this.id = id;
            this.mode = mode;
            this.thread = new Thread(() -> run(sem), "waiter-" + id + "-" + mode);
            this.thread.setDaemon(true);
        }

        private void run(Semaphore sem) {
            try {
                switch (mode) {
                    case ACQUIRE:
                        sem.acquire();
                        interruptKept = Thread.currentThread().isInterrupted();
                        result = Status.ACQUIRED;
                        break;
                    case INTERRUPTIBLY:
                        sem.acquireInterruptibly();
                        result = Status.ACQUIRED;
                        break;
                    default:
                        result = sem.tryAcquire(Duration.ofHours(1)) ? Status.ACQUIRED : Status.TIMED_OUT;
                        break;
                }
            } catch (InterruptedException e) {
                result = Status.INTERRUPTED;
            }
        }

        @Override
        public String toString() {
            return "waiter " + id + " (" + mode + ")";
        }
    }
}
