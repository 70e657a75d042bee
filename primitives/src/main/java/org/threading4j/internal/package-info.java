/**
 * The engine under every threading4j primitive; not exported from the module, not API.
 *
 * <pre>
 * Layers
 * ======
 *
 *   org.threading4j   Lock      RLock      Semaphore  BoundedSemaphore  Condition      Event     Barrier      Timer
 *   (facades)          |          |             \        /                 |            |          |           |
 *   internal        LockSync  RLockSync       PermitSync            ConditionSync   FlagSync  BarrierSync  TimerSync
 *   (what)             \________\_______________/                        |            |          |           |
 *                           PermitSync ------- ConditionLock seam ------/             |          |           |
 *                               \_______________________________________________________________________/
 *   (how)                                  WaitQueue: state word + QUEUED, await, wake, park, Deadline, Outcome
 * </pre>
 *
 * <p><b>One protocol.</b> {@link org.threading4j.internal.WaitQueue} is the only class that takes the queue
 * lock, validates under it, announces "someone is queued", parks, handles deadlines and cancellation, and
 * hands on a wake-up that a giving-up thread received. A primitive says what: whether a thread must wait in
 * a given state ({@code mustWait}, AQS's {@code tryAcquire} turned into a predicate over the state word), and,
 * as a waker, a plan ({@code WaitQueue.Plan}) that maps the state and the number of waiters to the next
 * state and to the waiters to resolve, with what outcome. This is parking_lot's shape
 * ({@code park(key, validate, before_sleep, timed_out)} and {@code unpark_filter}, where the primitive never
 * takes the queue lock itself) with AQS's choice of one queue per primitive, owned by the primitive, rather
 * than a global hash table of queues: one queue per object is what the JDK's own synchronizers do, and it
 * keeps a wait's blocker, its dump and its cost local to the object. The primitive's state word lives in
 * the engine because the "someone is queued" bit must change in the same CAS as the primitive's own bits.
 *
 * <p><b>Timeouts and outcomes.</b> A facade turns a {@code Duration} into a
 * {@link org.threading4j.internal.Deadline} once and passes it down unchanged; every wait ends in an
 * {@link org.threading4j.internal.Outcome} that callers switch on.
 *
 * <p><b>Performance techniques, each in one place</b>: competitor counting and spin-then-park for a woken
 * lock or semaphore waiter ({@code PermitSync}), the direct hand-off that bounds unfairness
 * ({@code PermitSync}), wake-ups deferred to the lock's release for a Condition's signal
 * ({@code PermitSync.unparkWhenReleased}), and shared wake-ups for Event and Barrier, where woken threads help
 * unpark the others ({@code WaitQueue.helpUnpark}). Each class comment states its correctness argument.
 *
 * <p><b>The race seam.</b> {@code Races} marks a handful of points where a check may widen a race window
 * ({@code if (Races.WIDEN) Races.pause();}). It stays in the engine because the windows it widens are
 * between two statements of the engine; a seam outside would have to duplicate the code around them. Its
 * flag is a {@code static final} read once at class initialisation, so with the flag off (always, outside
 * the checks) the JIT removes the points entirely and a reader can skip every such line: none changes what
 * the code does.
 */
package org.threading4j.internal;
