package org.threading4j;

import java.time.Duration;
import org.threading4j.internal.FlagSync;
import org.threading4j.internal.Deadline;

/**
 * A flag that threads can wait for: Python's {@code threading.Event}. {@link #set()} raises the flag and
 * wakes every waiter; {@link #clear()} lowers it; {@link #await()} returns at once if the flag is up and
 * otherwise waits for a {@code set()}.
 *
 * <p>Python to Java:
 * <pre>{@code
 * ready = threading.Event()               Event ready = new Event();
 * ready.set()                             ready.set();
 * if ready.wait(timeout=2.0):             if (ready.await(Duration.ofSeconds(2))) {
 *     ...                                     ...
 *                                         }
 * ready.is_set(); ready.clear()           ready.isSet(); ready.clear();
 * }</pre>
 *
 * <p><b>What await returns.</b> {@code true} iff the flag was set on entry or a {@code set()} happened while
 * the thread was waiting, even if a {@code clear()} followed before the thread woke (Python's
 * set-and-clear rule). A timed wait that reaches its deadline before any {@code set()} returns
 * {@code false}, even if a {@code set()} lands just after.
 *
 * <p><b>Memory consistency effects:</b> actions in a thread before {@code set()} <i>happen-before</i>
 * actions following an {@code await} in another thread that returns because of that {@code set()} (or
 * that found the flag set on entry).
 *
 * <p>Interrupts, timeouts and argument checks follow the
 * <a href="package-summary.html#conventions">package conventions</a>.
 */
public final class Event {

    /** The flag and its waiters. */
    private final FlagSync sync = new FlagSync(this);

    /** Creates an event whose flag is down. Python: {@code threading.Event()}. */
    public Event() {
    }

    /**
     * Tells whether the flag is up. Python: {@code event.is_set()}.
     *
     * @return {@code true} iff the flag is up now
     */
    public boolean isSet() {
        return sync.isSet();
    }

    /**
     * Raises the flag and wakes every waiting thread; does nothing more if the flag is already up. Python:
     * {@code event.set()}.
     */
    public void set() {
        sync.set();
    }

    /**
     * Lowers the flag. Threads that {@code await} afterwards wait for the next {@code set()}; a thread
     * already woken by an earlier {@code set()} still returns {@code true}. Python: {@code event.clear()}.
     */
    public void clear() {
        sync.clear();
    }

    /**
     * Waits until the flag is up: returns at once if it is. Python: {@code event.wait()}.
     *
     * @throws InterruptedException if interrupted before or while waiting
     */
    public void await() throws InterruptedException {
        sync.await(Deadline.NONE);
    }

    /**
     * Waits at most {@code timeout} for the flag. Python: {@code event.wait(timeout=t)}.
     *
     * @param timeout how long to wait; zero checks the flag without waiting
     * @return {@code true} iff the flag was up on entry or a {@code set()} happened during the wait
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is negative
     *         ("timeout value must be a non-negative number")
     * @throws InterruptedException if interrupted before or while waiting
     */
    public boolean await(Duration timeout) throws InterruptedException {
        return sync.await(Deadline.of(timeout));
    }

    /**
     * A description for logs and debuggers: {@code org.threading4j.Event@1b6d3586[set]}, or
     * {@code ...[unset, waiters=2]} with the number of threads waiting, approximate (read without
     * synchronization). Never blocks.
     */
    @Override
    public String toString() {
        return super.toString() + (isSet() ? "[set]" : "[unset, waiters=" + sync.queuedEstimate() + "]");
    }
}
