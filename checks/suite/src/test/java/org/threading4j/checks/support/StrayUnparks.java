package org.threading4j.checks.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A stray-unpark injector: while a check runs, a daemon thread calls {@link LockSupport#unpark} on the
 * check's threads at random. Any code may unpark any thread at any time, so a correct primitive treats a
 * return from {@code park} as a hint and re-checks its state; a primitive that takes such a return for a
 * wake-up (a lock handed over, a signal, a set flag) shows up as a failure of the check running beside it.
 *
 * <p>Off by default; on with the system property {@code threading4j.strayUnparks=true}. Then every check
 * in the packages {@code stress}, {@code property} and {@code vthreads} runs with it: {@link Extension}
 * (registered through {@link Verifies}) opens a scope around each such JUnit test, and a forked mutant
 * check JVM started with the switch does the same around its check. The count of unparks made is
 * recorded as the test's evidence ({@code "N stray unparks"}).
 *
 * <p>Whose threads: the thread that opened the scope (the test thread), every thread
 * {@linkplain #register registered} while the scope is open ({@link Workers} registers its workers; this
 * is the only way virtual threads are found), and every platform thread that started after the scope
 * opened (found by enumerating the thread groups every {@link #SCAN_NANOS}), which covers helper threads,
 * executor pools and timer threads made by the check without any registration. Threads alive before the
 * scope opened (the JVM's, the build tool's, stuck daemons of an earlier check) are left alone.
 *
 * <p>How often: {@code threading4j.strayUnparks.rate} unparks per second in all (default
 * {@link #DEFAULT_RATE}), each to a thread picked at random among the current targets, whatever it is doing
 * (a running thread keeps the permit, so its next {@code park} returns at once). The injector sleeps in
 * short {@code parkNanos} pauses of random length, now and then a longer lull, and on each wake-up makes
 * the unparks it owes for the time that passed, so the rate holds despite coarse timers and the unparks
 * come in bursts of varying size. It never spins.
 *
 * <p>What it hides: a stray unpark also rescues a waiter whose wake-up was decided but never delivered (a
 * missing {@code unpark}), so lost-wake-up bugs are the business of runs without it.
 */
public final class StrayUnparks implements AutoCloseable {

    /** The switch: {@code true} to run stress, property and virtual-thread checks with stray unparks. */
    public static final String PROPERTY = "threading4j.strayUnparks";
    /** Unparks per second, in all, while a check runs. */
    public static final String RATE_PROPERTY = "threading4j.strayUnparks.rate";
    /** The default rate: an unpark every 50 µs on average, spread over the check's threads. */
    public static final int DEFAULT_RATE = 20_000;
    /** How often the injector looks for new platform threads of the check. */
    static final long SCAN_NANOS = 2_000_000L;

    /** Most unparks made in one wake-up (a long stall of the injector is not paid back all at once). */
    private static final int MAX_BURST = 256;

    /** The open scope, or null. */
    private static final AtomicReference<StrayUnparks> ACTIVE = new AtomicReference<>();

    private final Thread owner = Thread.currentThread();
    private final Set<Thread> before;
    private final Set<Thread> registered = ConcurrentHashMap.newKeySet();
    private final AtomicLong made = new AtomicLong();
    /** Of those, the unparks of a thread that was parked (WAITING or TIMED_WAITING) just before. */
    private final AtomicLong toParked = new AtomicLong();
    private volatile int maxTargets;
    private final double perNano;
    private final Thread injector;
    private final long startNanos = System.nanoTime();
    private volatile boolean stopped;
    /** The targets found by the last scan. */
    private volatile Thread[] lastTargets = new Thread[0];

    private StrayUnparks(int rate) {
        this.perNano = rate / 1e9;
        Set<Thread> alive = Collections.newSetFromMap(new IdentityHashMap<>());
        Collections.addAll(alive, platformThreads());
        this.before = alive;
        this.injector = new Thread(this::inject, "stray-unparks");
        injector.setDaemon(true);
    }

    /** Whether the switch {@value #PROPERTY} is on. */
    public static boolean enabled() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** The configured rate, unparks per second ({@value #RATE_PROPERTY}, default {@value #DEFAULT_RATE}). */
    public static int rate() {
        int rate = Integer.getInteger(RATE_PROPERTY, DEFAULT_RATE);
        if (rate <= 0) {
            throw new IllegalArgumentException(RATE_PROPERTY + " must be positive: " + rate);
        }
        return rate;
    }

    /** Whether checks of {@code checkClass} run with the injector when it is on (stress, property, vthreads). */
    public static boolean appliesTo(Class<?> checkClass) {
        String p = checkClass.getPackageName();
        return p.equals("org.threading4j.checks.stress") || p.equals("org.threading4j.checks.property")
                || p.equals("org.threading4j.checks.vthreads");
    }

    /**
     * Opens a scope at the configured {@link #rate()}, whether or not the switch is on (callers check
     * {@link #enabled()}); close it to stop the injector. One scope at a time.
     */
    public static StrayUnparks start() {
        return start(rate());
    }

    /** Opens a scope injecting {@code rate} unparks per second; close it to stop the injector. */
    public static StrayUnparks start(int rate) {
        StrayUnparks s = new StrayUnparks(rate);
        if (!ACTIVE.compareAndSet(null, s)) {
            throw new IllegalStateException("a stray-unpark scope is already open");
        }
        s.injector.start();
        return s;
    }

    /**
     * Makes {@code t} a target of the open scope, if any (a no-op otherwise). Needed for virtual threads,
     * which thread-group enumeration does not see; harmless for platform threads.
     */
    public static void register(Thread t) {
        StrayUnparks s = ACTIVE.get();
        if (s != null && t != s.injector) {
            s.registered.add(t);
        }
    }

    /** The stray unparks made so far. */
    public long count() {
        return made.get();
    }

    /** The unparks made to a thread that was parked just before (the rest found it running). */
    public long countToParked() {
        return toParked.get();
    }

    /** The most threads that were targets at once. */
    public int maxTargets() {
        return maxTargets;
    }

    /** Whether {@code t} was a target at the last scan. */
    boolean isTarget(Thread t) {
        for (Thread x : lastTargets) {
            if (x == t) {
                return true;
            }
        }
        return false;
    }

    /** Stops the injector and waits for it; the count is final afterwards. */
    @Override
    public void close() {
        stopped = true;
        LockSupport.unpark(injector);
        try {
            injector.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ACTIVE.compareAndSet(this, null);
    }

    /** A line for the log: count, time, rate achieved. */
    public String summary() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return String.format("%d stray unparks (%d to parked threads) in %.1f s (%.0f/s, up to %d target threads)",
                count(), countToParked(), seconds, count() / Math.max(seconds, 1e-9), maxTargets);
    }

    private void inject() {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        Thread[] targets = new Thread[0];
        long last = System.nanoTime();
        long nextScan = last;
        double owed = 0;
        while (!stopped) {
            long now = System.nanoTime();
            if (now - nextScan >= 0) {
                targets = scan();
                lastTargets = targets;
                maxTargets = Math.max(maxTargets, targets.length);
                nextScan = now + SCAN_NANOS;
            }
            owed = Math.min(owed + (now - last) * perNano, MAX_BURST);
            last = now;
            if (targets.length == 0) {
                owed = 0;
            }
            int burst = (int) owed;
            int parked = 0;
            for (int i = 0; i < burst; i++) {
                Thread t = targets[rnd.nextInt(targets.length)];
                parked += Threads.isParked(t) ? 1 : 0;
                LockSupport.unpark(t);
            }
            owed -= burst;
            made.addAndGet(burst);
            toParked.addAndGet(parked);
            // short random pauses; about one in 32 a lull of up to 2 ms, after which a larger burst is owed
            LockSupport.parkNanos(this, rnd.nextInt(32) == 0 ? rnd.nextLong(200_000L, 2_000_000L)
                    : rnd.nextLong(5_000L, 60_000L));
        }
    }

    /** The current targets: the owner, registered threads and platform threads started since the scope opened. */
    private Thread[] scan() {
        List<Thread> ts = new ArrayList<>();
        if (owner.isAlive()) {
            ts.add(owner);
        }
        for (Thread t : registered) {
            if (t.isAlive()) {
                ts.add(t);
            } else if (t.getState() == Thread.State.TERMINATED) {
                registered.remove(t);
            }
        }
        for (Thread t : platformThreads()) {
            if (t != injector && t != owner && !before.contains(t) && !registered.contains(t)) {
                ts.add(t);
            }
        }
        return ts.toArray(new Thread[0]);
    }

    /** Every live platform thread, from the root thread group down. */
    private static Thread[] platformThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] ts = new Thread[root.activeCount() + 16];
        int n;
        while ((n = root.enumerate(ts, true)) == ts.length) {
            ts = new Thread[ts.length * 2];
        }
        Thread[] out = new Thread[n];
        System.arraycopy(ts, 0, out, 0, n);
        return out;
    }

    /**
     * Runs each test of the {@link #appliesTo stress, property and virtual-thread} classes inside a scope
     * when the switch is on, and records the count as evidence. Registered on every {@link Verifies} test;
     * does nothing elsewhere or when the switch is off.
     */
    public static final class Extension implements BeforeEachCallback, AfterEachCallback {

        private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(StrayUnparks.class);

        @Override
        public void beforeEach(ExtensionContext context) {
            if (enabled() && context.getTestClass().map(StrayUnparks::appliesTo).orElse(false)) {
                context.getStore(NS).put("scope", start());
            }
        }

        @Override
        public void afterEach(ExtensionContext context) {
            StrayUnparks s = context.getStore(NS).remove("scope", StrayUnparks.class);
            if (s != null) {
                s.close();
                Evidence.explored(s.count(), "stray unparks (" + s.countToParked() + " to parked threads)");
                System.out.println("[stray-unparks] " + context.getRequiredTestClass().getSimpleName() + "."
                        + context.getRequiredTestMethod().getName() + ": " + s.summary());
            }
        }
    }
}
