package org.threading4j.checks.contract;

import java.time.Duration;
import org.threading4j.checks.subjects.TimerSubjects;

/** The Timer contract against the sequential model. */
class TimerSpecContractTest extends TimerContract {
    @Override
    TimerSubjects.Subject create(Duration interval) {
        return TimerSubjects.model(interval);
    }
}
