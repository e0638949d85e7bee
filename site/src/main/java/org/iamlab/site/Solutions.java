package org.iamlab.site;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The solutions in a code cell, marked as nbgrader marks them: the lines between {@code // BEGIN SOLUTION} and
 * {@code // END SOLUTION} (also {@code //} + {@code ## BEGIN SOLUTION}, nbgrader's own form with the Java
 * comment mark). The stub keeps the cell runnable: each solution becomes {@code // YOUR ANSWER HERE}, indented
 * as its marker was.
 */
final class Solutions {

    static final String STUB = "// YOUR ANSWER HERE";
    private static final Pattern MARKER = Pattern.compile("^(\\s*)//\\s*(?:##\\s*)?(BEGIN|END) SOLUTION\\s*$");

    private Solutions() {
    }

    /** A cell's code: as the student gets it, and whether it held a solution. */
    record Split(String stub, boolean hasSolution) {
    }

    /**
     * Splits {@code code} (cell {@code cell} of lesson {@code lesson}, for the error message).
     *
     * @throws IllegalArgumentException for an END without BEGIN, a BEGIN inside a solution, or a BEGIN never ended
     */
    static Split split(String code, String lesson, int cell) {
        List<String> out = new ArrayList<>();
        String[] lines = code.split("\n", -1);
        int openedAt = -1;
        boolean any = false;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = MARKER.matcher(lines[i]);
            if (!m.matches()) {
                if (openedAt < 0) {
                    out.add(lines[i]);
                }
                continue;
            }
            boolean begin = m.group(2).equals("BEGIN");
            if (begin == (openedAt >= 0)) {
                throw new IllegalArgumentException(lesson + ": cell " + cell + ", line " + (i + 1) + ": `"
                        + lines[i].strip() + "` " + (begin ? "inside the solution begun on line " + (openedAt + 1)
                        : "without a `// BEGIN SOLUTION` before it"));
            }
            if (begin) {
                openedAt = i;
                any = true;
                out.add(m.group(1) + STUB);
            } else {
                openedAt = -1;
            }
        }
        if (openedAt >= 0) {
            throw new IllegalArgumentException(lesson + ": cell " + cell + ", line " + (openedAt + 1)
                    + ": `// BEGIN SOLUTION` is never ended; add `// END SOLUTION` after the solution");
        }
        return new Split(String.join("\n", out), any);
    }
}
