package org.iamlab.dsl;

/**
 * A script that could not run to its end: the line of the script it stopped at (0 when unknown) and what is
 * wrong, already worded for the learner. Its message reads {@code line 12: no user `bob` ...}.
 */
public final class ScriptFailure extends RuntimeException {

    private final int line;
    private final String problem;

    public ScriptFailure(int line, String problem, Throwable cause) {
        super(line > 0 ? "line " + line + ": " + problem : problem, cause, false, false);
        this.line = line;
        this.problem = problem;
    }

    /** The script's line, 1-based, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** What is wrong, without the line. */
    public String problem() {
        return problem;
    }
}
