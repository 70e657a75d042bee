package org.threading4j.checks.mutants;

/**
 * Broken shared wake-ups ({@code WaitQueue.unparkAllShared} and {@code WaitQueue.helpUnpark}, used by
 * {@code Event.set()} and the Barrier trip): the waker claims and unparks every node of its chain that no
 * helper claimed, and a woken waiter helps by claiming and unparking the nodes after its own, stopping at a
 * node that is not decided yet. The controlled-scheduling checks in {@code checks/fray} must catch them;
 * Lincheck's model checker cannot, because it lets every park return spuriously, which hides a missing
 * unpark.
 */
public final class WakeUpMutants {

    private static final String WAIT_QUEUE = "org/threading4j/internal/WaitQueue.java";

    private WakeUpMutants() {
    }

    /**
     * The lost wake-up that shipped: a helper claims a node whose outcome the waker has not written yet
     * (the chain links it before its status), unparks a thread that reads WAITING and parks again, and the
     * waker then skips the claimed node.
     */
    public static final Mutant HELPER_CLAIMS_UNDECIDED = new Mutant("helper-claims-undecided-waiter",
            "a helper claims and unparks a waiter whose outcome is not written yet; the waker skips it",
            WAIT_QUEUE,
            "            if (w.status == WAITING) {\n"
                    + "                return; // not decided yet: the waker is still resolving, and will unpark it itself\n"
                    + "            }\n",
            "");

    /**
     * A helper unparks the nodes after its own without claiming them. The waker then unparks them too: an
     * extra unpark per node, which a park loop treats as a spurious wake-up. Expected to be harmless (an
     * equivalent mutant for liveness); kept so that the checks show it.
     */
    public static final Mutant HELPER_UNPARKS_WITHOUT_CLAIM = new Mutant("helper-unparks-without-claim",
            "a helper unparks the waiters after its own without claiming them",
            WAIT_QUEUE,
            "            if (w.unparkClaimed != 0 || !UNPARK_CLAIMED.compareAndSet(w, 0, 1)) {",
            "            if (w.unparkClaimed != 0) {");

    /**
     * The waker stops at the first node a helper claimed, trusting that helper to carry on along the chain
     * without checking that it did: a helper stops at an undecided node, so the nodes after it are left to
     * nobody.
     */
    public static final Mutant WAKER_SKIPS_CLAIMED = new Mutant("waker-stops-at-claimed",
            "the waker stops at the first node a helper claimed, trusting the helper to wake the rest",
            WAIT_QUEUE,
            "            if (w.unparkClaimed == 0 && UNPARK_CLAIMED.compareAndSet(w, 0, 1)) {\n"
                    + "                LockSupport.unpark(w.thread);\n"
                    + "            }\n",
            "            if (w.unparkClaimed != 0 || !UNPARK_CLAIMED.compareAndSet(w, 0, 1)) {\n"
                    + "                return;\n"
                    + "            }\n"
                    + "                LockSupport.unpark(w.thread);\n");
}
