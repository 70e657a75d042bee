package org.threading4j.litmus.semaphore;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.threading4j.Semaphore;

/**
 * Memory effects: a plain write before {@code release()} is visible after a successful {@code tryAcquire()}
 * of the permit that release made (Semaphore(0), so that is the only permit there is).
 *
 * <p>Run: {@code java -jar checks/jcstress/target/jcstress.jar -t 'litmus\.semaphore\.' -m quick -sc false -iters 1 -time 200 -c 2}
 */
@JCStressTest
@Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "took the released permit and sees the write made before the release")
@Outcome(id = {"0, 0", "0, 1"}, expect = ACCEPTABLE, desc = "no permit yet: tryAcquire failed (the write may or may not be seen)")
@Outcome(id = "1, 0", expect = FORBIDDEN, desc = "took the permit but missed the write before release: no happens-before")
@State
public class Semaphore_01_ReleaseHappensBeforeAcquire {

    final Semaphore sem = new Semaphore(0);
    int x;

    @Actor
    public void writer() {
        x = 1;
        sem.release();
    }

    @Actor
    public void reader(II_Result r) {
        r.r1 = sem.tryAcquire() ? 1 : 0;
        r.r2 = x;
    }
}
