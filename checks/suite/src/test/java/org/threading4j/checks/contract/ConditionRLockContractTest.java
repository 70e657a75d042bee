package org.threading4j.checks.contract;

import org.threading4j.checks.subjects.ConditionWorlds;

/** The Condition contract against the real condition (RLOCK: over a RLock), on real threads. */
public class ConditionRLockContractTest extends ConditionContract {
    @Override
    ConditionWorlds.World create(int threads) {
        return ConditionWorlds.real(ConditionWorlds.Kind.RLOCK, threads);
    }
}
