package org.threading4j.checks.contract;

import org.threading4j.checks.subjects.EventWorlds;

/** The Event contract against the model. */
class EventSpecContractTest extends EventContract {
    @Override
    EventWorlds.World create(int threads) {
        return EventWorlds.model(threads);
    }
}
