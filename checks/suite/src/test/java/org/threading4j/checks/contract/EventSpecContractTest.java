package org.threading4j.checks.contract;

/** The Event contract against the model. */
class EventSpecContractTest extends EventContract {
    @Override
    EventWorlds.World create(int threads) {
        return EventWorlds.model(threads);
    }
}
