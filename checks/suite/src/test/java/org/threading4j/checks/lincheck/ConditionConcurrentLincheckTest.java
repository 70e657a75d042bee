package org.threading4j.checks.lincheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.jetbrains.lincheck.Lincheck;
import org.junit.jupiter.api.Test;
import org.threading4j.Condition;
import org.threading4j.Lock;
import org.threading4j.RLock;
import org.threading4j.checks.support.Evidence;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

/**
 * Whole Condition scenarios under Lincheck's general-purpose model checker, threads created inside the
 * scenario; each worker's failure is rethrown after the joins. Model checking freezes
 * {@code System.nanoTime()}, so {@code await(Duration.ZERO)} times out at its first check (unless a signal
 * got there first) and a one-hour timeout never passes; both are therefore usable here.
 */
public class ConditionConcurrentLincheckTest {

    /** State shared by a scenario's threads; plain fields, guarded by the condition's lock. */
    static final class Shared {
        int arrived;
        boolean cleaned;
        Boolean timedResult;
        boolean secondReturned;
        boolean secondSawCleanup;
        /** Set by the signaller once its interrupt() has returned; read without the lock. */
        volatile boolean interruptSent;
    }

    /**
     * A waiter with {@code await(0)} and a waiter with no timeout are both in; one signal is sent. If the
     * timed waiter answers false, the signal must reach the other waiter with no further help (else the
     * join hangs, which Lincheck reports); if it answers true, the other waiter must still be waiting when a
     * second, clean-up signal comes (else one signal woke two).
     */
    @Test
    @Verifies(primitive = "Condition", property = "no lost signal: a timed-out waiter never uses up a signal (signal vs await(0))", tool = Tool.LINCHECK_CONCURRENT)
    public void signalRacingTimedOutWaiter() {
        int invocations = LincheckBounds.CONDITION_SIGNAL_RACE;
        Lincheck.runConcurrentTest(invocations, () -> {
            Lock lock = new Lock();
            Condition cond = new Condition(lock);
            Condition arrivals = new Condition(lock);
            Shared s = new Shared();
            Throwable[] failure = new Throwable[1];
            Thread timed = new Thread(() -> {
                try {
                    cond.acquire();
                    s.arrived++;
                    arrivals.signal();
                    s.timedResult = cond.await(Duration.ZERO);
                    cond.release();
                } catch (Throwable e) {
                    failure[0] = e;
                }
            });
            Thread plain = new Thread(() -> {
                try {
                    cond.acquire();
                    s.arrived++;
                    arrivals.signal();
                    cond.await();
                    s.secondReturned = true;
                    s.secondSawCleanup = s.cleaned;
                    cond.release();
                } catch (Throwable e) {
                    failure[0] = e;
                }
            });
            Thread signaller = new Thread(() -> {
                try {
                    cond.acquire();
                    arrivals.waitFor(() -> s.arrived == 2);
                    cond.signal();
                    cond.release();
                } catch (Throwable e) {
                    failure[0] = e;
                }
            });
            timed.start();
            plain.start();
            signaller.start();
            join(timed, signaller);
            rethrow(failure);
            if (Boolean.TRUE.equals(s.timedResult)) {
                cond.acquire();
                s.cleaned = true;
                cond.signal();
                cond.release();
            }
            join(plain);
            rethrow(failure);
            if (Boolean.TRUE.equals(s.timedResult)) {
                assertTrue(s.secondSawCleanup, "one signal woke both waiters");
            } else {
                assertTrue(s.secondReturned);
                assertFalse(s.cleaned);
            }
        });
        Evidence.explored(invocations, "invocations");
    }

    /**
     * The same with an interrupt instead of a timeout: an interrupted waiter that throws never uses up the
     * signal; one that returns normally (the signal came first) keeps its interrupt status.
     */
    @Test
    @Verifies(primitive = "Condition", property = "no lost signal: an interrupted waiter never uses up a signal", tool = Tool.LINCHECK_CONCURRENT)
    void signalRacingInterruptedWaiter() {
        int invocations = LincheckBounds.CONDITION_SIGNAL_RACE;
        Lincheck.runConcurrentTest(invocations, () -> {
            Lock lock = new Lock();
            Condition cond = new Condition(lock);
            Condition arrivals = new Condition(lock);
            Shared s = new Shared();
            Throwable[] failure = new Throwable[1];
            Thread interruptee = new Thread(() -> {
                try {
                    cond.acquire();
                    s.arrived++;
                    arrivals.signal();
                    try {
                        cond.await();
                        s.timedResult = true;
                        // The signal lets this thread return before the signaller's interrupt() call; once
                        // that call has been made, the interrupt must be visible here, kept, not used up.
                        while (!s.interruptSent) {
                            Thread.onSpinWait();
                        }
                        assertTrue(Thread.interrupted(), "a signalled waiter keeps the interrupt");
                    } catch (InterruptedException e) {
                        s.timedResult = false;
                    }
                    cond.release();
                } catch (Throwable e) {
                    failure[0] = e;
                }
            });
            Thread plain = new Thread(() -> {
                try {
                    cond.acquire();
                    s.arrived++;
                    arrivals.signal();
                    cond.await();
                    s.secondReturned = true;
                    s.secondSawCleanup = s.cleaned;
                    cond.release();
                } catch (Throwable e) {
                    failure[0] = e;
                }
            });
            Thread signaller = new Thread(() -> {
                try {
                    cond.acquire();
                    arrivals.waitFor(() -> s.arrived == 2);
                    cond.signal();
                    cond.release();
                    interruptee.interrupt();
                } catch (Throwable e) {
                    failure[0] = e;
                } finally {
                    s.interruptSent = true; // also on failure, so that the interruptee cannot spin forever
                }
            });
            interruptee.start();
            plain.start();
            signaller.start();
            join(interruptee, signaller);
            rethrow(failure);
            if (Boolean.TRUE.equals(s.timedResult)) {
                cond.acquire();
                s.cleaned = true;
                cond.signal();
                cond.release();
            }
            join(plain);
            rethrow(failure);
            if (Boolean.TRUE.equals(s.timedResult)) {
                assertTrue(s.secondSawCleanup, "one signal woke both waiters");
            } else {
                assertTrue(s.secondReturned);
            }
        });
        Evidence.explored(invocations, "invocations");
    }

    /** With an RLock held twice, waitFor releases both levels (the signaller gets in) and restores two. */
    @Test
    @Verifies(primitive = "Condition", property = "RLock: await releases every hold level and restores the count", tool = Tool.LINCHECK_CONCURRENT)
    public void rlockHoldCountRestored() {
        int invocations = LincheckBounds.CONDITION_RLOCK_HOLDS;
        Lincheck.runConcurrentTest(invocations, () -> {
            RLock rlock = new RLock();
            Condition cond = new Condition(rlock);
            boolean[] ready = new boolean[1];
            int[] count = new int[1];
            Throwable[] failure = new Throwable[1];
            Thread waiter = new Thread(() -> {
                try {
                    rlock.acquire();
                    rlock.acquire();
                    cond.waitFor(() -> ready[0]);
                    count[0] = rlock.holdCount();
                    rlock.release();
                    rlock.release();
                } catch (Throwable e) {
                    failure[0] = e;
                }
            });
            Thread signaller = new Thread(() -> {
                try {
                    cond.acquire();
                    ready[0] = true;
                    cond.signalAll();
                    cond.release();
                } catch (Throwable e) {
                    failure[0] = e;
                }
            });
            waiter.start();
            signaller.start();
            join(waiter, signaller);
            rethrow(failure);
            assertEquals(2, count[0]);
            assertFalse(rlock.locked());
        });
        Evidence.explored(invocations, "invocations");
    }

    /**
     * With a plain {@code Lock}, which has no owner, a thread may wait while another thread holds the lock,
     * and that thread may release it between the waiter's ownership check and the waiter's own release. The
     * waiter then fails after it was queued ("cannot wait on un-acquired lock") and must leave the queue, or a
     * later signal is wasted on a thread that is gone. Whatever the interleaving, the condition's queue is
     * empty once both threads are done.
     */
    @Test
    @Verifies(primitive = "Condition", property = "a waiter that fails after queueing (its Lock released by another thread) leaves the queue", tool = Tool.LINCHECK_CONCURRENT)
    public void lockReleasedUnderAWaiter() {
        int invocations = LincheckBounds.CONDITION_SIGNAL_RACE;
        Lincheck.runConcurrentTest(invocations, () -> {
            Lock lock = new Lock();
            lock.acquire();
            Condition cond = new Condition(lock);
            Throwable[] failure = new Throwable[1];
            Thread waiter = new Thread(() -> {
                try {
                    assertFalse(cond.await(Duration.ZERO)); // it released the lock itself: back with it
                    lock.release();
                } catch (IllegalMonitorStateException expected) {
                    assertEquals("cannot wait on un-acquired lock", expected.getMessage());
                } catch (Throwable e) {
                    failure[0] = e;
                }
            });
            Thread releaser = new Thread(() -> {
                try {
                    lock.release();
                } catch (IllegalMonitorStateException waiterReleasedItFirst) {
                    assertEquals("release unlocked lock", waiterReleasedItFirst.getMessage());
                } catch (Throwable e) {
                    failure[0] = e;
                }
            });
            waiter.start();
            releaser.start();
            join(waiter, releaser);
            rethrow(failure);
            assertTrue(cond.toString().contains("[waiters=0,"), () -> "a stale entry: " + cond);
        });
        Evidence.explored(invocations, "invocations");
    }

    static void join(Thread... ts) {
        for (Thread t : ts) {
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    static void rethrow(Throwable[] failure) {
        Throwable f = failure[0];
        if (f instanceof Error) {
            throw (Error) f;
        }
        if (f != null) {
            throw new AssertionError("worker failed", f);
        }
    }
}
