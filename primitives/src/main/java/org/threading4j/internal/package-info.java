/**
 * The engine under every threading4j primitive; not exported from the module, not API.
 *
 * <pre>
 * Layers
 * ======
 *
 *   org.threading4j          Lock  RLock  Semaphore  BoundedSemaphore  Condition  Event  Barrier  Timer
 *                              |     |        |             |              |        |
 *   org.threading4j.internal  PermitSync (permits + PARKED)   WaitQueue    FlagSync (SET + QUEUED)  ...
 *                                        \                       |          /
 *                                         +------- WaitQueue: FIFO waiters, park/unpark, deadlines,
 *                                                  one-shot outcomes, cancellation -------------+
 * </pre>
 *
 * <p>{@link org.threading4j.internal.WaitQueue} is the only place that queues and parks threads. Each
 * primitive is a small state machine over it: a state word of its own, changed by CAS, with one bit that
 * announces "someone is queued", and the rule that a thread validates that word under the queue lock before
 * it enqueues. {@link org.threading4j.internal.WaitQueue} documents the protocol and why no wake-up is lost.
 */
package org.threading4j.internal;
