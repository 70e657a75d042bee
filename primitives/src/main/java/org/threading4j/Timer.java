package org.threading4j;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import org.threading4j.internal.FlagSync;
import org.threading4j.internal.Deadline;
import org.threading4j.internal.TimerSync;

/**
 * An action that runs once, on a thread of its own, after an interval, unless it is cancelled first:
 * Python's {@code threading.Timer}. {@link #start()} starts the timer's thread, which waits for the
 * interval and then runs the action; {@link #cancel()} stops a timer that has not fired yet and says
 * whether it did.
 *
 * <p>Python to Java:
 * <pre>{@code
 * t = threading.Timer(30.0, hello)        Timer t = new Timer(Duration.ofSeconds(30), this::hello);
 * t.start()                               t.start();
 * t.cancel()                              if (t.cancel()) { ... hello() will never run ... }
 * t.join(); t.join(timeout=1.0)           t.join(); t.join(Duration.ofSeconds(1));
 * t.is_alive()                            t.isAlive();
 * }</pre>
 *
 * <p><b>The cancel guarantee.</b> The action runs at most once, and it runs if and only if no
 * {@code cancel()} returned {@code true}. The race between a {@code cancel()} and the interval running
 * out is decided by a single atomic transition: either the timer fires (the action will run, and every
 * {@code cancel()} from then on returns {@code false}) or one {@code cancel()} wins (it returns
 * {@code true}, the action never runs, and the timer's thread ends promptly). A {@code cancel()} that
 * returns {@code false} means the action has run, is running, or is about to run, or that another
 * {@code cancel()} already won; {@link #isCancelled()} tells which.
 *
 * <p><b>The timer's thread.</b> It comes from the {@link ThreadFactory} given to the constructor, or is a
 * {@code new Thread} otherwise (named {@code Thread-N} and a daemon iff the thread that calls
 * {@code start()} is, as in Python). A virtual-thread factory ({@code Thread.ofVirtual().factory()}) works:
 * a pending timer then holds no platform thread. The thread waits by parking, with this timer as its
 * {@link java.util.concurrent.locks.LockSupport#getBlocker blocker}; that wait is not interruptible
 * (an interrupt is kept and is visible to the action), so only {@code cancel()} stops a timer. The
 * interval is measured with {@link System#nanoTime()} and may be exceeded, never shortened.
 *
 * <p><b>Finishing.</b> The timer is <i>finished</i> once its thread has done its last piece of timer work:
 * the action returned or threw, or the thread found the timer cancelled. {@link #join()} waits for that,
 * {@link #isAlive()} is true between {@code start()} and that. If the action throws, the exception is
 * handed to the thread's {@linkplain Thread#getUncaughtExceptionHandler() uncaught-exception handler}
 * before the timer counts as finished (so after {@code join()} returns, the handler has run), and the
 * timer still finishes normally.
 *
 * <p><b>Differences from Python {@code threading.Timer}:</b>
 * <ul>
 * <li>{@code cancel()} returns whether it stopped the action (Python's returns nothing, and a cancel that
 *     lands after the timer's "is it cancelled?" check is silently ineffective there).</li>
 * <li>An action that raises leaves Python's timer with {@code finished} unset; here the timer finishes and
 *     {@code join()} returns.</li>
 * <li>The interval is checked by {@code start()}: a negative one makes it throw
 *     {@code IllegalArgumentException} (Python accepts it and fires at once). {@code None} as Python's
 *     "wait until cancelled" is spelled as a {@code Duration} too large for {@code long} nanoseconds.</li>
 * <li>{@code join(Duration)} returns whether the timer finished (Python's returns {@code None}); a
 *     negative timeout throws instead of acting as zero, by the package conventions.</li>
 * <li>A Timer is not a {@code Thread}: name, daemon status and priority are the thread factory's
 *     business.</li>
 * </ul>
 *
 * <p><b>Memory consistency effects:</b> actions in a thread before {@link #start()} <i>happen-before</i>
 * the action. The action, and everything the timer's thread does, <i>happen-before</i> a {@link #join()}
 * or a {@code join(Duration)} returning {@code true}, and an {@link #isAlive()} returning {@code false},
 * in another thread. A {@code cancel()} that returns {@code true} <i>happens-before</i> an
 * {@link #isCancelled()} that returns {@code true} and any {@code cancel()} that returns {@code false} for
 * that reason.
 *
 * <p>Interrupts, timeouts and argument checks follow the
 * <a href="package-summary.html#conventions">package conventions</a>.
 */
public final class Timer {

    /** Python's message for a second {@code start()}. */
    static final String STARTED_TWICE = "threads can only be started once";
    /** Python's message for {@code join()} before {@code start()}. */
    static final String JOIN_BEFORE_START = "cannot join thread before it is started";
    /** Python's message for a timer's thread joining itself (it would wait for ever). */
    static final String JOIN_SELF = "cannot join current thread";

    /** The interval as given; checked by {@link #start()}. */
    private final Duration interval;
    /** What runs when the timer fires; at most once. */
    private final Runnable action;
    /** Supplies the timer's thread; called once, by {@code start()}. */
    private final ThreadFactory factory;
    /** The decision (fired or cancelled), the started bit, and the queue the timer's thread waits in. */
    private final TimerSync sync = new TimerSync(this);
    /** Set as the timer's thread's last piece of work; {@code join()} waits on it. */
    private final FlagSync finished = new FlagSync(this);
    /** The timer's thread, once {@code start()} has made it; for the "join current thread" check. */
    private volatile Thread thread;

    /**
     * Creates a timer that will run {@code action} once, {@code interval} after {@link #start()}, on a new
     * platform thread. Python: {@code threading.Timer(interval, function)}.
     *
     * @param interval how long the started timer waits before running the action; zero fires at once; a
     *                 duration too large for {@code long} nanoseconds waits until cancelled
     * @param action   what to run
     * @throws NullPointerException if an argument is null
     */
    public Timer(Duration interval, Runnable action) {
        this(interval, action, Thread::new);
    }

    /**
     * Creates a timer like {@link #Timer(Duration, Runnable)} whose thread comes from {@code factory}
     * (for example {@code Thread.ofVirtual().factory()}). No Python equivalent (Python's {@code Timer} is
     * a {@code Thread} subclass); the closest is {@code threading.Timer(interval, function)}.
     *
     * @param interval how long the started timer waits before running the action; zero fires at once; a
     *                 duration too large for {@code long} nanoseconds waits until cancelled
     * @param action   what to run
     * @param factory  makes the timer's thread, once, when {@link #start()} is called
     * @throws NullPointerException if an argument is null
     */
    public Timer(Duration interval, Runnable action, ThreadFactory factory) {
        this.interval = Objects.requireNonNull(interval, "interval");
        this.action = Objects.requireNonNull(action, "action");
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /**
     * Starts the timer: its thread waits for the interval, then runs the action unless a {@code cancel()}
     * won first. A timer cancelled before {@code start()} may still be started; its thread then ends at
     * once without running the action. Python: {@code timer.start()}.
     *
     * <p>If the factory returns {@code null} or a thread that cannot be started, the exception propagates,
     * the action will never run, and the timer counts as started and finished (a later {@code cancel()}
     * still returns {@code true}: the action is certainly never run).
     *
     * @throws IllegalArgumentException if the interval is negative ("timeout value must be a non-negative
     *         number"); the timer is then left unstarted, as if the call had not been made
     * @throws IllegalStateException if the timer was already started ("threads can only be started once")
     * @throws NullPointerException if the factory returned {@code null} ("thread factory returned null")
     */
    public void start() {
        Deadline.check(interval); // a negative interval fails start(), like java.util.Timer.schedule
        if (!sync.markStarted()) {
            throw new IllegalStateException(STARTED_TWICE);
        }
        Thread t;
        try {
            t = factory.newThread(this::runTimer);
            if (t == null) {
                throw new NullPointerException("thread factory returned null");
            }
            thread = t;
            t.start();
        } catch (RuntimeException | Error e) {
            finished.set(); // no thread will ever fire it: join() must not wait for one
            throw e;
        }
    }

    /** The body of the timer's thread: wait, decide, run, finish. */
    private void runTimer() {
        try {
            sync.awaitDue(Deadline.of(interval)); // the interval starts when the thread runs, as in Python
            if (sync.tryFire()) { // the one place the action can run; a cancel() after this returns false
                try {
                    action.run();
                } catch (Throwable failure) {
                    reportUncaught(failure);
                }
            }
        } finally {
            finished.set(); // release: publishes the action's effects to join() and isAlive()
        }
    }

    /** Hands an exception from the action to the thread's handler, as the JVM would; ignores its failure. */
    private static void reportUncaught(Throwable failure) {
        Thread self = Thread.currentThread();
        try {
            self.getUncaughtExceptionHandler().uncaughtException(self, failure);
        } catch (Throwable ignored) {
            // The JVM ignores an exception thrown by an uncaught-exception handler too.
        }
    }

    /**
     * Stops the timer if it has not fired yet. Python: {@code timer.cancel()}. Allowed before {@code start()}.
     * Does not wait for a running action.
     *
     * @return {@code true} iff this call stopped the action from ever running; {@code false} if the timer
     *         had already fired (the action has run, is running or is about to) or was already cancelled
     */
    public boolean cancel() {
        return sync.cancel();
    }

    /**
     * Tells whether the timer was cancelled. No Python equivalent (Python's timer keeps it in the private
     * {@code finished} event, which is also set after the action ran); the closest is
     * {@code timer.finished.is_set()}.
     *
     * @return {@code true} iff some {@code cancel()} returned {@code true}: the action will never run
     */
    public boolean isCancelled() {
        return sync.isCancelled();
    }

    /**
     * Tells whether the timer is alive. Python: {@code timer.is_alive()}.
     *
     * @return {@code true} iff the timer has been started and has not finished yet
     */
    public boolean isAlive() {
        return (sync.bits() & TimerSync.STARTED) != 0 && !finished.isSet();
    }

    /**
     * Waits until the timer has finished: the action has returned (or thrown), or the timer's thread found
     * it cancelled. Python: {@code timer.join()}.
     *
     * @throws IllegalStateException if the timer was not started ("cannot join thread before it is
     *         started"), or if called from the timer's own thread ("cannot join current thread")
     * @throws InterruptedException if interrupted before or while waiting
     */
    public void join() throws InterruptedException {
        checkJoinable();
        finished.await(Deadline.NONE);
    }

    /**
     * Waits at most {@code timeout} for the timer to finish. Python: {@code timer.join(timeout=t)}.
     *
     * @param timeout how long to wait; zero checks without waiting
     * @return {@code true} iff the timer's thread has finished
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is negative
     *         ("timeout value must be a non-negative number")
     * @throws IllegalStateException if the timer was not started ("cannot join thread before it is
     *         started"), or if called from the timer's own thread ("cannot join current thread")
     * @throws InterruptedException if interrupted before or while waiting
     */
    public boolean join(Duration timeout) throws InterruptedException {
        Deadline deadline = Deadline.of(timeout);
        checkJoinable();
        return finished.await(deadline);
    }

    private void checkJoinable() {
        if ((sync.bits() & TimerSync.STARTED) == 0) {
            throw new IllegalStateException(JOIN_BEFORE_START);
        }
        if (thread == Thread.currentThread()) {
            throw new IllegalStateException(JOIN_SELF);
        }
    }

    /**
     * A description for logs and debuggers: the timer's state and its interval, e.g.
     * {@code org.threading4j.Timer@1b6d3586[waiting, interval=PT0.5S]}. The state is one of {@code new}
     * (not started), {@code waiting} (started, its thread waits for the interval), {@code cancelled}
     * ({@code cancelled, finished} once a started timer's thread has ended), {@code fired, running} (the
     * action runs), {@code fired, finished}, and {@code finished} (started, but ended without deciding:
     * its thread could not be started). Never blocks.
     */
    @Override
    public String toString() {
        int s = sync.bits();
        boolean started = (s & TimerSync.STARTED) != 0;
        boolean done = finished.isSet();
        String phase;
        if ((s & TimerSync.CANCELLED) != 0) {
            phase = started && done ? "cancelled, finished" : "cancelled";
        } else if ((s & TimerSync.FIRED) != 0) {
            phase = done ? "fired, finished" : "fired, running";
        } else if (!started) {
            phase = "new";
        } else {
            phase = done ? "finished" : "waiting";
        }
        return super.toString() + "[" + phase + ", interval=" + interval + "]";
    }
}
