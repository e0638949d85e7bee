package org.iamlab.lessons.student;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Marked regions of a cell ({@code // BEGIN SOLUTION} ... {@code // END SOLUTION}, or nbgrader's form with the
 * comment mark set to {@code //}: {@code //## BEGIN SOLUTION}), replaced line by line; unpaired or nested
 * markers are an error naming the notebook, cell and line.
 */
final class Regions {

    private final Pattern begin;
    private final Pattern end;
    private final String what;

    /** Regions delimited by {@code BEGIN word} and {@code END word} comments. */
    Regions(String word) {
        this.begin = marker("BEGIN " + word);
        this.end = marker("END " + word);
        this.what = word;
    }

    private static Pattern marker(String text) {
        return Pattern.compile("^\\s*(//|#)\\s*(##\\s*)?" + Pattern.quote(text) + "\\s*$");
    }

    /** Whether {@code source} has a marker of this kind. */
    boolean marks(String source) {
        return source.lines().anyMatch(l -> begin.matcher(l).matches() || end.matcher(l).matches());
    }

    /**
     * {@code source} with each region replaced by {@code stub} (at the begin marker's indentation), or removed
     * when {@code stub} is null.
     */
    String replace(String source, String stub, String notebook, int cell) {
        List<String> out = new ArrayList<>();
        List<String> lines = source.lines().toList();
        int openedAt = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (begin.matcher(line).matches()) {
                if (openedAt > 0) {
                    throw error(notebook, cell, i + 1, "`BEGIN " + what + "` inside the region opened at line "
                            + openedAt + "; close it with `// END " + what + "` first");
                }
                openedAt = i + 1;
                if (stub != null) {
                    out.add(line.substring(0, line.indexOf(line.strip())) + stub);
                }
            } else if (end.matcher(line).matches()) {
                if (openedAt == 0) {
                    throw error(notebook, cell, i + 1, "`END " + what + "` without a `// BEGIN " + what + "` before it");
                }
                openedAt = 0;
            } else if (openedAt == 0) {
                out.add(line);
            }
        }
        if (openedAt > 0) {
            throw error(notebook, cell, openedAt, "`BEGIN " + what + "` is never closed; add `// END " + what + "`");
        }
        String joined = String.join("\n", out);
        return source.endsWith("\n") && !joined.isEmpty() ? joined + "\n" : joined;
    }

    private static StudentEditionException error(String notebook, int cell, int line, String problem) {
        return new StudentEditionException(notebook + ": cell " + cell + ", line " + line + ": " + problem);
    }
}
