package org.threading4j.checks.support;

/** The kinds of check, as named in the verification report. */
public enum Tool {
    CONTRACT("contract test (spec and primitive)"),
    LINCHECK_STRESS("Lincheck stress"),
    LINCHECK_MODEL("Lincheck model checking"),
    LINCHECK_CONCURRENT("Lincheck runConcurrentTest"),
    PROPERTY("QuickTheories model-based"),
    PROPERTY_PARALLEL("QuickTheories parallel"),
    STRESS("stress with watchdog"),
    VIRTUAL_THREADS("virtual threads + JFR"),
    FRAY("Fray controlled scheduling"),
    MUTANT("mutant meta-test"),
    JCSTRESS("jcstress");

    private final String label;

    Tool(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
