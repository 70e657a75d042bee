package org.threading4j.checks.contract;

/** The Condition contract against the real condition (RLOCK: over a RLock), on real threads. */
public class ConditionRLockContractTest extends ConditionContract {
    @Override
    ConditionWorlds.World create(int threads) {
        return ConditionWorlds.real(ConditionWorlds.Kind.RLOCK, threads);
    }
}
