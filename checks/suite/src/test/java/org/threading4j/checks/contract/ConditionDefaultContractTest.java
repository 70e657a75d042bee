package org.threading4j.checks.contract;

import org.threading4j.checks.subjects.ConditionWorlds;

/** The Condition contract against the real condition (DEFAULT: new Condition(), its own RLock), on real threads. */
class ConditionDefaultContractTest extends ConditionContract {
    @Override
    ConditionWorlds.World create(int threads) {
        return ConditionWorlds.real(ConditionWorlds.Kind.DEFAULT, threads);
    }
}
