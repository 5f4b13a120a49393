package org.mailshelf.fuzz;

/** Settings shared by the fuzz tests. */
final class FuzzSettings {

    /**
     * How long each {@code @FuzzTest} fuzzes when {@code JAZZER_FUZZ} is set (the module's build sets it). Jazzer
     * 0.24.0 takes the duration only from the annotation, so fuzzing longer means changing this value (locally,
     * not committed): see README.md.
     */
    static final String MAX_DURATION = "15s";

    private FuzzSettings() {
    }
}
