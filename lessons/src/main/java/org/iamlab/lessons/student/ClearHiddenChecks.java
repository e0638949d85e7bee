package org.iamlab.lessons.student;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes hidden checks: each {@code // BEGIN HIDDEN TESTS} ... {@code // END HIDDEN TESTS} region (nbgrader's
 * markers), and a cell left with nothing to run once its hidden region is gone (only blank lines or its
 * {@code %%iam} line). The course's own hidden checks live in the exercise files and never reach a notebook.
 */
public final class ClearHiddenChecks implements Step {

    private final Regions regions = new Regions("HIDDEN TESTS");

    @Override
    public void apply(Notebook notebook) {
        List<ObjectNode> kept = new ArrayList<>();
        List<ObjectNode> cells = notebook.cells();
        for (int i = 0; i < cells.size(); i++) {
            ObjectNode cell = cells.get(i);
            String source = Notebook.source(cell);
            if (!regions.marks(source)) {
                kept.add(cell);
                continue;
            }
            String visible = regions.replace(source, null, notebook.name(), i + 1);
            if (visible.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("%%"))) {
                continue;
            }
            Notebook.source(cell, visible);
            kept.add(cell);
        }
        notebook.cells(kept);
    }
}
