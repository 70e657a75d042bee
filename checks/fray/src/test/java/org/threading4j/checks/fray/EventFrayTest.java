package org.threading4j.checks.fray;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.extension.ExtendWith;
import org.pastalab.fray.junit.junit5.FrayTestExtension;
import org.pastalab.fray.junit.junit5.annotations.FrayTest;
import org.threading4j.Event;
import org.threading4j.checks.support.Tool;
import org.threading4j.checks.support.Verifies;

@ExtendWith({FrayTestExtension.class, FrayEvidence.class})
class EventFrayTest {

    @FrayTest(iterations = 200, resetClassLoaderPerIteration = false)
    @Verifies(primitive = "Event", property = "no lost wake-up: set() wakes every waiter", tool = Tool.STRESS)
    void setWakesEveryWaiter() throws Exception {
        Event e = new Event();
        boolean[] woke = new boolean[3];
        Thread[] ts = new Thread[3];
        for (int i = 0; i < ts.length; i++) {
            int k = i;
            ts[i] = new Thread(() -> {
                try {
                    e.await();
                    woke[k] = true;
                } catch (InterruptedException x) {
                    throw new AssertionError(x);
                }
            });
            ts[i].start();
        }
        e.set();
        for (Thread t : ts) {
            t.join();
        }
        for (boolean w : woke) {
            assertTrue(w);
        }
    }
}
