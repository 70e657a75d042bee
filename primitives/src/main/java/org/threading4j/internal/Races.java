package org.threading4j.internal;

/**
 * A test-only seam that widens the engine's narrowest race windows, so that stress checks (and the mutant
 * meta-tests that prove those checks work) meet interleavings that would otherwise need billions of tries.
 *
 * <p>With {@code -Dthreading4j.widenRaces=true}, each marked point ({@code if (Races.WIDEN) Races.pause();})
 * stalls the calling thread for a short random time: up to about a thousand spin-waits, now and then a
 * {@link Thread#yield()}. Off by default, and free when off: {@link #WIDEN} is a {@code static final} read
 * once when this class is initialised, so the JIT folds the marked points away. The points sit where a
 * correct algorithm re-validates (a CAS, a re-check under the queue lock); a pause there can only make a
 * rare interleaving common, never change what the code does, so the library is correct with the seam on
 * or off. Only checks turn it on.
 *
 * <p>The marked points:
 * <ul>
 *   <li>{@code PermitSync.release}: after deciding "nobody is parked", before the CAS that validates it
 *       (a waiter may announce itself there);</li>
 *   <li>{@code PermitSync.acquireSlow}: after the fast attempt failed, before the validation under the queue
 *       lock (a release may free a permit there);</li>
 *   <li>{@code WaitQueue.park}: after reading "still WAITING", before parking (a waker may resolve and
 *       unpark the waiter there).</li>
 *   <li>{@code PermitSync.leaveCompetition}: a woken thread is giving up without a permit, before it
 *       leaves the count of woken competitors (a release that trusted it to take its permit may come
 *       there); and {@code PermitSync.wakeForFreePermits}, before it re-reads the state under the queue
 *       lock.</li>
 *   <li>{@code PermitSync.unparkWhenReleased}: after a Condition's signal pushed its waiters for the lock's
 *       next release, before it checks whether the lock is free already (that release may come there).</li>
 *   <li>{@code BarrierSync.waitForTrip}: after a party arrived, before it validates its generation under the
 *       queue lock and parks (the trip may come first: the party is then not released by the trip but
 *       departs on its own, and the barrier drains).</li>
 * </ul>
 */
final class Races {

    /** Whether the marked points pause; read once, from {@code -Dthreading4j.widenRaces}. */
    static final boolean WIDEN = Boolean.getBoolean("threading4j.widenRaces");

    private Races() {
    }

    /** Stalls for a short pseudo-random time. Called only when {@link #WIDEN} is set. */
    static void pause() {
        long r = System.nanoTime() * 0x9E3779B97F4A7C15L; // cheap, thread-independent randomness
        r ^= r >>> 31;
        if ((r & 0x1F) == 0) {
            Thread.yield(); // now and then let another thread run right here (2 cores, many threads)
            return;
        }
        for (int spins = (int) ((r >>> 8) & 0x3FF); spins > 0; spins--) {
            Thread.onSpinWait();
        }
    }
}
