package org.iamlab.lessons.format;

import org.iamlab.lessons.model.Location;

/** A mistake in an exercise file, at its file, line and column: {@code bank/roles.yaml: line 12, column 5: ...}. */
public final class ExerciseFormatException extends RuntimeException {

    private final transient Location at;
    private final String problem;

    public ExerciseFormatException(Location at, String problem) {
        super(at + ": " + problem, null, false, false);
        this.at = at;
        this.problem = problem;
    }

    public Location at() {
        return at;
    }

    /** What is wrong, without the location. */
    public String problem() {
        return problem;
    }
}
