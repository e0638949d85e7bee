package org.iamlab.lessons.model;

import java.util.Objects;

/**
 * IAM Lab DSL code inside an exercise file (a world, an edit, a solution), with the location of its first line so
 * that a mistake in it is reported at the file's line.
 */
public record Snippet(String code, Location at) {

    public Snippet {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(at, "at");
    }

    /** The file line of the snippet's {@code snippetLine} (1-based). */
    public int fileLine(int snippetLine) {
        return at.line() + Math.max(snippetLine, 1) - 1;
    }
}
