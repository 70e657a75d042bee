package org.threading4j.checks.mutants;

/**
 * Turns on the engine's test-only race-widening seam ({@code org.threading4j.internal.Races},
 * {@code -Dthreading4j.widenRaces}) for the library classes loaded while it is open. The seam is read once
 * when the class initialises, and every {@link Catch} run loads the library afresh, so the runs inside
 * {@code try (RaceSeam on = RaceSeam.on()) { ... }} see it on while the library the rest of the suite uses is
 * unaffected.
 */
public final class RaceSeam implements AutoCloseable {

    static final String PROPERTY = "threading4j.widenRaces";

    private final String before;

    private RaceSeam() {
        before = System.getProperty(PROPERTY);
        System.setProperty(PROPERTY, "true");
    }

    public static RaceSeam on() {
        return new RaceSeam();
    }

    @Override
    public void close() {
        if (before == null) {
            System.clearProperty(PROPERTY);
        } else {
            System.setProperty(PROPERTY, before);
        }
    }
}
