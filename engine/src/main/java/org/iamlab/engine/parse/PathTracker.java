package org.iamlab.engine.parse;

import java.util.Arrays;

/**
 * The JSON path of the value being read, e.g. {@code Statement[0].Condition.StringEquals}. The steps are kept
 * as they come and written out only when asked for: the path is pushed and popped for every value of every
 * policy, and read only for an error or a warning.
 */
final class PathTracker {

    /** The steps, outermost first: a name, or {@code null} where the step is the index in {@link #indices}. */
    private String[] names = new String[16];
    private int[] indices = new int[16];
    private int depth;

    private void grow() {
        if (depth == names.length) {
            names = Arrays.copyOf(names, depth * 2);
            indices = Arrays.copyOf(indices, depth * 2);
        }
    }

    void push(String name) {
        grow();
        names[depth++] = name;
    }

    void index(int index) {
        grow();
        names[depth] = null;
        indices[depth++] = index;
    }

    void pop() {
        names[--depth] = null;
    }

    String current() {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            if (names[i] == null) {
                path.append('[').append(indices[i]).append(']');
            } else {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(names[i]);
            }
        }
        return path.toString();
    }
}
