package org.iamlab.lessons.model;

import java.util.Objects;

/** Where something was written: a file (as the loader names it), a 1-based line and column. */
public record Location(String file, int line, int column) {

    public Location {
        Objects.requireNonNull(file, "file");
    }

    /** This location {@code lines} lines further down, at column 1. */
    public Location down(int lines) {
        return new Location(file, line + lines, 1);
    }

    @Override
    public String toString() {
        return file + ": line " + line + ", column " + column;
    }
}
