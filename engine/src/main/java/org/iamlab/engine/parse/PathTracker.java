package org.iamlab.engine.parse;

import java.util.ArrayDeque;
import java.util.Deque;

/** The JSON path of the value being read, e.g. {@code Statement[0].Condition.StringEquals}. */
final class PathTracker {

    private final StringBuilder path = new StringBuilder();
    private final Deque<Integer> marks = new ArrayDeque<>();

    void push(String name) {
        marks.push(path.length());
        if (path.length() > 0) {
            path.append('.');
        }
        path.append(name);
    }

    void index(int index) {
        marks.push(path.length());
        path.append('[').append(index).append(']');
    }

    void pop() {
        path.setLength(marks.pop());
    }

    String current() {
        return path.toString();
    }
}
