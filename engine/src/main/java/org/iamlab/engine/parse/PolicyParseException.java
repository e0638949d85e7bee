package org.iamlab.engine.parse;

import java.util.Objects;

/**
 * A policy (or simulation input) that cannot be used, with where and why. The message reads
 * {@code line 3, column 14: at Statement[0].Effect: `Alow` is not an effect; did you mean `Allow`?}.
 */
public final class PolicyParseException extends RuntimeException {

    private final int line;
    private final int column;
    private final String path;
    private final String problem;
    private final String hint;

    /**
     * @param line    1-based line, or 0 when unknown
     * @param column  1-based column, or 0 when unknown
     * @param path    JSON path of the offending value, e.g. {@code Statement[0].Effect}; empty for the root
     * @param problem what is wrong, lowercase, user input in backticks
     * @param hint    how to fix it, or {@code null}
     */
    public PolicyParseException(int line, int column, String path, String problem, String hint) {
        super(format(line, column, path, problem, hint));
        this.line = line;
        this.column = column;
        this.path = Objects.requireNonNull(path, "path");
        this.problem = Objects.requireNonNull(problem, "problem");
        this.hint = hint;
    }

    /** {@code line L, column C: at PATH: problem; hint}, the parts that are known; warnings are located alike. */
    static String format(int line, int column, String path, String problem, String hint) {
        StringBuilder out = new StringBuilder();
        if (line > 0) {
            out.append("line ").append(line).append(", column ").append(column).append(": ");
        }
        if (!path.isEmpty()) {
            out.append("at ").append(path).append(": ");
        }
        out.append(problem);
        if (hint != null) {
            out.append("; ").append(hint);
        }
        return out.toString();
    }

    /** The same problem with its line moved by {@code lines} and its path placed under {@code prefix}. */
    public PolicyParseException relocated(int lines, String prefix) {
        return new PolicyParseException(line + lines, column, under(prefix), problem, hint);
    }

    /**
     * The same problem found in a text that starts at {@code startLine}, {@code startColumn} of a larger one
     * (1-based), with its path placed under {@code prefix}.
     */
    public PolicyParseException within(int startLine, int startColumn, String prefix) {
        if (line <= 0) {
            return new PolicyParseException(startLine, startColumn, under(prefix), problem, hint);
        }
        int newColumn = line == 1 ? startColumn + column - 1 : column;
        return new PolicyParseException(startLine + line - 1, newColumn, under(prefix), problem, hint);
    }

    private String under(String prefix) {
        return prefix.isEmpty() ? path : path.isEmpty() ? prefix : prefix + "." + path;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String path() {
        return path;
    }

    public String problem() {
        return problem;
    }

    /** How to fix it, or {@code null}. */
    public String hint() {
        return hint;
    }
}
