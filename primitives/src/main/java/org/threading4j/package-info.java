/**
 * Python's {@code threading} primitives for Java: {@link org.threading4j.Lock}, {@link org.threading4j.RLock},
 * {@link org.threading4j.Condition}, {@link org.threading4j.Semaphore},
 * {@link org.threading4j.BoundedSemaphore}, {@link org.threading4j.Event}, {@link org.threading4j.Barrier}
 * and {@link org.threading4j.Timer}, with Python's semantics and error messages and Java's conventions.
 *
 * <h2 id="conventions">Conventions shared by every primitive</h2>
 *
 * <ul>
 * <li><b>Names.</b> Python's {@code wait}/{@code notify}/{@code notify_all} are spelled
 *     {@code await}/{@code signal}/{@code signalAll}, because {@code java.lang.Object} owns the Python
 *     names.</li>
 * <li><b>Timeouts</b> are {@link java.time.Duration}s. The overload without a timeout waits for ever. A
 *     {@code null} timeout throws {@code NullPointerException}; a negative one throws
 *     {@code IllegalArgumentException("timeout value must be a non-negative number")}; zero means "try
 *     once, do not wait"; a duration too large for {@code long} nanoseconds means "wait for ever".</li>
 * <li><b>Arguments are checked first</b>, before any other effect: a call that throws for bad input
 *     changes nothing.</li>
 * <li id="interrupts"><b>Interrupts.</b> {@code acquire()} is not interruptible, like Python's and like
 *     {@code java.util.concurrent.locks.Lock.lock()}: an interrupt during the wait is kept and re-asserted
 *     when it returns. {@code acquireInterruptibly()} and every timed or {@code await} method throw
 *     {@code InterruptedException} when interrupted, also when the interrupt is already pending on entry,
 *     and when they do they leave the primitive exactly as if the call had never been made: no permit,
 *     hold or signal is lost or gained. If a thread is interrupted at the very moment it is given what it
 *     waited for (a permit, a signal), the gift wins: the call returns normally and the interrupt status
 *     stays set for the caller to see. The one exception is {@code Barrier.await}, where an interrupt
 *     breaks the barrier for the other parties, as {@code CyclicBarrier} does.</li>
 * <li><b>No spurious wake-ups.</b> An {@code await} returns normally only after a signal, a
 *     {@code set()} or the barrier tripping; a timed form returns {@code false} only when its time is
 *     up.</li>
 * <li><b>Nothing is lost.</b> No permit, hold, signal or wake-up is lost, whether a call succeeds, times
 *     out or is interrupted. In particular a {@code Condition} signal is never used up by a waiter that
 *     then times out or is interrupted.</li>
 * <li><b>Errors</b> map from Python as: misuse of a lock one does not hold ({@code RuntimeError}) →
 *     {@link java.lang.IllegalMonitorStateException}; bad argument ({@code ValueError}) →
 *     {@link java.lang.IllegalArgumentException}; over-release of a {@code BoundedSemaphore} →
 *     {@link java.lang.IllegalStateException}; {@code BrokenBarrierError} →
 *     {@link org.threading4j.BrokenBarrierException}. Messages are Python's, verbatim.</li>
 * <li><b>Parking.</b> Waiting threads park with {@link java.util.concurrent.locks.LockSupport}, with the
 *     primitive as the blocker shown in thread dumps, and never pin a virtual thread's carrier. A
 *     {@link org.threading4j.Lock} or {@link org.threading4j.RLock} waiter's blocker is the lock's owner
 *     record instead, an {@link java.util.concurrent.locks.AbstractOwnableSynchronizer} naming the thread
 *     that holds it, so that {@code jstack -l} and deadlock detection see lock owners; its
 *     {@code toString()} is the lock's.</li>
 * <li><b>Diagnostics.</b> Every primitive's {@code toString()} shows its state (owner and hold count,
 *     locked or not, value, set or not, phase, approximate waiter counts) without blocking; a
 *     {@link org.threading4j.BrokenBarrierException} says why the barrier broke.</li>
 * </ul>
 *
 * <p>The differences from Python are listed in {@code docs/differences-from-python.md}.
 */
package org.threading4j;
