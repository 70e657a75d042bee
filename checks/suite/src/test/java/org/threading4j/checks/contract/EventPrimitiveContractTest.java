package org.threading4j.checks.contract;

import org.threading4j.Event;
import org.threading4j.checks.subjects.EventWorlds;

/**
 * The Event contract against the real event on real threads. In {@code setAndClear}, {@code set(); clear();}
 * run back to back in the test thread, so the woken waiters almost always run after the flag is down again:
 * an await that re-read the flag instead of using its outcome would answer false.
 */
public class EventPrimitiveContractTest extends EventContract {
    @Override
    EventWorlds.World create(int threads) {
        return EventWorlds.real(threads);
    }

    @Override
    void setThenClear(EventWorlds.World w) {
        EventWorlds.RealWorld real = (EventWorlds.RealWorld) w;
        Event e = real.event;
        e.set();
        e.clear();
        real.settle();
    }
}
