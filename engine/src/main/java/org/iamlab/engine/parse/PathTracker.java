package org.iamlab.engine.parse;

import java.util.Arrays;

/** The JSON path of the value being read, e.g. {@code Statement[0].Condition.StringEquals}. */
final class PathTracker {

    private final StringBuilder path = new StringBuilder();
    /** The path's length before each open step, innermost last (ints, not boxed: this runs per JSON value). */
    private int[] marks = new int[16];
    private int depth;

    private void mark() {
        if (depth == marks.length) {
            marks = Arrays.copyOf(marks, depth * 2);
        }
        marks[depth++] = path.length();
    }

    void push(String name) {
        mark();
        if (path.length() > 0) {
            path.append('.');
        }
        path.append(name);
    }

    void index(int index) {
        mark();
        path.append('[').append(index).append(']');
    }

    void pop() {
        path.setLength(marks[--depth]);
    }

    String current() {
        return path.toString();
    }
}
