package org.threading4j.checks.contract;

import org.threading4j.checks.subjects.ConditionWorlds;

/** The Condition contract against the model, over a RLock. */
class ConditionSpecRLockContractTest extends ConditionContract {
    @Override
    ConditionWorlds.World create(int threads) {
        return ConditionWorlds.model(ConditionWorlds.Kind.RLOCK, threads);
    }
}
