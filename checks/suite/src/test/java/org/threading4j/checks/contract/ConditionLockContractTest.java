package org.threading4j.checks.contract;

import org.threading4j.checks.subjects.ConditionWorlds;

/** The Condition contract against the real condition (LOCK: over a Lock), on real threads. */
public class ConditionLockContractTest extends ConditionContract {
    @Override
    ConditionWorlds.World create(int threads) {
        return ConditionWorlds.real(ConditionWorlds.Kind.LOCK, threads);
    }
}
