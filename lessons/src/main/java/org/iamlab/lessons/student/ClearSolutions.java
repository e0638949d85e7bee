package org.iamlab.lessons.student;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Replaces each solution region of a code cell with a stub that still runs ({@code // YOUR ANSWER HERE}), and
 * the text of a Markdown solution cell with {@code YOUR ANSWER HERE}, as nbgrader's {@code ClearSolutions}.
 */
public final class ClearSolutions implements Step {

    /** The stub of a code solution: a comment, so that the cell (a {@code %%iam} or Java cell) still runs. */
    public static final String CODE_STUB = "// YOUR ANSWER HERE";
    public static final String TEXT_STUB = "YOUR ANSWER HERE";

    private final Regions regions = new Regions("SOLUTION");

    @Override
    public void apply(Notebook notebook) {
        List<ObjectNode> cells = notebook.cells();
        for (int i = 0; i < cells.size(); i++) {
            ObjectNode cell = cells.get(i);
            String source = Notebook.source(cell);
            String type = cell.path("cell_type").asText();
            if (type.equals("code")) {
                Notebook.source(cell, regions.replace(source, CODE_STUB, notebook.name(), i + 1));
            } else if (type.equals("markdown") && isSolution(cell)) {
                Notebook.source(cell, regions.marks(source) ? regions.replace(source, TEXT_STUB, notebook.name(), i + 1)
                        : TEXT_STUB);
            }
        }
    }

    private static boolean isSolution(ObjectNode cell) {
        ObjectNode nb = Notebook.nbgrader(cell);
        return nb != null && nb.path("solution").asBoolean(false);
    }
}
