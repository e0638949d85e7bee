package org.iamlab.site;

import java.util.List;
import java.util.Objects;
import org.iamlab.kernel.CellOutput;

/** A lesson after its notebook ran: every cell with the outputs Jupyter would have shown. */
public record ExecutedLesson(Lesson lesson, List<Cell> cells) {

    public ExecutedLesson {
        Objects.requireNonNull(lesson, "lesson");
        cells = List.copyOf(cells);
    }

    /** A cell and its outputs (none for Markdown cells). */
    public record Cell(Notebook.Cell cell, List<CellOutput> outputs) {
        public Cell {
            Objects.requireNonNull(cell, "cell");
            outputs = List.copyOf(outputs);
        }
    }
}
