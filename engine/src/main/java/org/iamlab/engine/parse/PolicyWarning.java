package org.iamlab.engine.parse;

import java.util.Objects;

/**
 * Something a policy (or simulation input) says that AWS accepts and evaluates, but that is almost certainly not
 * what its author meant: an action or service AWS does not have, a policy variable under the old Version, a
 * resource that is not an ARN. IAM Access Analyzer reports such findings; the decision is still AWS's. The
 * message reads like an error's: {@code line 3, column 14: at Statement[0].Action: `s3:GetObjects` is not an
 * action of s3; did you mean `s3:GetObject`?}.
 *
 * @param line    1-based line, or 0 when unknown
 * @param column  1-based column, or 0 when unknown
 * @param path    JSON path of the value, e.g. {@code Statement[0].Action}; empty for the root
 * @param problem what is suspicious, lowercase, user input in backticks
 * @param hint    what was probably meant, or {@code null}
 */
public record PolicyWarning(int line, int column, String path, String problem, String hint) {

    public PolicyWarning {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(problem, "problem");
    }

    /** The warning in one line, located as {@link PolicyParseException} locates errors. */
    public String message() {
        return PolicyParseException.format(line, column, path, problem, hint);
    }

    /** What is suspicious and the hint, without the location. */
    public String text() {
        return hint == null ? problem : problem + "; " + hint;
    }

    /**
     * The same warning found in a text that starts at {@code startLine}, {@code startColumn} of a larger one
     * (1-based), with its path placed under {@code prefix}.
     */
    public PolicyWarning within(int startLine, int startColumn, String prefix) {
        String under = prefix.isEmpty() ? path : path.isEmpty() ? prefix : prefix + "." + path;
        if (line <= 0) {
            return new PolicyWarning(startLine, startColumn, under, problem, hint);
        }
        return new PolicyWarning(startLine + line - 1, line == 1 ? startColumn + column - 1 : column, under, problem,
                hint);
    }

    /** The same warning {@code lines} lines further down. */
    public PolicyWarning movedDown(int lines) {
        return lines == 0 ? this : new PolicyWarning(line + lines, column, path, problem, hint);
    }

    @Override
    public String toString() {
        return message();
    }
}
