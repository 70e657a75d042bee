package org.threading4j.internal;

/**
 * How one wait ended: the one-shot decision of a {@link WaitQueue.Waiter}, or {@link #PASSED} when the
 * wait never began. A waker writes SIGNALLED or GRANTED, the waiter itself TIMED_OUT or INTERRUPTED, always
 * under the queue lock and only while the waiter is still WAITING, so exactly one of them decides.
 */
public enum Outcome {
    /** Still queued; nobody has decided yet. Never returned by a wait. */
    WAITING,
    /** A waker chose this waiter; what that means belongs to the primitive (compete, re-check, set...). */
    SIGNALLED,
    /** A waker handed this waiter a resource directly (a permit, a barrier index); the waiter owns it. */
    GRANTED,
    /** The waiter reached its deadline and left the queue; it owns nothing. */
    TIMED_OUT,
    /** The waiter was interrupted and left the queue; it owns nothing. */
    INTERRUPTED,
    /** The primitive's state, re-checked under the queue lock, let the thread through: it never queued. */
    PASSED
}
