package org.threading4j.litmus.timer;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.time.Duration;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.threading4j.Timer;

/**
 * A zero-interval timer whose action writes two plain fields is started with the state; one actor asks
 * {@code join(ZERO)}, the other {@code isAlive()}, and each then reads the fields. Whenever an actor sees the
 * timer finished, it must see both writes. Each result: 0 = not finished yet (any read allowed), 2 = seen
 * finished with the writes visible, 1 = seen finished without them.
 *
 * <p>Run: {@code java -jar checks/jcstress/target/jcstress.jar -t 'litmus\.timer\.' -m quick -sc false -iters 1 -time 200 -c 2}
 */
@JCStressTest
@Outcome(id = {"0, 0", "0, 2", "2, 0", "2, 2"}, expect = ACCEPTABLE, desc = "seen running, or seen finished together with the action's writes")
@Outcome(expect = FORBIDDEN, desc = "seen finished (join(ZERO) true or isAlive() false) without the action's writes")
@State
public class Timer_03_ActionHappensBeforeJoin {

    int a;
    int b;

    final Timer timer = new Timer(Duration.ZERO, () -> {
        a = 1;
        b = 1;
    }, r -> {
        Thread t = new Thread(r);
        t.setDaemon(true);
        return t;
    });

    public Timer_03_ActionHappensBeforeJoin() {
        timer.start();
    }

    private int seen(boolean finished) {
        return !finished ? 0 : a == 1 && b == 1 ? 2 : 1;
    }

    @Actor
    public void joiner(II_Result r) {
        try {
            r.r1 = seen(timer.join(Duration.ZERO));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Actor
    public void poller(II_Result r) {
        r.r2 = seen(!timer.isAlive());
    }
}
